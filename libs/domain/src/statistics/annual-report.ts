import { compareMoney } from '../shared/money';
import { renderBarChart } from './svg-bar-chart';
import { Change, StatisticsFigures } from './statistics.figures';
import {
  agrees,
  countOf,
  escapeHtml,
  formatDecimal,
  formatInt,
  formatPercent,
  formatRubles,
  NOUNS,
} from './russian-text';

const RC = 'Ресурсного центра';

/** The Resource Center's headline: "В 2026 году грантовую поддержку получили 5 проектов, подготовленных с участием специалистов Ресурсного центра." */
export function assistedHeadline(year: number, awarded: number): string {
  if (awarded === 0) {
    return `В ${year} году ни один проект, подготовленный с участием специалистов ${RC}, не получил грантовой поддержки.`;
  }
  return `В ${year} году грантовую поддержку ${agrees(awarded, 'получил', 'получили')} ${countOf(awarded, NOUNS.project)}, ${agrees(awarded, 'подготовленный', 'подготовленных')} с участием специалистов ${RC}.`;
}

/** The sentences of the report, in the order a Resource Center's annual report tells them. */
export function reportSentences(f: StatisticsFigures): string[] {
  const y = f.year;
  const a = f.applications;
  const s: string[] = [assistedHeadline(y, f.consultantAssisted.awarded)];
  s.push(
    `В ${y} году ${agrees(f.competitions, 'проведён', 'проведено')} ${countOf(f.competitions, NOUNS.competition)}; ` +
      `${agrees(a.submitted, 'подана', 'подано')} ${countOf(a.submitted, NOUNS.application)} от ${countOf(f.organizations.applicants, NOUNS.organizationGen)}` +
      (f.organizations.firstTime > 0
        ? `, из них ${countOf(f.organizations.firstTime, NOUNS.organization)} ${agrees(f.organizations.firstTime, 'участвовала', 'участвовали')} в конкурсе впервые.`
        : '.'),
  );
  if (a.awarded > 0) {
    s.push(
      `Грантовую поддержку ${agrees(a.awarded, 'получил', 'получили')} ${countOf(a.awarded, NOUNS.project)} ${countOf(f.organizations.winners, NOUNS.organizationGen)} ` +
        `на общую сумму ${formatRubles(f.amounts.awarded)}; средний размер гранта — ${formatRubles(f.amounts.averageAward)}, ` +
        `софинансирование поддержанных проектов — ${formatRubles(f.amounts.coFinancing)}.`,
    );
  } else {
    s.push(`Итоги конкурсов ${y} года по грантовой поддержке проектов ещё не подведены.`);
  }
  s.push(`Доля поддержанных заявок составила ${formatPercent(f.successRate)}.`);
  if (f.budgetUtilisation !== null) {
    s.push(
      `Грантовый фонд конкурсов, по которым подведены итоги, использован на ${formatPercent(f.budgetUtilisation)}.`,
    );
  }
  if (f.consultantAssisted.submitted > 0 || f.unassisted.submitted > 0) {
    s.push(
      `Заявки, подготовленные с участием специалистов ${RC}, были поддержаны в ${formatPercent(f.consultantAssisted.successRate)} случаев, ` +
        `заявки без их участия — в ${formatPercent(f.unassisted.successRate)}.`,
    );
  }
  if (f.consultations.count > 0) {
    s.push(
      `Специалисты ${RC} провели ${countOf(f.consultations.count, NOUNS.consultationAcc)} по подготовке заявок` +
        (f.consultations.medianTurnaroundHours !== null
          ? `; медианное время от обращения до ответа — ${formatDecimal(f.consultations.medianTurnaroundHours, 1)} ч.`
          : '.'),
    );
  }
  if (f.reviews.count > 0) {
    s.push(
      `Эксперты подготовили ${countOf(f.reviews.count, NOUNS.reviewAcc)}` +
        (f.reviews.averageScore !== null ? `, средний балл заявок — ${formatDecimal(f.reviews.averageScore, 2)}` : '') +
        (f.reviews.divergenceCases > 0
          ? `; в ${countOf(f.reviews.divergenceCases, NOUNS.caseLoc)} расхождение оценок потребовало привлечения дополнительного эксперта.`
          : '.'),
    );
  }
  s.push(...changeSentences(f));
  // A sentence ending in "руб." must not get a second full stop.
  return s.map((sentence) => sentence.replace(/\.\.$/, '.'));
}

