import { Criterion } from '../competitions/competition.entity';
import { DomainError, invalid } from '../shared/domain-error';

/**
 * Review arithmetic in hundredths of a point (bigint), so weights like 0.5 or 1.5 and the
 * divergence threshold never go through floating point.
 */
export type Hundredths = bigint;

const DECIMAL_RE = /^(\d+)(?:\.(\d+))?$/;

/** "1.5", 1.5 or "30.00" → 150n, 150n, 3000n; rounds half up past two decimals. */
export function toHundredths(value: number | string): Hundredths {
  const m = DECIMAL_RE.exec(String(value));
  if (!m) return BigInt(Math.round(Number(value) * 100));
  const frac = (m[2] ?? '').padEnd(3, '0');
  const base = BigInt(m[1]) * 100n + BigInt(frac.slice(0, 2));
  return Number(frac[2]) >= 5 ? base + 1n : base;
}

export function formatHundredths(h: Hundredths): string {
  const sign = h < 0n ? '-' : '';
  const abs = h < 0n ? -h : h;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Σ score × weight over the given scores. */
export function totalOf(scores: Record<string, number>, criteria: Criterion[]): Hundredths {
  return criteria.reduce(
    (sum, c) => (Object.hasOwn(scores, c.code) ? sum + BigInt(scores[c.code]) * toHundredths(c.weight) : sum),
    0n,
  );
}

export function maxTotalOf(criteria: Criterion[]): Hundredths {
  return criteria.reduce((sum, c) => sum + BigInt(c.maxScore) * toHundredths(c.weight), 0n);
}

/** Mean of totals, rounded half up to the hundredth; null for none. */
export function meanOf(totals: Hundredths[]): Hundredths | null {
  if (!totals.length) return null;
  const n = BigInt(totals.length);
  const sum = totals.reduce((s, t) => s + t, 0n);
  return (2n * sum + n) / (2n * n);
}

/**
 * Validates a draft's scores against the competition's criteria: every key a known code, every
 * value a whole number in 0..maxScore. Each offending criterion is named in the 400.
 */
export function validateScores(scores: unknown, criteria: Criterion[]): Record<string, number> {
  if (typeof scores !== 'object' || scores === null || Array.isArray(scores)) throw invalid('scores must be an object');
  const byCode = new Map(criteria.map((c) => [c.code, c]));
  const errors: string[] = [];
  for (const [code, value] of Object.entries(scores as Record<string, unknown>)) {
    const criterion = byCode.get(code);
    if (!criterion) errors.push(`scores.${code} is not a criterion of this competition`);
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > criterion.maxScore)
      errors.push(`scores.${code} must be a whole number from 0 to ${criterion.maxScore}`);
  }
  if (errors.length) throw invalid(errors);
  return scores as Record<string, number>;
}

/** A review may be submitted only with every criterion scored. */
export function assertComplete(scores: Record<string, number>, criteria: Criterion[]): void {
  const missing = criteria.filter((c) => !Object.hasOwn(scores, c.code)).map((c) => c.code);
  if (missing.length) throw new DomainError('INCOMPLETE', `Criteria left unscored: ${missing.join(', ')}`, { missing });
}

export interface ReviewRules {
  expertsPerApplication: number;
  /** Percent of the maximum total, as stored (numeric string). */
  divergenceThreshold: string | number;
  criteria: Criterion[];
}

export interface ReviewRequirement {
  submitted: number;
  /** The first expertsPerApplication totals spread wider than the threshold. */
  divergent: boolean;
  /** Submitted reviews needed before the application is reviewed. */
  required: number;
  complete: boolean;
  needsExtraReview: boolean;
  /** Mean of every submitted total, or null. */
  score: Hundredths | null;
}

/**
 * Whether an application's reviews are complete. Divergence is judged on the first
 * expertsPerApplication totals in submission order only, so the verdict never changes once made.
 */
export function reviewRequirement(totalsInSubmissionOrder: Hundredths[], rules: ReviewRules): ReviewRequirement {
  const base = rules.expertsPerApplication;
  const firsts = totalsInSubmissionOrder.slice(0, base);
  let divergent = false;
  if (firsts.length >= base && firsts.length > 1) {
    const spread = firsts.reduce((a, b) => (b > a ? b : a)) - firsts.reduce((a, b) => (b < a ? b : a));
    // spread > threshold% × maxTotal, all in hundredths: spread × 10000 > threshold_h × maxTotal_h
    divergent = spread * 10000n > toHundredths(rules.divergenceThreshold) * maxTotalOf(rules.criteria);
  }
  const required = divergent ? base + 1 : base;
  const submitted = totalsInSubmissionOrder.length;
  return {
    submitted,
    divergent,
    required,
    complete: submitted >= required,
    needsExtraReview: divergent && submitted < required,
    score: meanOf(totalsInSubmissionOrder),
  };
}
