import { Competition } from '../competitions/competition.entity';
import { documentsMissing } from '../documents/documents.errors';
import { DomainError } from '../shared/domain-error';
import { addMoney, compareMoney, toKopecks } from '../shared/money';
import { Application } from './application.entity';
import { APPLICATION_FIELDS, ApplicationField } from './application-fields';
import { competitionNotOpen, deadlinePassed, notEditable, notOpenYet as notOpenYetError } from './applications.errors';

/** A project may last at most this many months from its start. */
export const MAX_PROJECT_MONTHS = 24;

/** Every content field must be filled in before submission. */
const REQUIRED: readonly ApplicationField[] = APPLICATION_FIELDS;

function isBlank(value: unknown) {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

// One formatter per time zone: building an Intl.DateTimeFormat per call was 3.7% of the CPU of a submit rush.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The date (YYYY-MM-DD) of an instant in the competition's time zone. */
export function localDate(instant: Date, timezone: string): string {
  let format = dateFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timezone, format);
  }
  return format.format(instant);
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(y, m - 1 + months, d));
  return shifted.toISOString().slice(0, 10);
}

/** A rule of submission, as the checklist shows it and as submit enforces it. */
export interface RuleCheck {
  code: string;
  /** The application fields the rule concerns (where the applicant fixes it). */
  fields: string[];
  /** Why the rule fails now, exactly what submit throws; `null` when it passes. */
  failure: DomainError | null;
}

const check = (code: string, fields: string[], failure: DomainError | null): RuleCheck => ({ code, fields, failure });

/**
 * The content rules of submission, each with its own code, in the order an applicant would fix them.
 * Every rule is evaluated (the checklist shows them all); submit throws the first failure. A rule whose
 * inputs are still blank fails with INCOMPLETE (submit never gets that far: INCOMPLETE comes first).
 */
export function contentChecks(a: Application, c: Competition): RuleCheck[] {
  const checks: RuleCheck[] = [];
  const missing = REQUIRED.filter((f) => isBlank(a[f]));
  const requested = a.requestedAmount;
  const coFinancing = a.coFinancingAmount;
  const blank = (fields: string[]) =>
    new DomainError('INCOMPLETE', `Не заполнены обязательные поля: ${fields.join(', ')}`, { missing: fields });

  if (missing.length) {
    checks.push(check('INCOMPLETE', [...missing], blank([...missing])));
  } else if (!c.directions.some((d) => d.code === a.direction)) {
    checks.push(
      check(
        'INCOMPLETE',
        ['direction'],
        new DomainError('INCOMPLETE', `direction: направление «${a.direction}» не входит в направления конкурса`, {
          missing: ['direction'],
        }),
      ),
    );
  } else if (compareMoney(requested!, 0) <= 0) {
    checks.push(
      check(
        'INCOMPLETE',
        ['requestedAmount'],
        new DomainError('INCOMPLETE', 'requestedAmount: запрашиваемая сумма должна быть больше нуля', {
          missing: ['requestedAmount'],
        }),
      ),
    );
  } else {
    checks.push(check('INCOMPLETE', [], null));
  }

  if (isBlank(requested)) {
    checks.push(check('AMOUNT_EXCEEDS_MAX', ['requestedAmount'], blank(['requestedAmount'])));
  } else if (compareMoney(requested!, c.maxGrantAmount) > 0) {
    checks.push(
      check(
        'AMOUNT_EXCEEDS_MAX',
        ['requestedAmount'],
        new DomainError(
          'AMOUNT_EXCEEDS_MAX',
          `requestedAmount: запрошено ${requested}, максимальный размер гранта ${c.maxGrantAmount}`,
          { requestedAmount: requested, maxGrantAmount: c.maxGrantAmount },
        ),
      ),
    );
  } else {
    checks.push(check('AMOUNT_EXCEEDS_MAX', ['requestedAmount'], null));
  }

  const moneyMissing = (['requestedAmount', 'coFinancingAmount'] as const).filter((f) => isBlank(a[f]));
  if (moneyMissing.length) {
    checks.push(check('COFINANCING_TOO_LOW', ['coFinancingAmount'], blank([...moneyMissing])));
  } else {
    // co ≥ p% × (requested + co), compared exactly in kopecks: co × 100 × 100 ≥ total × (p × 100).
    const total = addMoney(requested!, coFinancing!);
    const low = toKopecks(coFinancing!) * 10000n < toKopecks(total) * toKopecks(c.minCoFinancingPercent);
    checks.push(
      check(
        'COFINANCING_TOO_LOW',
        ['coFinancingAmount'],
        low
          ? new DomainError(
              'COFINANCING_TOO_LOW',
              `coFinancingAmount: софинансирование должно составлять не менее ${Number(c.minCoFinancingPercent)}% стоимости проекта (${total})`,
              {
                coFinancingAmount: coFinancing,
                projectTotal: total,
                minCoFinancingPercent: Number(c.minCoFinancingPercent),
              },
            )
          : null,
      ),
    );
  }

  if (isBlank(requested) || isBlank(a.budgetLines)) {
    checks.push(
      check(
        'BUDGET_MISMATCH',
        ['budgetLines'],
        blank(['requestedAmount', 'budgetLines'].filter((f) => isBlank(a[f as ApplicationField]))),
      ),
    );
  } else {
    const budget = addMoney(...a.budgetLines.map((l) => l.amount));
    checks.push(
      check(
        'BUDGET_MISMATCH',
        ['budgetLines'],
        compareMoney(budget, requested!) !== 0
          ? new DomainError(
              'BUDGET_MISMATCH',
              `budgetLines: сумма статей бюджета ${budget} не равна запрашиваемой сумме ${requested}`,
              { budgetTotal: budget, requestedAmount: requested },
            )
          : null,
      ),
    );
  }

  const datesMissing = (['projectStart', 'projectEnd'] as const).filter((f) => isBlank(a[f]));
  if (datesMissing.length) {
    checks.push(check('PROJECT_DATES_INVALID', ['projectStart', 'projectEnd'], blank([...datesMissing])));
  } else {
    const start = a.projectStart!;
    const end = a.projectEnd!;
    const earliest = localDate(c.submissionDeadline, c.timezone);
    const problems: string[] = [];
    const fields = new Set<string>();
    if (start > end) {
      problems.push('projectEnd: дата окончания проекта раньше даты начала');
      fields.add('projectEnd');
    }
    if (start < earliest) {
      problems.push(`projectStart: проект не может начаться раньше окончания приёма заявок (${earliest})`);
      fields.add('projectStart');
    }
    if (end >= addMonths(start, MAX_PROJECT_MONTHS)) {
      problems.push(`projectEnd: проект длится не более ${MAX_PROJECT_MONTHS} месяцев`);
      fields.add('projectEnd');
    }
    checks.push(
      check(
        'PROJECT_DATES_INVALID',
        problems.length ? [...fields] : ['projectStart', 'projectEnd'],
        problems.length
          ? new DomainError('PROJECT_DATES_INVALID', problems.join('; '), {
              problems,
              earliestStart: earliest,
              maxMonths: MAX_PROJECT_MONTHS,
            })
          : null,
      ),
    );
  }
  return checks;
}