function changeSentences(f: StatisticsFigures): string[] {
  const prev = f.previousYear.year;
  if (f.previousYear.applications.submitted === 0 && f.previousYear.applications.started === 0) {
    return [`Данных о конкурсах ${prev} года в системе нет, поэтому сравнение с предыдущим годом не приводится.`];
  }
  const phrase = (subject: string, c: Change, show: (v: number | string) => string, neuter = true) => {
    const grew = typeof c.delta === 'string' ? compareMoney(c.delta, '0') : Math.sign(c.delta);
    if (grew === 0) return `${subject} не ${neuter ? 'изменилось' : 'изменилась'} (${show(c.current)}).`;
    const verb = grew > 0 ? (neuter ? 'выросло' : 'выросла') : neuter ? 'снизилось' : 'снизилась';
    const by = c.percent !== null ? ` на ${formatDecimal(Math.abs(c.percent), 1)}\u00a0%` : '';
    return `${subject} ${verb}${by}: с ${show(c.previous)} до ${show(c.current)}.`;
  };
  const int = (v: number | string) => formatInt(Number(v));
  return [
    `По сравнению с ${prev} годом ${phrase('число поданных заявок', f.change.applicationsSubmitted, int)}`,
    phrase('Число поддержанных проектов', f.change.applicationsAwarded, int),
    phrase('Общая сумма грантов', f.change.amountAwarded, (v) => formatRubles(String(v)), false),
    phrase(
      `Число проектов, подготовленных с участием специалистов ${RC} и получивших поддержку,`,
      f.change.assistedAwarded,
      int,
    ),
  ];
}

