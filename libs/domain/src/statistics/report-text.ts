import {
  agreesEn,
  countOfEn,
  formatDecimalEn,
  formatIntEn,
  formatPercentEn,
  formatRublesEn,
  NOUNS_EN,
} from './english-text';
import { agrees, countOf, formatDecimal, formatInt, formatPercent, formatRubles, NOUNS } from './russian-text';

/** True for a money string above zero. */
const compareMoneyText = (money: string) => /[1-9]/.test(money);

/** The languages the annual report is written in: Russian by default, English available. */
export const REPORT_LOCALES = ['ru', 'en'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

export const isReportLocale = (value: unknown): value is ReportLocale =>
  (REPORT_LOCALES as readonly unknown[]).includes(value);

export type ChangeKey = 'applicationsSubmitted' | 'applicationsAwarded' | 'amountAwarded' | 'assistedAwarded';

/** A year-over-year change, its values already written in the report's language. */
export interface ChangeText {
  trend: -1 | 0 | 1;
  /** Relative change in percent (absolute value), null when the previous value is zero. */
  percent: number | null;
  previous: string;
  current: string;
}

/**
 * Everything the annual report says in one language: number formats, the sentences (which own their
 * grammar: Russian plural and gender agreement, English singular/plural) and the labels of charts and tables.
 * The renderer decides what is said and in which order; a locale only decides how.
 */
export interface ReportText {
  lang: ReportLocale;
  /** Intl locale of dates. */
  intl: string;
  int(n: number): string;
  money(amount: string): string;
  percent(rate: number): string;
  decimal(n: number, digits: number): string;

  headline(year: number, assistedAwarded: number): string;
  overview(year: number, competitions: number, submitted: number, applicants: number, firstTime: number): string;
  awarded(projects: number, winners: number, total: string, average: string, coFinancing: string): string;
  notAnnounced(year: number): string;
  successRate(rate: number): string;
  budgetUtilisation(rate: number): string;
  assistedVsUnassisted(assisted: number, unassisted: number): string;
  consultations(count: number, medianHours: number | null): string;
  reviews(count: number, averageScore: number | null, divergenceCases: number): string;
  /** Projects carried out after the award: completed and active grants, targets met, reports on time. */
  grants(g: {
    completed: number;
    active: number;
    indicatorsMet: number;
    indicatorsTotal: number;
    spent: string;
    reportsOnTime: number;
    reportsLate: number;
  }): string;
  noPreviousYear(previousYear: number): string;
  /** `first` opens the comparison paragraph and names the previous year. */
  change(key: ChangeKey, c: ChangeText, previousYear: number, first: boolean): string;

  documentTitle(year: number): string;
  heading(year: number): string;
  meta(funderName: string, compiled: string, timezone: string): string;
  noDirection: string;
  charts: {
    byDirection(year: number): string;
    submitted: string;
    supported: string;
    assisted(year: number): string;
    withAssistance: string;
    withoutAssistance: string;
    supportedShare: string;
    years(previousYear: number, year: number): string;
    supportedProjects: string;
    supportedAssisted: string;
    applicantOrganizations: string;
  };
  tables: {
    main: string;
    indicator: string;
    rows: {
      competitions: string;
      started: string;
      submitted: string;
      notSubmitted: string;
      withdrawn: string;
      ineligible: string;
      awarded: string;
      notAwarded: string;
      applicants: string;
      winners: string;
      firstTime: string;
      requested: string;
      amountAwarded: string;
      coFinancing: string;
      averageAward: string;
      successRate: string;
      budgetUtilisation: string;
    };
    assistance: string;
    assistanceHead: [string, string, string, string, string, string];
    byDirection: string;
    byDirectionHead: [string, string, string, string, string, string];
    byCompetition: string;
    byCompetitionHead: [string, string, string, string, string, string, string];
  };
}

const RC = 'Ресурсного центра';

const RU_CHANGES: Record<ChangeKey, { subject: string; neuter: boolean }> = {
  applicationsSubmitted: { subject: 'число поданных заявок', neuter: true },
  applicationsAwarded: { subject: 'число поддержанных проектов', neuter: true },
  amountAwarded: { subject: 'общая сумма грантов', neuter: false },
  assistedAwarded: {
    subject: `число проектов, подготовленных с участием специалистов ${RC} и получивших поддержку,`,
    neuter: true,
  },
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const RU: ReportText = {
  lang: 'ru',
  intl: 'ru-RU',
  int: formatInt,
  money: formatRubles,
  percent: formatPercent,
  decimal: formatDecimal,

  headline(year, n) {
    if (n === 0) {
      return `В ${year} году ни один проект, подготовленный с участием специалистов ${RC}, не получил грантовой поддержки.`;
    }
    return `В ${year} году грантовую поддержку ${agrees(n, 'получил', 'получили')} ${countOf(n, NOUNS.project)}, ${agrees(n, 'подготовленный', 'подготовленных')} с участием специалистов ${RC}.`;
  },
  overview: (y, competitions, submitted, applicants, firstTime) =>
    `В ${y} году ${agrees(competitions, 'проведён', 'проведено')} ${countOf(competitions, NOUNS.competition)}; ` +
    `${agrees(submitted, 'подана', 'подано')} ${countOf(submitted, NOUNS.application)} от ${countOf(applicants, NOUNS.organizationGen)}` +
    (firstTime > 0
      ? `, из них ${countOf(firstTime, NOUNS.organization)} ${agrees(firstTime, 'участвовала', 'участвовали')} в конкурсе впервые.`
      : '.'),
  awarded: (projects, winners, total, average, coFinancing) =>
    `Грантовую поддержку ${agrees(projects, 'получил', 'получили')} ${countOf(projects, NOUNS.project)} ${countOf(winners, NOUNS.organizationGen)} ` +
    `на общую сумму ${formatRubles(total)}; средний размер гранта — ${formatRubles(average)}, ` +
    `софинансирование поддержанных проектов — ${formatRubles(coFinancing)}.`,
  notAnnounced: (y) => `Итоги конкурсов ${y} года по грантовой поддержке проектов ещё не подведены.`,
  successRate: (rate) => `Доля поддержанных заявок составила ${formatPercent(rate)}.`,
  budgetUtilisation: (rate) =>
    `Грантовый фонд конкурсов, по которым подведены итоги, использован на ${formatPercent(rate)}.`,
  assistedVsUnassisted: (assisted, unassisted) =>
    `Заявки, подготовленные с участием специалистов ${RC}, были поддержаны в ${formatPercent(assisted)} случаев, ` +
    `заявки без их участия — в ${formatPercent(unassisted)}.`,
  consultations: (count, median) =>
    `Специалисты ${RC} провели ${countOf(count, NOUNS.consultationAcc)} по подготовке заявок` +
    (median !== null ? `; медианное время от обращения до ответа — ${formatDecimal(median, 1)} ч.` : '.'),
  reviews: (count, average, divergence) =>
    `Эксперты подготовили ${countOf(count, NOUNS.reviewAcc)}` +
    (average !== null ? `, средний балл заявок — ${formatDecimal(average, 2)}` : '') +
    (divergence > 0
      ? `; в ${countOf(divergence, NOUNS.caseLoc)} расхождение оценок потребовало привлечения дополнительного эксперта.`
      : '.'),
  grants: (g) =>
    (g.completed > 0
      ? `Завершена реализация ${countOf(g.completed, NOUNS.projectGen)}` +
        (g.active > 0
          ? `, ещё ${countOf(g.active, NOUNS.project)} ${agrees(g.active, 'реализуется', 'реализуются')}`
          : '')
      : `${agrees(g.active, 'Реализуется', 'Реализуются')} ${countOf(g.active, NOUNS.project)}`) +
    '.' +
    (g.indicatorsTotal > 0
      ? ` По итоговым отчётам ${agrees(g.indicatorsMet, 'достигнут', 'достигнуты')} ${formatInt(g.indicatorsMet)} из ${countOf(g.indicatorsTotal, NOUNS.indicatorGen)} (${formatPercent(g.indicatorsMet / g.indicatorsTotal)}).`
      : '') +
    (compareMoneyText(g.spent) ? ` По принятым отчётам израсходовано ${formatRubles(g.spent)}` : '') +
    (g.reportsOnTime + g.reportsLate > 0
      ? `${compareMoneyText(g.spent) ? '; в' : ' В'} срок ${agrees(g.reportsOnTime, 'представлен', 'представлены')} ${countOf(g.reportsOnTime, NOUNS.report)}, с опозданием или не в срок — ${formatInt(g.reportsLate)}.`
      : compareMoneyText(g.spent)
        ? '.'
        : ''),
  noPreviousYear: (prev) =>
    `Данных о конкурсах ${prev} года в системе нет, поэтому сравнение с предыдущим годом не приводится.`,
  change(key, c, prev, first) {
    const { subject, neuter } = RU_CHANGES[key];
    let phrase: string;
    if (c.trend === 0) {
      phrase = `${subject} не ${neuter ? 'изменилось' : 'изменилась'} (${c.current}).`;
    } else {
      const verb = c.trend > 0 ? (neuter ? 'выросло' : 'выросла') : neuter ? 'снизилось' : 'снизилась';
      const by = c.percent !== null ? ` на ${formatDecimal(c.percent, 1)}\u00a0%` : '';
      phrase = `${subject} ${verb}${by}: с ${c.previous} до ${c.current}.`;
    }
    return first ? `По сравнению с ${prev} годом ${phrase}` : capitalize(phrase);
  },

  documentTitle: (y) => `Грантовые конкурсы ${y} года — отчёт`,
  heading: (y) => `Грантовые конкурсы ${y} года`,
  meta: (funder, compiled, tz) => `${funder}. Данные сформированы ${compiled} (${tz}).`,
  noDirection: 'Направление не указано',
  charts: {
    byDirection: (y) => `Заявки и поддержанные проекты по направлениям, ${y}`,
    submitted: 'Подано заявок',
    supported: 'Поддержано',
    assisted: (y) => `Доля поддержанных заявок: с участием специалистов ${RC} и без, ${y}`,
    withAssistance: `С участием специалистов ${RC}`,
    withoutAssistance: 'Без участия',
    supportedShare: 'Доля поддержанных',
    years: (p, y) => `${p} и ${y}: заявки и поддержанные проекты`,
    supportedProjects: 'Поддержано проектов',
    supportedAssisted: `Поддержано с участием ${RC}`,
    applicantOrganizations: 'Организаций-заявителей',
  },
  tables: {
    main: 'Основные показатели',
    indicator: 'Показатель',
    rows: {
      competitions: 'Конкурсов',
      started: 'Заявок начато',
      submitted: 'Заявок подано',
      notSubmitted: 'Не подано к сроку',
      withdrawn: 'Отозвано',
      ineligible: 'Не допущено',
      awarded: 'Поддержано',
      notAwarded: 'Не поддержано',
      applicants: 'Организаций-заявителей',
      winners: 'Организаций-победителей',
      firstTime: 'Впервые участвовали',
      requested: 'Запрошено',
      amountAwarded: 'Присуждено',
      coFinancing: 'Софинансирование поддержанных проектов',
      averageAward: 'Средний размер гранта',
      successRate: 'Доля поддержанных заявок',
      budgetUtilisation: 'Использование грантового фонда',
    },
    assistance: `Участие специалистов ${RC}`,
    assistanceHead: ['Заявки', 'Начато', 'Подано', 'Поддержано', 'Сумма грантов', 'Доля поддержанных'],
    byDirection: 'По направлениям',
    byDirectionHead: [
      'Направление',
      'Подано',
      'Поддержано',
      'Сумма грантов',
      'Доля поддержанных',
      `С участием ${RC}: подано / поддержано`,
    ],
    byCompetition: 'По конкурсам',
    byCompetitionHead: [
      'Конкурс',
      'Грантовый фонд',
      'Подано',
      'Поддержано',
      'Присуждено',
      'Использование фонда',
      'Средний балл',
    ],
  },
};

const RC_EN = 'Resource Center';

const EN_CHANGES: Record<ChangeKey, string> = {
  applicationsSubmitted: 'number of applications submitted',
  applicationsAwarded: 'number of supported projects',
  amountAwarded: 'total amount of grants',
  assistedAwarded: `number of supported projects prepared with the participation of ${RC_EN} specialists`,
};

const EN: ReportText = {
  lang: 'en',
  intl: 'en-GB',
  int: formatIntEn,
  money: formatRublesEn,
  percent: formatPercentEn,
  decimal: formatDecimalEn,

  headline(year, n) {
    if (n === 0) {
      return `In ${year}, no project prepared with the participation of ${RC_EN} specialists received grant support.`;
    }
    return `In ${year}, ${countOfEn(n, NOUNS_EN.project)} prepared with the participation of ${RC_EN} specialists received grant support.`;
  },
  overview: (y, competitions, submitted, applicants, firstTime) =>
    `In ${y}, ${countOfEn(competitions, NOUNS_EN.competition)} ${agreesEn(competitions, 'was', 'were')} held; ` +
    `${countOfEn(submitted, NOUNS_EN.application)} ${agreesEn(submitted, 'was', 'were')} submitted by ${countOfEn(applicants, NOUNS_EN.organization)}` +
    (firstTime > 0 ? `, ${formatIntEn(firstTime)} of which took part in a competition for the first time.` : '.'),
  awarded: (projects, winners, total, average, coFinancing) =>
    `Grant support went to ${countOfEn(projects, NOUNS_EN.project)} of ${countOfEn(winners, NOUNS_EN.organization)} ` +
    `totalling ${formatRublesEn(total)}; the average grant was ${formatRublesEn(average)}, ` +
    `and co-financing of the supported projects came to ${formatRublesEn(coFinancing)}.`,
  notAnnounced: (y) => `The results of the ${y} competitions have not been announced yet.`,
  successRate: (rate) => `The share of supported applications was ${formatPercentEn(rate)}.`,
  budgetUtilisation: (rate) =>
    `The grant funds of the competitions with announced results were ${formatPercentEn(rate)} used.`,
  assistedVsUnassisted: (assisted, unassisted) =>
    `Applications prepared with the participation of ${RC_EN} specialists were supported in ${formatPercentEn(assisted)} of cases, ` +
    `applications without it in ${formatPercentEn(unassisted)}.`,
  consultations: (count, median) =>
    `${RC_EN} specialists held ${countOfEn(count, NOUNS_EN.consultation)} on preparing applications` +
    (median !== null ? `; the median time from request to answer was ${formatDecimalEn(median, 1)}\u00a0h.` : '.'),
  reviews: (count, average, divergence) =>
    `Experts prepared ${countOfEn(count, NOUNS_EN.review)}` +
    (average !== null ? `; the average application score was ${formatDecimalEn(average, 2)}` : '') +
    (divergence > 0
      ? `; in ${countOfEn(divergence, NOUNS_EN.case)} diverging scores called for an additional expert.`
      : '.'),
  grants: (g) =>
    (g.completed > 0
      ? `${countOfEn(g.completed, NOUNS_EN.project)} ${agreesEn(g.completed, 'was', 'were')} completed` +
        (g.active > 0 ? ` and ${formatIntEn(g.active)} ${agreesEn(g.active, 'is', 'are')} under way` : '')
      : `${countOfEn(g.active, NOUNS_EN.project)} ${agreesEn(g.active, 'is', 'are')} under way`) +
    '.' +
    (g.indicatorsTotal > 0
      ? ` The final reports show ${formatIntEn(g.indicatorsMet)} of ${countOfEn(g.indicatorsTotal, NOUNS_EN.target)} met (${formatPercentEn(g.indicatorsMet / g.indicatorsTotal)}).`
      : '') +
    (compareMoneyText(g.spent) ? ` The accepted reports account for ${formatRublesEn(g.spent)} spent` : '') +
    (g.reportsOnTime + g.reportsLate > 0
      ? `${compareMoneyText(g.spent) ? '; ' : ' '}${countOfEn(g.reportsOnTime, NOUNS_EN.report)} ${agreesEn(g.reportsOnTime, 'was', 'were')} submitted on time and ${formatIntEn(g.reportsLate)} late or not yet.`
      : compareMoneyText(g.spent)
        ? '.'
        : ''),
  noPreviousYear: (prev) =>
    `The system holds no data on the ${prev} competitions, so no comparison with the previous year is given.`,
  change(key, c, prev, first) {
    const subject = EN_CHANGES[key];
    let phrase: string;
    if (c.trend === 0) {
      phrase = `the ${subject} did not change (${c.current}).`;
    } else {
      const verb = c.trend > 0 ? 'rose' : 'fell';
      const by = c.percent !== null ? ` by ${formatDecimalEn(c.percent, 1)}%` : '';
      phrase = `the ${subject} ${verb}${by}: from ${c.previous} to ${c.current}.`;
    }
    return first ? `Compared with ${prev}, ${phrase}` : capitalize(phrase);
  },

  documentTitle: (y) => `Grant competitions of ${y}: report`,
  heading: (y) => `Grant competitions of ${y}`,
  meta: (funder, compiled, tz) => `${funder}. Data compiled on ${compiled} (${tz}).`,
  noDirection: 'No direction given',
  charts: {
    byDirection: (y) => `Applications and supported projects by direction, ${y}`,
    submitted: 'Applications submitted',
    supported: 'Supported',
    assisted: (y) => `Share of supported applications: with and without ${RC_EN} specialists, ${y}`,
    withAssistance: `With ${RC_EN} specialists`,
    withoutAssistance: `Without ${RC_EN} specialists`,
    supportedShare: 'Share supported',
    years: (p, y) => `${p} and ${y}: applications and supported projects`,
    supportedProjects: 'Projects supported',
    supportedAssisted: `Supported with ${RC_EN} help`,
    applicantOrganizations: 'Applicant organizations',
  },
  tables: {
    main: 'Key figures',
    indicator: 'Figure',
    rows: {
      competitions: 'Competitions',
      started: 'Applications started',
      submitted: 'Applications submitted',
      notSubmitted: 'Not submitted by the deadline',
      withdrawn: 'Withdrawn',
      ineligible: 'Ineligible',
      awarded: 'Supported',
      notAwarded: 'Not supported',
      applicants: 'Applicant organizations',
      winners: 'Winning organizations',
      firstTime: 'First-time applicants',
      requested: 'Requested',
      amountAwarded: 'Awarded',
      coFinancing: 'Co-financing of supported projects',
      averageAward: 'Average grant',
      successRate: 'Share of supported applications',
      budgetUtilisation: 'Grant fund utilisation',
    },
    assistance: `Participation of ${RC_EN} specialists`,
    assistanceHead: ['Applications', 'Started', 'Submitted', 'Supported', 'Grants amount', 'Share supported'],
    byDirection: 'By direction',
    byDirectionHead: [
      'Direction',
      'Submitted',
      'Supported',
      'Grants amount',
      'Share supported',
      `With ${RC_EN} specialists: submitted / supported`,
    ],
    byCompetition: 'By competition',
    byCompetitionHead: [
      'Competition',
      'Grant fund',
      'Submitted',
      'Supported',
      'Awarded',
      'Fund utilisation',
      'Average score',
    ],
  },
};

export const REPORT_TEXT: Record<ReportLocale, ReportText> = { ru: RU, en: EN };
