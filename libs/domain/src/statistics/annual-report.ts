import { compareMoney } from '../shared/money';
import { renderBarChart } from './svg-bar-chart';
import { Change, DirectionFigures, StatisticsFigures } from './statistics.figures';
import { escapeHtml } from './russian-text';
import { ChangeKey, REPORT_TEXT, ReportLocale, ReportText } from './report-text';

export { isReportLocale, REPORT_LOCALES } from './report-text';
export type { ReportLocale } from './report-text';

/**
 * The Resource Center's headline: "В 2026 году грантовую поддержку получили 5 проектов, подготовленных с участием
 * специалистов Ресурсного центра." / "In 2026, 5 projects prepared with the participation of Resource Center
 * specialists received grant support."
 */
export function assistedHeadline(year: number, awarded: number, locale: ReportLocale = 'ru'): string {
  return REPORT_TEXT[locale].headline(year, awarded);
}

/** A direction as a reader of the locale sees it: the English title when there is one, else the Russian. */
export function directionTitle(d: Pick<DirectionFigures, 'direction' | 'title' | 'titleEn'>, t: ReportText): string {
  return (t.lang === 'en' ? d.titleEn : null) ?? d.title ?? d.direction ?? t.noDirection;
}

/** The sentences of the report, in the order a Resource Center's annual report tells them. */
export function reportSentences(f: StatisticsFigures, locale: ReportLocale = 'ru'): string[] {
  const t = REPORT_TEXT[locale];
  const y = f.year;
  const a = f.applications;
  const s: string[] = [t.headline(y, f.consultantAssisted.awarded)];
  s.push(t.overview(y, f.competitions, a.submitted, f.organizations.applicants, f.organizations.firstTime));
  if (a.awarded > 0) {
    s.push(
      t.awarded(a.awarded, f.organizations.winners, f.amounts.awarded, f.amounts.averageAward, f.amounts.coFinancing),
    );
  } else {
    s.push(t.notAnnounced(y));
  }
  s.push(t.successRate(f.successRate));
  if (f.budgetUtilisation !== null) s.push(t.budgetUtilisation(f.budgetUtilisation));
  if (f.consultantAssisted.submitted > 0 || f.unassisted.submitted > 0) {
    s.push(t.assistedVsUnassisted(f.consultantAssisted.successRate, f.unassisted.successRate));
  }
  if (f.consultations.count > 0) {
    s.push(t.consultations(f.consultations.count, f.consultations.medianTurnaroundHours));
  }
  if (f.reviews.count > 0) {
    s.push(t.reviews(f.reviews.count, f.reviews.averageScore, f.reviews.divergenceCases));
  }
  // Snapshots compiled before grants were followed have no such figures; a year without grants says nothing.
  if (f.grants && f.grants.completed + f.grants.active > 0) s.push(t.grants(f.grants));
  s.push(...changeSentences(f, t));
  // A sentence ending in "руб." must not get a second full stop.
  return s.map((sentence) => sentence.replace(/\.\.$/, '.'));
}

function changeSentences(f: StatisticsFigures, t: ReportText): string[] {
  const prev = f.previousYear.year;
  if (f.previousYear.applications.submitted === 0 && f.previousYear.applications.started === 0) {
    return [t.noPreviousYear(prev)];
  }
  const int = (v: number | string) => t.int(Number(v));
  const money = (v: number | string) => t.money(String(v));
  const shown = (c: Change, show: (v: number | string) => string) => ({
    // Money is compared as previous vs current: a fall makes the delta negative, which is not a money amount.
    trend: Math.sign(
      typeof c.current === 'string'
        ? compareMoney(c.current, String(c.previous))
        : Number(c.current) - Number(c.previous),
    ) as -1 | 0 | 1,
    percent: c.percent === null ? null : Math.abs(c.percent),
    previous: show(c.previous),
    current: show(c.current),
  });
  const keys: [ChangeKey, (v: number | string) => string][] = [
    ['applicationsSubmitted', int],
    ['applicationsAwarded', int],
    ['amountAwarded', money],
    ['assistedAwarded', int],
  ];
  return keys.map(([key, show], i) => t.change(key, shown(f.change[key], show), prev, i === 0));
}

