import { JobName } from '@grants/queue';
import { DomainError } from '../shared/domain-error';
import { checkReportSubmittable, indicatorMet, leadingNumber } from './report-content';
import { GRANT_TRANSITIONS } from './grant.state-machine';
import { REPORT_TRANSITIONS } from './report.state-machine';
import { planReportJobs } from './report-scheduler.service';
import { reportOverdueAt, reportReminderAt } from './report-times';
import { reportScheduleErrors } from './report-schedule';

const codeOf = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'OK';
};

describe('report content rules', () => {
  const report = {
    narrative: 'Сделано',
    results: [{ indicator: 'Волонтёры', target: '120 человек', achieved: '120' }],
    expenditures: [
      { item: 'Труд', planned: '60000.00', spent: '70000.00' },
      { item: 'Аренда', planned: '40000.00', spent: '40000.00' },
    ],
  };

  it('allows a line above its plan but not a total above the grant plus co-financing', () => {
    expect(codeOf(() => checkReportSubmittable(report, '110000.00'))).toBe('OK');
    expect(codeOf(() => checkReportSubmittable(report, '109999.99'))).toBe('BUDGET_MISMATCH');
  });

  it('names every missing part', () => {
    try {
      checkReportSubmittable({ ...report, narrative: ' ', results: [{ ...report.results[0], achieved: null }] }, '1');
      throw new Error('not refused');
    } catch (e) {
      expect((e as DomainError).details).toEqual({ missing: ['narrative', 'results.0.achieved'] });
    }
  });

  it('reads the numbers of targets and achieved values as people write them', () => {
    expect(leadingNumber('120 человек')).toBe(120);
    expect(leadingNumber('1 200 участников')).toBe(1200);
    expect(leadingNumber('4,5 тыс. экземпляров')).toBe(4.5);
    expect(leadingNumber('не менее 10 мероприятий')).toBe(10);
    expect(leadingNumber('все желающие')).toBeNull();
    expect(indicatorMet({ indicator: 'x', target: '120 человек', achieved: '134 человека' })).toBe(true);
    expect(indicatorMet({ indicator: 'x', target: '10', achieved: '8' })).toBe(false);
    expect(indicatorMet({ indicator: 'x', target: 'открыт клуб', achieved: 'открыт' })).toBe(true);
    expect(indicatorMet({ indicator: 'x', target: '10', achieved: null })).toBe(false);
  });
});

describe('report lifecycle tables', () => {
  it('only the NGO drafts and submits, only the Resource Center accepts and returns', () => {
    const by = (role: string) => REPORT_TRANSITIONS.filter((t) => t.roles.includes(role as never)).map((t) => t.to);
    expect(new Set(by('applicant'))).toEqual(new Set(['draft', 'submitted']));
    expect(new Set(by('consultant'))).toEqual(new Set(['accepted', 'returned']));
    expect(by('expert')).toEqual([]);
    expect(REPORT_TRANSITIONS.some((t) => t.from === 'accepted')).toBe(false);
    expect(GRANT_TRANSITIONS.some((t) => t.from === 'completed' || t.from === 'terminated')).toBe(false);
  });
});

describe('report times and jobs', () => {
  // 30 June 2027 in Krasnoyarsk (UTC+7).
  it('reminds at 10:00 local 7 and 1 days before, and is overdue at 24:00 local of the due date', () => {
    expect(reportReminderAt('2027-06-30', 7, 'Asia/Krasnoyarsk').toISOString()).toBe('2027-06-23T03:00:00.000Z');
    expect(reportReminderAt('2027-07-01', 1, 'Asia/Krasnoyarsk').toISOString()).toBe('2027-06-30T03:00:00.000Z');
    expect(reportOverdueAt('2027-06-30', 'Asia/Krasnoyarsk').toISOString()).toBe('2027-06-30T17:00:00.000Z');
  });

  it('plans what is still ahead, skipping reminders already past', () => {
    const r = { id: 'r1', dueDate: '2027-06-30', timezone: 'Asia/Krasnoyarsk' };
    const names = (now: string) =>
      planReportJobs(r, Date.parse(now)).map(
        (j) => `${j.name}${j.name === JobName.ReportReminder ? j.data.daysBefore : ''}`,
      );
    expect(names('2027-06-01T00:00:00Z')).toEqual(['report.reminder7', 'report.reminder1', 'report.overdue']);
    expect(names('2027-06-25T00:00:00Z')).toEqual(['report.reminder1', 'report.overdue']);
    expect(names('2027-07-02T00:00:00Z')).toEqual([]);
  });

  it('accepts due dates after the earliest project start and within the project period plus three months', () => {
    const deadline = new Date('2026-10-17T16:30:00Z'); // 17 October 23:30 local
    const item = (dueDate: string) => ({ code: 'final', title: 'Итоговый отчёт', dueDate });
    expect(reportScheduleErrors([item('2026-10-18')], deadline, 'Asia/Krasnoyarsk')).toEqual([]);
    expect(reportScheduleErrors([item('2026-10-17')], deadline, 'Asia/Krasnoyarsk')).toHaveLength(1);
    expect(reportScheduleErrors([item('2029-01-17')], deadline, 'Asia/Krasnoyarsk')).toEqual([]);
    expect(reportScheduleErrors([item('2029-01-18')], deadline, 'Asia/Krasnoyarsk')).toHaveLength(1);
    expect(reportScheduleErrors([item('2027-06-01'), item('2027-05-01')], deadline, 'Asia/Krasnoyarsk')).toEqual([
      'reportSchedule.1.dueDate must not be earlier than the report before it',
    ]);
  });
});
