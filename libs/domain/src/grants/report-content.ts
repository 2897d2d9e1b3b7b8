import { DomainError, invalid } from '../shared/domain-error';
import { addMoney, compareMoney, money } from '../shared/money';
import { ReportExpenditure, ReportResult } from './grant-report.entity';
import { ReportExpenditureInput, ReportResultInput } from './dto/grant.dto';

const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';

/**
 * The results of a report follow the application's expected results one for one: the NGO fills the
 * achieved values, it does not rewrite indicators or targets. Same for budget lines and spending.
 */
export function mergeResults(stored: ReportResult[], input: ReportResultInput[]): ReportResult[] {
  const errors: string[] = [];
  if (input.length !== stored.length)
    errors.push(`results must list the ${stored.length} expected results of the application, in order`);
  else
    input.forEach((r, i) => {
      if (r.indicator.trim() !== stored[i].indicator)
        errors.push(`results.${i}.indicator must be "${stored[i].indicator}"`);
      if (r.target.trim() !== stored[i].target) errors.push(`results.${i}.target must be "${stored[i].target}"`);
    });
  if (errors.length) throw invalid(errors);
  return stored.map((s, i) => ({ ...s, achieved: blank(input[i].achieved) ? null : input[i].achieved!.trim() }));
}

export function mergeExpenditures(stored: ReportExpenditure[], input: ReportExpenditureInput[]): ReportExpenditure[] {
  const errors: string[] = [];
  if (input.length !== stored.length)
    errors.push(`expenditures must list the ${stored.length} budget lines of the application, in order`);
  else
    input.forEach((e, i) => {
      if (e.item.trim() !== stored[i].item) errors.push(`expenditures.${i}.item must be "${stored[i].item}"`);
      if (compareMoney(e.planned, stored[i].planned) !== 0)
        errors.push(`expenditures.${i}.planned must be ${stored[i].planned}`);
    });
  if (errors.length) throw invalid(errors);
  return stored.map((s, i) => ({ ...s, spent: input[i].spent === null ? null : money(input[i].spent) }));
}

export const spentTotal = (lines: ReportExpenditure[]) =>
  addMoney('0', ...lines.map((l) => l.spent).filter((s): s is string => s !== null));
export const plannedTotal = (lines: ReportExpenditure[]) => addMoney('0', ...lines.map((l) => l.planned));

/**
 * The submit rules of a report, in the order an NGO would fix them: every part filled (INCOMPLETE,
 * naming the fields), then the money: spending above a line's plan is allowed (the narrative explains
 * it), but the spent total may not exceed the grant plus co-financing (BUDGET_MISMATCH).
 */
export function checkReportSubmittable(
  report: { narrative: string | null; results: ReportResult[]; expenditures: ReportExpenditure[] },
  limit: string,
): void {
  const missing: string[] = [];
  if (blank(report.narrative)) missing.push('narrative');
  report.results.forEach((r, i) => blank(r.achieved) && missing.push(`results.${i}.achieved`));
  report.expenditures.forEach((e, i) => e.spent === null && missing.push(`expenditures.${i}.spent`));
  if (missing.length)
    throw new DomainError('INCOMPLETE', `Не заполнены обязательные поля отчёта: ${missing.join(', ')}`, { missing });
  const spent = spentTotal(report.expenditures);
  if (compareMoney(spent, limit) > 0)
    throw new DomainError(
      'BUDGET_MISMATCH',
      `expenditures: израсходовано ${spent}, это больше суммы гранта с софинансированием (${limit})`,
      { spentTotal: spent, limit },
    );
}

/**
 * The first number in a value such as "120 человек", "1 200 участников" or "4,5 тыс." (comma decimals,
 * spaces between thousands); null when none. LEADING_NUMBER_SQL is the same rule for the statistics.
 */
export function leadingNumber(value: string | null): number | null {
  const m = value ? /-?\d+(?:[.,]\d+)?/.exec(value.replace(/(\d)\s+(?=\d{3}(?:\D|$))/g, '$1')) : null;
  return m ? Number(m[0].replace(',', '.')) : null;
}

/** leadingNumber() in SQL, for a text expression `x`. */
export const leadingNumberSql = (x: string) =>
  `replace(substring(regexp_replace(${x}, '(\\d)\\s+(?=\\d{3}(?:\\D|$))', '\\1', 'g') from '-?\\d+(?:[.,]\\d+)?'), ',', '.')::numeric`;

/** indicatorMet() in SQL, for the jsonb result row `r`. */
export const indicatorMetSql = (r: string) => `CASE WHEN ${leadingNumberSql(`${r}->>'target'`)} IS NULL
    THEN coalesce(btrim(${r}->>'achieved'), '') <> ''
    ELSE coalesce(${leadingNumberSql(`${r}->>'achieved'`)} >= ${leadingNumberSql(`${r}->>'target'`)}, false) END`;

/** An indicator is met when its achieved number reaches the target's number. */
export function indicatorMet(r: ReportResult): boolean {
  const target = leadingNumber(r.target);
  const achieved = leadingNumber(r.achieved);
  if (target === null) return !blank(r.achieved);
  return achieved !== null && achieved >= target;
}
