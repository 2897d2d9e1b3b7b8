import { StatisticsService } from '@grants/domain';
import { createOpenCompetition, createTestContext, loginAdmin, Session, TestContext } from '@grants/testing';

const YEAR = 2031;

describe('Annual report in English: directions by their English titles', () => {
  let ctx: TestContext;
  let admin: Session;
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await loginAdmin(ctx.http);
    await createOpenCompetition(ctx.http, admin, {
      year: YEAR,
      directions: [
        { code: 'social', title: 'Социальная поддержка и защита граждан', titleEn: 'Social support' },
        { code: 'culture', title: 'Культура и искусство' },
      ],
    });
    await ctx.api.get(StatisticsService).compile(YEAR, null);
  });
  afterAll(() => ctx.close());

  it('keeps a direction’s English title in the snapshot, only where the competition gave one', async () => {
    const res = await ctx.http.as(admin).get(`/statistics/${YEAR}`);
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.figures.byDirection.map((d: { direction: string }) => [d.direction, d]));
    expect(byCode.social).toMatchObject({ title: 'Социальная поддержка и защита граждан', titleEn: 'Social support' });
    expect(byCode.culture.title).toBe('Культура и искусство');
    expect(byCode.culture).not.toHaveProperty('titleEn');
  });

  it('names directions in English where it can, in Russian otherwise; the Russian report stays Russian', async () => {
    const en = (await ctx.http.as(admin).get(`/statistics/${YEAR}/report?lang=en`)).text;
    expect(en).toContain('<html lang="en">');
    expect(en).toContain(
      'In 2031, no project prepared with the participation of Resource Center specialists received grant support.',
    );
    expect(en).toContain('In 2031, 1 competition was held; 0 applications were submitted by 0 organizations.');
    expect(en).toContain('The system holds no data on the 2030 competitions');
    expect(en).toContain('<td>Social support</td>');
    expect(en).toContain('<td>Культура и искусство</td>');
    expect(en).not.toContain('Социальная поддержка');

    const ru = (await ctx.http.as(admin).get(`/statistics/${YEAR}/report`)).text;
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('<td>Социальная поддержка и защита граждан</td>');
    expect(ru).not.toContain('Social support');
  });

  it('answers 400 naming lang for a language the report is not written in', async () => {
    const res = await ctx.http.as(admin).get(`/statistics/${YEAR}/report?lang=xx`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain('lang');
  });
});
