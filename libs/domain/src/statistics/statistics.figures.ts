import { Money } from '../shared/money';

/** Counts by the API.md counting rule: `submitted` is every application ever submitted, whatever came later. */
export interface ApplicationCounts {
  started: number;
  drafts: number;
  submitted: number;
  notSubmitted: number;
  withdrawn: number;
  ineligible: number;
  /** Submitted and not decided yet (submitted, under_review, reviewed). */
  pendingDecision: number;
  awarded: number;
  notAwarded: number;
}

export interface AssistanceFigures {
  applications: number;
  submitted: number;
  awarded: number;
  amountAwarded: Money;
  /** awarded / submitted, 0..1 (0 when nothing was submitted). */
  successRate: number;
}

/** The figures that every year has and the year-over-year comparison is made of. */
export interface HeadlineFigures {
  competitions: number;
  applications: ApplicationCounts;
  organizations: { applicants: number; winners: number; firstTime: number };
  amounts: {
    requested: Money;
    awarded: Money;
    /** Co-financing of the awarded projects: the extra resources the grants attract. */
    coFinancing: Money;
    coFinancingSubmitted: Money;
    averageAward: Money;
    totalBudget: Money;
  };
  successRate: number;
  /** awarded / totalBudget of the competitions whose results are announced; null before any announcement. */
  budgetUtilisation: number | null;
  consultantAssisted: AssistanceFigures;
  unassisted: AssistanceFigures;
}

export interface DirectionFigures {
  direction: string | null;
  title: string | null;
  /** English title, when a competition gave one; absent in snapshots compiled before English titles. */
  titleEn?: string;
  submitted: number;
  awarded: number;
  amountAwarded: Money;
  successRate: number;
  assistedSubmitted: number;
  assistedAwarded: number;
}

export interface CompetitionFigures {
  competitionId: string;
  title: string;
  status: string;
  totalBudget: Money;
  started: number;
  submitted: number;
  awarded: number;
  notAwarded: number;
  amountRequested: Money;
  amountAwarded: Money;
  successRate: number;
  budgetUtilisation: number | null;
  assistedSubmitted: number;
  assistedAwarded: number;
  averageScore: number | null;
}

export interface ReviewFigures {
  /** Submitted reviews. */
  count: number;
  extraReviews: number;
  /** Mean of the applications' scores. */
  averageScore: number | null;
  /** Applications whose regular reviews spread more than the competition's divergence threshold. */
  divergenceCases: number;
  /** Median of assigned → submitted, in hours. */
  medianTurnaroundHours: number | null;
}

export interface ConsultationFigures {
  count: number;
  completed: number;
  /** Median of requested → completed, in hours. */
  medianTurnaroundHours: number | null;
}

/** Grants of the year's competitions after the award, and their reports. */
export interface GrantFigures {
  awaitingAgreement: number;
  active: number;
  completed: number;
  terminated: number;
  /** Reports first submitted by the end of their due date (24:00 in the competition's zone). */
  reportsOnTime: number;
  /** Reports first submitted after it, and reports of active grants still not submitted past it. */
  reportsLate: number;
  /** Expected results of accepted final reports whose achieved value reaches the target. */
  indicatorsMet: number;
  indicatorsTotal: number;
  /** Spent per the latest accepted report of each grant (reports state spending to date). */
  spent: Money;
}

export interface Change {
  previous: number | Money;
  current: number | Money;
  /** current − previous (a money string for money figures). */
  delta: number | Money;
  /** Relative change in percent, one decimal; null when the previous value is zero. */
  percent: number | null;
}

export const HEADLINE_CHANGES = [
  'applicationsSubmitted',
  'applicationsAwarded',
  'amountAwarded',
  'applicants',
  'assistedAwarded',
  'successRate',
] as const;
export type HeadlineChangeKey = (typeof HEADLINE_CHANGES)[number];

export interface StatisticsFigures extends HeadlineFigures {
  year: number;
  byDirection: DirectionFigures[];
  byCompetition: CompetitionFigures[];
  reviews: ReviewFigures;
  consultations: ConsultationFigures;
  /** Absent in snapshots compiled before grants were followed after the award. */
  grants?: GrantFigures;
  previousYear: { year: number } & HeadlineFigures;
  change: Record<HeadlineChangeKey, Change>;
}