/** The content rules as submit applies them: the first failure is thrown. */
export function checkSubmittable(a: Application, c: Competition): void {
  const failed = contentChecks(a, c).find((r) => r.failure);
  if (failed) throw failed.failure;
}

/** The submission window at one instant of the database clock. */
export interface SubmitWindow {
  opened: boolean;
  beforeDeadline: boolean;
  /** The instant judged, when it is a request's arrival (a submit): DEADLINE_PASSED then says when it came. */
  receivedAt?: Date;
}

/**
 * Every rule of submit, in the order submit applies them: the application is a draft, the window is open
 * (NOT_OPEN_YET, DEADLINE_PASSED; a cancelled competition fails the deadline rule with COMPETITION_NOT_OPEN),
 * then the content rules. Submit throws the first failure; the checklist shows them all.
 */
export function submitChecks(
  a: Application,
  c: Competition,
  window: SubmitWindow,
  attached: { type: string }[],
): RuleCheck[] {
  let notOpenYet: DomainError | null = null;
  let deadline: DomainError | null = null;
  if (c.status !== 'open') {
    deadline =
      c.status === 'cancelled' ? competitionNotOpen(c.status) : deadlinePassed(c.submissionDeadline, window.receivedAt);
  } else if (!window.opened) {
    notOpenYet = notOpenYetError(c.submissionOpensAt);
  } else if (!window.beforeDeadline) {
    deadline = deadlinePassed(c.submissionDeadline, window.receivedAt);
  }
  return [
    check('NOT_EDITABLE', [], a.status !== 'draft' ? notEditable(a.status) : null),
    check('NOT_OPEN_YET', [], notOpenYet),
    check('DEADLINE_PASSED', [], deadline),
    ...contentChecks(a, c),
    documentsCheck(c, attached),
  ];
}

/** Throws the first failed rule, as submit does. */
export function throwFirstFailure(checks: RuleCheck[]): void {
  const failed = checks.find((r) => r.failure);
  if (failed) throw failed.failure;
}

/** Every `required` document type of the competition has at least one attached file (API.md: DOCUMENTS_MISSING). */
export function documentsCheck(c: Competition, attached: { type: string }[]): RuleCheck {
  const present = new Set(attached.map((d) => d.type));
  const missing = c.documentTypes.filter((t) => t.required && !present.has(t.code));
  return check('DOCUMENTS_MISSING', ['documents'], missing.length ? documentsMissing(missing) : null);
}
