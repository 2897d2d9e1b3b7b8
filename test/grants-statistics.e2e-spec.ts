import { DataSource } from 'typeorm';
import { StatisticsService } from '@grants/domain';
import { createTestContext, insertGrant, loginAdmin, registerNgo, Session, TestContext } from '@grants/testing';

/**
 * A year of grants built by hand, and the `grants` figures and report paragraph it must give:
 * G1 completed (interim on time, final late; 1 of 2 targets met; 102 000.00 spent per its final report),
 * G2 active with an interim report 5 days overdue, G3 active with an interim accepted on time
 * (15 000.00 spent so far), G4 terminated with an overdue report (not counted), G5 awaiting its agreement.
 */
describe('Annual statistics: the grants of the year', () => {
  let ctx: TestContext;
  let db: DataSource;
  let admin: Session;
  let year: number;

  const report = (grantId: string, code: string, set: string, params: unknown[] = []) =>
    db.query(`UPDATE grant_reports SET ${set} WHERE grant_id = $1 AND code = '${code}'`, [grantId, ...params]);
  const spent = (a: string, b: string) =>
    JSON.stringify([
      { item: 'Оплата труда координатора', planned: '60000.00', spent: a },
      { item: 'Аренда помещения', planned: '40000.00', spent: b },
    ]);

  beforeAll(async () => {
    ctx = await createTestContext();
    db = ctx.api.get(DataSource);
    admin = await loginAdmin(ctx.http);
    const ngo = await registerNgo(ctx.http);

    const g1 = await insertGrant(db, ngo, { status: 'completed', dueInDays: [-60, -10] });
    await report(
      g1.grantId,
      'interim',
      `status = 'accepted', first_submitted_at = (due_date - 1)::timestamp AT TIME ZONE 'Asia/Krasnoyarsk', expenditures = $2`,
      [spent('30000.00', '20000.00')],
    );
    await report(
      g1.grantId,
      'final',
      `status = 'accepted', first_submitted_at = (due_date + 2)::timestamp AT TIME ZONE 'Asia/Krasnoyarsk',
       results = $2, expenditures = $3`,
      [
        JSON.stringify([
          { indicator: 'Число вовлечённых волонтёров', target: '120 человек', achieved: '1 340 человек' },
          { indicator: 'Проведено мероприятий', target: '10', achieved: '8' },
        ]),
        spent('62000.00', '40000.00'),
      ],
    );
    const g2 = await insertGrant(db, ngo, { dueInDays: [-5, 60] });
    const g3 = await insertGrant(db, ngo, { dueInDays: [-3, 60] });
    await report(
      g3.grantId,
      'interim',
      `status = 'accepted', first_submitted_at = now() - interval '5 days', expenditures = $2`,
      [spent('10000.00', '5000.00')],
    );
    await insertGrant(db, ngo, { status: 'terminated', dueInDays: [-5, 60] });
    await insertGrant(db, ngo, { status: 'awaiting_agreement' });
    expect(g2.competitionId).toBeDefined();
    [{ year }] = await db.query(`SELECT year FROM competitions WHERE id = $1`, [g1.competitionId]);
    await ctx.api.get(StatisticsService).compile(year, null);
  });
  afterAll(() => ctx.close());

  it('counts grants by status, reports on time and late, targets met and money spent', async () => {
    const res = await ctx.http.as(admin).get(`/statistics/${year}`);
    expect(res.status).toBe(200);
    expect(res.body.figures.grants).toEqual({
      awaitingAgreement: 1,
      active: 2,
      completed: 1,
      terminated: 1,
      reportsOnTime: 2,
      reportsLate: 2,
      indicatorsMet: 1,
      indicatorsTotal: 2,
      spent: '117000.00',
    });
  });

  it('the annual report tells of completed projects and targets met, in Russian and in English', async () => {
    const ru = await ctx.http.as(admin).get(`/statistics/${year}/report`);
    expect(ru.status).toBe(200);
    const text = ru.text.replace(/\u00a0/g, ' ');
    expect(text).toContain(
      'Завершена реализация 1 проекта, ещё 2 проекта реализуются. По итоговым отчётам достигнут 1 из 2 целевых показателей (50 %).',
    );
    expect(text).toContain('По принятым отчётам израсходовано 117 000,00 руб.; в срок представлены 2 отчёта');
    const en = await ctx.http.as(admin).get(`/statistics/${year}/report?lang=en`);
    expect(en.text.replace(/\u00a0/g, ' ')).toContain(
      '1 project was completed and 2 are under way. The final reports show 1 of 2 targets met (50%).',
    );
  });
});