const table = (caption: string, head: string[], rows: (string | number)[][]) =>
  `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
  `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${i > 0 ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

const pct = (rate: number | null) => (rate === null ? '—' : formatPercent(rate));

/** The annual report as one self-contained HTML page: sentences, tables and inline SVG charts. */
export function renderAnnualReport(
  f: StatisticsFigures,
  meta: { compiledAt: string; funderName: string; timezone: string },
): string {
  const y = f.year;
  const p = f.previousYear;
  const sentences = reportSentences(f);
  const directions = f.byDirection.map((d) => d.title ?? d.direction ?? 'Направление не указано');
  const charts = [
    renderBarChart({
      title: `Заявки и поддержанные проекты по направлениям, ${y}`,
      categories: directions,
      series: [
        { name: 'Подано заявок', color: '#8aa9c9', values: f.byDirection.map((d) => d.submitted) },
        { name: 'Поддержано', color: '#2e7d32', values: f.byDirection.map((d) => d.awarded) },
      ],
      format: formatInt,
    }),
    renderBarChart({
      title: `Доля поддержанных заявок: с участием специалистов ${RC} и без, ${y}`,
      categories: [`С участием специалистов ${RC}`, 'Без участия'],
      series: [
        {
          name: 'Доля поддержанных',
          color: '#c77c02',
          values: [f.consultantAssisted.successRate, f.unassisted.successRate],
        },
      ],
      format: (v) => formatPercent(v),
      max: 1,
    }),
    renderBarChart({
      title: `${p.year} и ${y}: заявки и поддержанные проекты`,
      categories: ['Подано заявок', 'Поддержано проектов', `Поддержано с участием ${RC}`, 'Организаций-заявителей'],
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
      format: formatInt,
    }),
  ];
  const a = f.applications;
  const tables = [
    table(
      'Основные показатели',
      ['Показатель', String(p.year), String(y)],
      [
        ['Конкурсов', p.competitions, f.competitions],
        ['Заявок начато', p.applications.started, a.started],
        ['Заявок подано', p.applications.submitted, a.submitted],
        ['Не подано к сроку', p.applications.notSubmitted, a.notSubmitted],
        ['Отозвано', p.applications.withdrawn, a.withdrawn],
        ['Не допущено', p.applications.ineligible, a.ineligible],
        ['Поддержано', p.applications.awarded, a.awarded],
        ['Не поддержано', p.applications.notAwarded, a.notAwarded],
        ['Организаций-заявителей', p.organizations.applicants, f.organizations.applicants],
        ['Организаций-победителей', p.organizations.winners, f.organizations.winners],
        ['Впервые участвовали', p.organizations.firstTime, f.organizations.firstTime],
        ['Запрошено', formatRubles(p.amounts.requested), formatRubles(f.amounts.requested)],
        ['Присуждено', formatRubles(p.amounts.awarded), formatRubles(f.amounts.awarded)],
        [
          'Софинансирование поддержанных проектов',
          formatRubles(p.amounts.coFinancing),
          formatRubles(f.amounts.coFinancing),
        ],
        ['Средний размер гранта', formatRubles(p.amounts.averageAward), formatRubles(f.amounts.averageAward)],
        ['Доля поддержанных заявок', pct(p.successRate), pct(f.successRate)],
        ['Использование грантового фонда', pct(p.budgetUtilisation), pct(f.budgetUtilisation)],
      ],
    ),
    table(
      `Участие специалистов ${RC}`,
      ['Заявки', 'Начато', 'Подано', 'Поддержано', 'Сумма грантов', 'Доля поддержанных'],
      [
        [`С участием специалистов ${RC}`, ...assistRow(f.consultantAssisted)],
        ['Без участия', ...assistRow(f.unassisted)],
      ],
    ),
    table(
      'По направлениям',
      [
        'Направление',
        'Подано',
        'Поддержано',
        'Сумма грантов',
        'Доля поддержанных',
        `С участием ${RC}: подано / поддержано`,
      ],
      f.byDirection.map((d, i) => [
        directions[i],
        d.submitted,
        d.awarded,
        formatRubles(d.amountAwarded),
        pct(d.successRate),
        `${d.assistedSubmitted} / ${d.assistedAwarded}`,
      ]),
    ),
    table(
      'По конкурсам',
      ['Конкурс', 'Грантовый фонд', 'Подано', 'Поддержано', 'Присуждено', 'Использование фонда', 'Средний балл'],
      f.byCompetition.map((c) => [
        c.title,
        formatRubles(c.totalBudget),
        c.submitted,
        c.awarded,
        formatRubles(c.amountAwarded),
        pct(c.budgetUtilisation),
        c.averageScore === null ? '—' : formatDecimal(c.averageScore, 2),
      ]),
    ),
  ];
  // A person reads it: the time is shown in the Resource Center's zone, with the zone named.
  const compiled = new Intl.DateTimeFormat('ru-RU', {
    timeZone: meta.timezone,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(meta.compiledAt));
  return `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`Грантовые конкурсы ${y} года — отчёт`)}</title>
<style>
body{font-family:Arial,sans-serif;max-width:960px;margin:2em auto;color:#222;line-height:1.5}
h1{font-size:1.6em}table{border-collapse:collapse;margin:1.5em 0;width:100%}
caption{text-align:left;font-weight:bold;margin-bottom:.4em}
th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}td.num{text-align:right}
figure{margin:1.5em 0}.meta{color:#666;font-size:.9em}
</style>
</head>
<body>
<h1>${escapeHtml(`Грантовые конкурсы ${y} года`)}</h1>
<p class="meta">${escapeHtml(`${meta.funderName}. Данные сформированы ${compiled} (${meta.timezone}).`)}</p>
<section>
${sentences.map((s) => `<p>${escapeHtml(s)}</p>`).join('\n')}
</section>
${charts.map((c) => `<figure>${c}</figure>`).join('\n')}
${tables.join('\n')}
</body>
</html>
`;
}

const assistRow = (x: StatisticsFigures['consultantAssisted']) => [
  x.applications,
  x.submitted,
  x.awarded,
  formatRubles(x.amountAwarded),
  formatPercent(x.successRate),
];