const table = (caption: string, head: readonly string[], rows: (string | number)[][]) =>
  `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
  `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${i > 0 ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

/** The annual report as one self-contained HTML page: sentences, tables and inline SVG charts. */
export function renderAnnualReport(
  f: StatisticsFigures,
  meta: { compiledAt: string; funderName: string; timezone: string },
  locale: ReportLocale = 'ru',
): string {
  const t = REPORT_TEXT[locale];
  const y = f.year;
  const p = f.previousYear;
  const pct = (rate: number | null) => (rate === null ? '—' : t.percent(rate));
  const sentences = reportSentences(f, locale);
  const directions = f.byDirection.map((d) => directionTitle(d, t));
  const charts = [
    renderBarChart({
      title: t.charts.byDirection(y),
      categories: directions,
      series: [
        { name: t.charts.submitted, color: '#8aa9c9', values: f.byDirection.map((d) => d.submitted) },
        { name: t.charts.supported, color: '#2e7d32', values: f.byDirection.map((d) => d.awarded) },
      ],
      format: t.int,
    }),
    renderBarChart({
      title: t.charts.assisted(y),
      categories: [t.charts.withAssistance, t.charts.withoutAssistance],
      series: [
        {
          name: t.charts.supportedShare,
          color: '#c77c02',
          values: [f.consultantAssisted.successRate, f.unassisted.successRate],
        },
      ],
      format: (v) => t.percent(v),
      max: 1,
    }),
    renderBarChart({
      title: t.charts.years(p.year, y),
      categories: [
        t.charts.submitted,
        t.charts.supportedProjects,
        t.charts.supportedAssisted,
        t.charts.applicantOrganizations,
      ],
      series: [
        {
          name: String(p.year),
          color: '#b0b0b0',
          values: [
            p.applications.submitted,
            p.applications.awarded,
            p.consultantAssisted.awarded,
            p.organizations.applicants,
          ],
        },
        {
          name: String(y),
          color: '#1565c0',
          values: [
            f.applications.submitted,
            f.applications.awarded,
            f.consultantAssisted.awarded,
            f.organizations.applicants,
          ],
        },
      ],
      format: t.int,
    }),
  ];
  const a = f.applications;
  const r = t.tables.rows;
  const assistRow = (x: StatisticsFigures['consultantAssisted']) => [
    x.applications,
    x.submitted,
    x.awarded,
    t.money(x.amountAwarded),
    t.percent(x.successRate),
  ];
  const tables = [
    table(
      t.tables.main,
      [t.tables.indicator, String(p.year), String(y)],
      [
        [r.competitions, p.competitions, f.competitions],
        [r.started, p.applications.started, a.started],
        [r.submitted, p.applications.submitted, a.submitted],
        [r.notSubmitted, p.applications.notSubmitted, a.notSubmitted],
        [r.withdrawn, p.applications.withdrawn, a.withdrawn],
        [r.ineligible, p.applications.ineligible, a.ineligible],
        [r.awarded, p.applications.awarded, a.awarded],
        [r.notAwarded, p.applications.notAwarded, a.notAwarded],
        [r.applicants, p.organizations.applicants, f.organizations.applicants],
        [r.winners, p.organizations.winners, f.organizations.winners],
        [r.firstTime, p.organizations.firstTime, f.organizations.firstTime],
        [r.requested, t.money(p.amounts.requested), t.money(f.amounts.requested)],
        [r.amountAwarded, t.money(p.amounts.awarded), t.money(f.amounts.awarded)],
        [r.coFinancing, t.money(p.amounts.coFinancing), t.money(f.amounts.coFinancing)],
        [r.averageAward, t.money(p.amounts.averageAward), t.money(f.amounts.averageAward)],
        [r.successRate, pct(p.successRate), pct(f.successRate)],
        [r.budgetUtilisation, pct(p.budgetUtilisation), pct(f.budgetUtilisation)],
      ],
    ),
    table(t.tables.assistance, t.tables.assistanceHead, [
      [t.charts.withAssistance, ...assistRow(f.consultantAssisted)],
      [t.charts.withoutAssistance, ...assistRow(f.unassisted)],
    ]),
    table(
      t.tables.byDirection,
      t.tables.byDirectionHead,
      f.byDirection.map((d, i) => [
        directions[i],
        d.submitted,
        d.awarded,
        t.money(d.amountAwarded),
        pct(d.successRate),
        `${d.assistedSubmitted} / ${d.assistedAwarded}`,
      ]),
    ),
    table(
      t.tables.byCompetition,
      t.tables.byCompetitionHead,
      f.byCompetition.map((c) => [
        c.title,
        t.money(c.totalBudget),
        c.submitted,
        c.awarded,
        t.money(c.amountAwarded),
        pct(c.budgetUtilisation),
        c.averageScore === null ? '—' : t.decimal(c.averageScore, 2),
      ]),
    ),
  ];
  // A person reads it: the time is shown in the Resource Center's zone, with the zone named.
  const compiled = new Intl.DateTimeFormat(t.intl, {
    timeZone: meta.timezone,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(meta.compiledAt));
  return `<!DOCTYPE html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(t.documentTitle(y))}</title>
<style>
body{font-family:Arial,sans-serif;max-width:960px;margin:2em auto;color:#222;line-height:1.5}
h1{font-size:1.6em}table{border-collapse:collapse;margin:1.5em 0;width:100%}
caption{text-align:left;font-weight:bold;margin-bottom:.4em}
th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}td.num{text-align:right}
figure{margin:1.5em 0}.meta{color:#666;font-size:.9em}
</style>
</head>
<body>
<h1>${escapeHtml(t.heading(y))}</h1>
<p class="meta">${escapeHtml(t.meta(meta.funderName, compiled, meta.timezone))}</p>
<section>
${sentences.map((s) => `<p>${escapeHtml(s)}</p>`).join('\n')}
</section>
${charts.map((c) => `<figure>${c}</figure>`).join('\n')}
${tables.join('\n')}
</body>
</html>
`;
}
