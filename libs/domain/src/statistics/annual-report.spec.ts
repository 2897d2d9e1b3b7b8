import { assistedHeadline, renderAnnualReport, reportSentences } from './annual-report';
import { toGiving360Csv } from './giving360';
import { AssistanceFigures, HeadlineFigures, StatisticsFigures } from './statistics.figures';
import { renderBarChart } from './svg-bar-chart';

describe('Annual report text, charts and 360Giving CSV', () => {
  it('words the headline in the Resource Center style, agreeing verb and participle with the number', () => {
    expect(assistedHeadline(2026, 5)).toBe(
      'В 2026 году грантовую поддержку получили 5 проектов, подготовленных с участием специалистов Ресурсного центра.',
    );
    expect(assistedHeadline(2026, 1)).toBe(
      'В 2026 году грантовую поддержку получил 1 проект, подготовленный с участием специалистов Ресурсного центра.',
    );
    expect(assistedHeadline(2026, 2)).toContain('получили 2 проекта, подготовленных');
    expect(assistedHeadline(2026, 21)).toContain('получил 21 проект, подготовленный');
    expect(assistedHeadline(2026, 11)).toContain('получили 11 проектов, подготовленных');
    expect(assistedHeadline(2026, 0)).toBe(
      'В 2026 году ни один проект, подготовленный с участием специалистов Ресурсного центра, не получил грантовой поддержки.',
    );
  });

  it('words the headline in English, singular after 1 only', () => {
    expect(assistedHeadline(2026, 5, 'en')).toBe(
      'In 2026, 5 projects prepared with the participation of Resource Center specialists received grant support.',
    );
    expect(assistedHeadline(2026, 1, 'en')).toBe(
      'In 2026, 1 project prepared with the participation of Resource Center specialists received grant support.',
    );
    expect(assistedHeadline(2026, 21, 'en')).toContain('21 projects prepared');
    expect(assistedHeadline(2026, 0, 'en')).toBe(
      'In 2026, no project prepared with the participation of Resource Center specialists received grant support.',
    );
  });

  it('tells the same figures in English: sentences, formats, headers, and English direction titles where given', () => {
    const f = figures();
    expect(reportSentences(f, 'en')).toEqual([
      'In 2026, 3 projects prepared with the participation of Resource Center specialists received grant support.',
      'In 2026, 1 competition was held; 12 applications were submitted by 9 organizations, 4 of which took part in a competition for the first time.',
      'Grant support went to 5 projects of 5 organizations totalling 1,500,000.00\u00a0RUB; the average grant was 300,000.00\u00a0RUB, and co-financing of the supported projects came to 200,000.00\u00a0RUB.',
      'The share of supported applications was 41.7%.',
      'The grant funds of the competitions with announced results were 75% used.',
      'Applications prepared with the participation of Resource Center specialists were supported in 60% of cases, applications without it in 28.6%.',
      'Resource Center specialists held 1 consultation on preparing applications; the median time from request to answer was 2.5\u00a0h.',
      'Experts prepared 24 reviews; the average application score was 61.25; in 2 cases diverging scores called for an additional expert.',
      'Compared with 2025, the number of applications submitted rose by 50%: from 8 to 12.',
      'The number of supported projects did not change (5).',
      'The total amount of grants fell by 25%: from 2,000,000.00\u00a0RUB to 1,500,000.00\u00a0RUB.',
      'The number of supported projects prepared with the participation of Resource Center specialists rose: from 0 to 3.',
    ]);
    const meta = { compiledAt: '2026-11-26T00:00:00Z', funderName: 'Fund', timezone: 'Asia/Krasnoyarsk' };
    const html = renderAnnualReport(f, meta, 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Data compiled on 26 November 2026 at 07:00 (Asia/Krasnoyarsk)');
    expect(html).toContain('<th>Direction</th><th>Submitted</th><th>Supported</th>');
    expect(html).toContain('<td>Social support</td>');
    expect(html).toContain('<td>Культура</td>');
    expect(html).toContain('<td>No direction given</td>');
    expect(html).toContain('Applications and supported projects by direction, 2026');
    expect(html).not.toMatch(/Поддержано|Подано|руб\./);

    const ru = renderAnnualReport(f, meta, 'ru');
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('<td>Социальная поддержка</td>');
    expect(ru).toContain(
      'Общая сумма грантов снизилась на 25\u00a0%: с 2\u00a0000\u00a0000,00\u00a0руб. до 1\u00a0500\u00a0000,00\u00a0руб.',
    );
    expect(ru).toContain('26 ноября 2026');
  });

  it('writes the 360Giving CSV header with a BOM and CRLF', () => {
    const csv = toGiving360Csv([], { grantPrefix: '360G-RC', inn: '2454001009', name: 'РЦ', license: 'https://x' });
    expect(csv.startsWith('\uFEFFIdentifier,Title,Description,Currency,Amount Awarded,Award Date,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('draws one bar per value, scaled to the largest, with every label escaped', () => {
    const svg = renderBarChart({
      title: 'Заявки <по> направлениям & "годам"',
      categories: ['Культура <b>', 'Спорт'],
      series: [{ name: 'Подано', color: '#123456', values: [10, 5] }],
      format: String,
    });
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('Культура &lt;b&gt;');
    expect(svg).toContain('Заявки &lt;по&gt; направлениям &amp; &quot;годам&quot;');
    const widths = [...svg.matchAll(/<rect x="240" y="\d+" width="(\d+)" height="15"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([380, 190]);
  });
});

const assistance = (submitted: number, awarded: number, successRate: number): AssistanceFigures => ({
  applications: submitted + 1,
  submitted,
  awarded,
  amountAwarded: '900000.00',
  successRate,
});

const headline = (over: Partial<HeadlineFigures> = {}): HeadlineFigures => ({
  competitions: 1,
  applications: {
    started: 14,
    drafts: 1,
    submitted: 12,
    notSubmitted: 1,
    withdrawn: 0,
    ineligible: 1,
    pendingDecision: 0,
    awarded: 5,
    notAwarded: 5,
  },
  organizations: { applicants: 9, winners: 5, firstTime: 4 },
  amounts: {
    requested: '3000000.00',
    awarded: '1500000.00',
    coFinancing: '200000.00',
    coFinancingSubmitted: '400000.00',
    averageAward: '300000.00',
    totalBudget: '2000000.00',
  },
  successRate: 0.4167,
  budgetUtilisation: 0.75,
  consultantAssisted: assistance(5, 3, 0.6),
  unassisted: assistance(7, 2, 0.2857),
  ...over,
});

/** A year whose grant total fell: the money delta is negative. */
function figures(): StatisticsFigures {
  const previous = headline({
    applications: { ...headline().applications, submitted: 8 },
    amounts: { ...headline().amounts, awarded: '2000000.00' },
  });
  const direction = { amountAwarded: '0.00', successRate: 0, assistedSubmitted: 0, assistedAwarded: 0 };
  return {
    year: 2026,
    ...headline(),
    byDirection: [
      {
        direction: 'social',
        title: 'Социальная поддержка',
        titleEn: 'Social support',
        submitted: 7,
        awarded: 3,
        ...direction,
      },
      { direction: 'culture', title: 'Культура', submitted: 4, awarded: 2, ...direction },
      { direction: null, title: null, submitted: 1, awarded: 0, ...direction },
    ],
    byCompetition: [],
    reviews: { count: 24, extraReviews: 2, averageScore: 61.25, divergenceCases: 2, medianTurnaroundHours: 30 },
    consultations: { count: 1, completed: 1, medianTurnaroundHours: 2.5 },
    previousYear: { year: 2025, ...previous },
    change: {
      applicationsSubmitted: { previous: 8, current: 12, delta: 4, percent: 50 },
      applicationsAwarded: { previous: 5, current: 5, delta: 0, percent: 0 },
      amountAwarded: { previous: '2000000.00', current: '1500000.00', delta: '-500000.00', percent: -25 },
      applicants: { previous: 9, current: 9, delta: 0, percent: 0 },
      assistedAwarded: { previous: 0, current: 3, delta: 3, percent: null },
      successRate: { previous: 0.4167, current: 0.4167, delta: 0, percent: 0 },
    },
  };
}
