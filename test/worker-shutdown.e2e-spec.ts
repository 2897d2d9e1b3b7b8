import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestContext, registerNgo, TestContext } from '@grants/testing';
import { createWorkerApp } from '@grants/worker/setup';

/** SIGTERM runs the same shutdown as `close()`: the active job finishes before connections close. */
describe('Worker graceful shutdown', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    ctx = await createTestContext();
    worker = await createWorkerApp(ctx.config);
    await worker.init();
  });
  afterAll(() => ctx.close());

  it('finishes the mail it is sending, then stops', async () => {
    ctx.smtp.slowDown(1500);
    const sending = ctx.smtp.nextMessageStarts();
    const ngo = await registerNgo(ctx.http);
    await sending; // the send job is active now, waiting for the slow SMTP server

    await worker.close();

    expect(ctx.smtp.to(ngo.user.email)).toHaveLength(1);
    const [row] = await ctx.api
      .get(DataSource)
      .query(`SELECT status, attempts FROM notifications WHERE email = $1`, [ngo.user.email]);
    expect(row).toMatchObject({ status: 'sent' });
  });
});
