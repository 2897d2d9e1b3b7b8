import { Competition } from '../competitions/competition.entity';
import { DomainError } from '../shared/domain-error';
import { Application } from './application.entity';
import { checkSubmittable, localDate } from './submit-rules';

const competition = {
  directions: [{ code: 'social', title: 'Социальная поддержка' }],
  maxGrantAmount: '300000.00',
  minCoFinancingPercent: '10.00',
  submissionDeadline: new Date('2026-03-31T17:00:00Z'), // 1 April 00:00 in Krasnoyarsk
  timezone: 'Asia/Krasnoyarsk',
} as Competition;

const application = (overrides: Partial<Application> = {}) =>
  ({
    title: 'Проект',
    summary: 'Кратко',
    direction: 'social',
    requestedAmount: '200000.00',
    coFinancingAmount: '22222.23',
    projectStart: '2026-04-01',
    projectEnd: '2027-03-31',
    goals: 'Цели',
    expectedResults: [{ indicator: 'Участники', target: '100' }],
    budgetLines: [
      { item: 'Труд', amount: '150000.10' },
      { item: 'Материалы', amount: '49999.90' },
    ],
    geography: 'г. Лесосибирск',
    ...overrides,
  }) as Application;

const codeOf = (a: Application) => {
  try {
    checkSubmittable(a, competition);
    return 'OK';
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('submit rules', () => {
  it('accepts a complete application at the exact limits', () => {
    expect(codeOf(application())).toBe('OK');
    expect(
      codeOf(
        application({
          requestedAmount: '300000.00',
          budgetLines: [{ item: 'Всё', amount: '300000.00' }],
          coFinancingAmount: '33333.34',
        }),
      ),
    ).toBe('OK');
  });

  it('lists every missing field, blank strings and empty lists included', () => {
    try {
      checkSubmittable(application({ summary: '  ', budgetLines: [], geography: null }), competition);
      throw new Error('expected INCOMPLETE');
    } catch (error) {
      expect((error as DomainError).code).toBe('INCOMPLETE');
      expect((error as DomainError).details?.missing).toEqual(['summary', 'budgetLines', 'geography']);
    }
  });

  it('compares money exactly, without floating point', () => {
    expect(
      codeOf(application({ requestedAmount: '300000.01', budgetLines: [{ item: 'Всё', amount: '300000.01' }] })),
    ).toBe('AMOUNT_EXCEEDS_MAX');
    // 10% of 222222.22 is 22222.222: one kopeck less is too little
    expect(codeOf(application({ coFinancingAmount: '22222.22' }))).toBe('COFINANCING_TOO_LOW');
    expect(
      codeOf(
        application({
          budgetLines: [
            { item: 'a', amount: '0.10' },
            { item: 'b', amount: '199999.89' },
          ],
        }),
      ),
    ).toBe('BUDGET_MISMATCH');
  });

  it('keeps the project within the rules: start ≤ end, not before the deadline date in the competition zone, under 24 months', () => {
    expect(localDate(competition.submissionDeadline, competition.timezone)).toBe('2026-04-01');
    expect(codeOf(application({ projectStart: '2026-03-31' }))).toBe('PROJECT_DATES_INVALID');
    expect(codeOf(application({ projectStart: '2026-05-01', projectEnd: '2026-04-30' }))).toBe('PROJECT_DATES_INVALID');
    expect(codeOf(application({ projectEnd: '2028-03-31' }))).toBe('OK');
    expect(codeOf(application({ projectEnd: '2028-04-01' }))).toBe('PROJECT_DATES_INVALID');
  });
});
