import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { columnsOf, hydrated, preparedQuery } from '@grants/database';
import { AuditService } from '../audit/audit.service';
import { Competition } from '../competitions/competition.entity';
import { OutboxService } from '../notifications/outbox.service';
import { DomainError, invalid, notFound } from '../shared/domain-error';
import { money } from '../shared/money';
import { Page, pageOf } from '../shared/pagination';
import { Actor } from '../shared/roles';
import { applicantsOf, applicationRef } from './applicants';
import { canonicalJson, SubmittedDocument, submittedContent } from './application-content';
import { ApplicationEvent } from './application-event.entity';
import { ApplicationSnapshot } from './application-snapshot.entity';
import { Application } from './application.entity';
import { applyApplicationTransition } from './application.state-machine';
import { competitionNotOpen, deadlinePassed, notEditable } from './applications.errors';
import {
  ApplicationListQuery,
  CreateApplicationDto,
  IneligibleDto,
  UpdateApplicationDto,
  WithdrawDto,
} from './dto/application.dto';
import {
  ApplicationChecklistResponse,
  ApplicationEventsResponse,
  ApplicationListItemResponse,
  ApplicationResponse,
  ApplicationSnapshotResponse,
} from './dto/application.response';
import { submitChecks, throwFirstFailure } from './submit-rules';
import { submittedDocuments, submittedDocumentsOf } from '../documents/submitted-documents';

interface Clock {
  at: Date;
  opened: boolean;
  before_deadline: boolean;
}

/**
 * Restricts a query on applications (alias `a`) to what the caller may see: an applicant its
 * organization's, a consultant those it was asked about, an expert those assigned to it after submission.
 */
export function scopeApplications<T extends object>(qb: SelectQueryBuilder<T>, actor: Actor): SelectQueryBuilder<T> {
  switch (actor.role) {
    case 'admin':
      return qb;
    case 'applicant':
      return qb.andWhere('a.organization_id = :scopeOrg', { scopeOrg: actor.organizationId });
    case 'consultant':
      return qb.andWhere('EXISTS (SELECT 1 FROM consultations sc WHERE sc.application_id = a.id)');
    case 'expert':
      return qb.andWhere(
        `a.status <> 'draft' AND EXISTS (SELECT 1 FROM reviews sr WHERE sr.application_id = a.id AND sr.expert_id = :scopeExpert AND sr.status <> 'declined')`,
        { scopeExpert: actor.id },
      );
  }
}

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, competitionId: string, dto: CreateApplicationDto): Promise<ApplicationResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      // FOR SHARE: a concurrent close (which updates the competition) waits, so no draft slips in after it.
      const competition = await manager.findOne(Competition, {
        where: { id: competitionId },
        lock: { mode: 'pessimistic_read' },
      });
      if (!competition || competition.status === 'draft') throw notFound('Competition');
      const clock = await this.clock(manager, competitionId);
      if (competition.status !== 'open' || !clock.opened || !clock.before_deadline)
        throw competitionNotOpen(competition.status);
      checkDirection(competition, dto.direction);
      const inserted = await manager.insert(Application, {
        competitionId,
        organizationId: actor.organizationId!,
        createdBy: actor.id,
        status: 'draft',
        consultantAssisted: false,
        expectedResults: [],
        budgetLines: [],
        ...contentColumns(dto),
      });
      return inserted.identifiers[0].id as string;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateApplicationDto): Promise<ApplicationResponse> {
    await this.dataSource.transaction(async (manager) => {
      const { application, competition } = await this.lockOwn(manager, actor, id, 'pessimistic_read');
      if (application.status !== 'draft') throw notEditable(application.status);
      checkDirection(competition, dto.direction);
      const changes = contentColumns(dto);
      if (!Object.keys(changes).length) return;
      const result = await manager
        .createQueryBuilder()
        .update(Application)
        .set(changes as never)
        .where(`id = :id AND version = :version AND status = 'draft'`, { id, version: application.version })
        .execute();
      if (!result.affected) throw notEditable(application.status);
    });
    return this.get(actor, id);
  }

  /**
   * Submits a draft received at `receivedAt` (its arrival stamp on the database clock): in time when it
   * arrived before the deadline, however long it then waited behind the rush. Then the content rules, the next registration number
   * from the competition row (locked, so numbers are consecutive under concurrency), a frozen snapshot
   * with its SHA-256, the status change and the confirmation mail — one transaction.
   */
  async submit(actor: Actor, id: string, receivedAt: Date): Promise<ApplicationResponse> {
    // A file attached or deleted while this submit waited for the application's lock is missed by the read
    // under that lock (its snapshot is older): the step then writes nothing and the submit runs again.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.submitOnce(actor, id, receivedAt);
      } catch (error) {
        if (!(error instanceof DocumentsChanged)) throw error;
        if (attempt === SUBMIT_READ_ATTEMPTS)
          throw new DomainError('SERVICE_UNAVAILABLE', 'The documents kept changing during the submit; try again');
      }
    }
  }

  private async submitOnce(actor: Actor, id: string, receivedAt: Date): Promise<ApplicationResponse> {
    const { application, submittedAt } = await this.dataSource.transaction(async (manager) => {
      // One round trip: the competition share-locked (submits run side by side; a close, cancel or extension
      // waits for them), then the application locked (attaching and deleting files wait for this submit,
      // then see it), with its documents and the recipients of its mails.
      const { competition, application, documents, documentIds, organizationName, users } = await lockForSubmit(
        manager,
        actor,
        id,
      );
      const clock = arrivalClock(competition, receivedAt);
      // The very rules the checklist shows (GET /applications/:id/checklist), the first failure thrown.
      throwFirstFailure(
        submitChecks(
          application,
          competition,
          { opened: clock.opened, beforeDeadline: clock.before_deadline, receivedAt: clock.at },
          documents,
        ),
      );
      const ref = {
        competitionId: competition.id,
        competitionTitle: competition.title,
        timezone: competition.timezone,
        applicationId: id,
        applicationTitle: application.title,
        organizationName,
      };
      const dedupeKeys = users.map((userId) => `application.submitted:${id}:${userId}`);

      // The registration number is drawn at commit (the deferred trigger of submission_numbering): the
      // content is frozen here as canonical JSON text with a placeholder for the number; inside the COMMIT
      // PostgreSQL takes the next number, puts it in, stores the snapshot with the SHA-256 of that text,
      // numbers the application and completes the mails. The competition's counter row is locked only
      // for the rest of that commit, never across a round trip, so a rush serialises on commits alone.
      const placeholder = `#${randomUUID()}#`;
      const canonical = canonicalJson(submittedContent(application, placeholder, clock.at, documents));
      if (canonical.split(placeholder).length !== 2)
        throw new Error('The registration number placeholder is not unique');

      // One statement: the status change, its history row, the mails (number and hash filled in at
      // commit) and the row the commit numbers.
      await applyApplicationTransition(manager, this.outbox, {
        applicationId: id,
        to: 'submitted',
        actor,
        from: ['draft'],
        set: { submittedAt: clock.at },
        notifications: users.map((userId, i) => ({
          userId,
          template: 'application.submitted',
          payload: { ...ref, registrationNumber: '', submittedAt: clock.at.toISOString(), contentHash: '' },
          dedupeKey: dedupeKeys[i],
        })),
        still: {
          condition: (p) =>
            `(SELECT coalesce(array_agg(d.id ORDER BY d.id), '{}') FROM application_documents d
              WHERE d.application_id = a.id) = ${p.add(documentIds)}::uuid[]`,
          stale: () => new DocumentsChanged(),
        },
        alsoInsert: (p) =>
          `INSERT INTO submission_numbering (application_id, competition_id, number_prefix, body, placeholder, submitted_at, mail_keys)
           SELECT ${p.add(id)}, ${p.add(competition.id)}, ${p.add(`${competition.year}-${competition.shortCode}-`)},
                  ${p.add(canonical)}, ${p.add(placeholder)}, ${p.add(clock.at)}, ${p.add(dedupeKeys)}::text[] FROM u`,
      });
      return { application, submittedAt: clock.at };
    });
    // The answer: the application as read under its lock, with what the submit and its commit wrote.
    const [numbered] = await preparedQuery<{
      registration_number: string;
      sequence: number;
      content_hash: string;
      updated_at: Date;
    }>(
      this.dataSource.manager,
      `SELECT registration_number, sequence, content_hash, updated_at FROM applications WHERE id = $1`,
      [id],
    );
    return ApplicationResponse.from(
      Object.assign(application, {
        status: 'submitted',
        submittedAt,
        registrationNumber: numbered.registration_number,
        sequence: numbered.sequence,
        contentHash: numbered.content_hash,
        version: application.version + 1,
        updatedAt: numbered.updated_at,
      }),
      actor,
    );
  }

  /** The applicant withdraws a draft or a submitted application, only before the deadline. */
  async withdraw(actor: Actor, id: string, dto: WithdrawDto): Promise<ApplicationResponse> {
    await this.dataSource.transaction(async (manager) => {
      const { competition } = await this.lockOwn(manager, actor, id, 'pessimistic_read');
      const clock = await this.clock(manager, competition.id);
      const closed = ['review', 'results_announced', 'archived'].includes(competition.status);
      if (closed || (competition.status === 'open' && !clock.before_deadline)) {
        throw deadlinePassed(competition.submissionDeadline);
      }
      await applyApplicationTransition(manager, this.outbox, {
        applicationId: id,
        to: 'withdrawn',
        actor,
        from: ['draft', 'submitted'],
        reason: dto.reason ?? null,
      });
    });
    return this.get(actor, id);
  }

  /** An admin finds a submitted application inadmissible; the applicant gets the reason. */
  async markIneligible(actor: Actor, id: string, dto: IneligibleDto): Promise<ApplicationResponse> {
    await this.dataSource.transaction(async (manager) => {
      const application = await manager.findOne(Application, { where: { id } });
      if (!application) throw notFound('Application');
      const ref = await applicationRef(manager, id);
      const users = await applicantsOf(manager, id);
      await applyApplicationTransition(manager, this.outbox, {
        applicationId: id,
        to: 'ineligible',
        actor,
        from: ['submitted', 'under_review'],
        reason: dto.reason,
        set: { ineligibleReason: dto.reason },
        notifications: users.map((userId) => ({
          userId,
          template: 'application.ineligible',
          payload: { ...ref, registrationNumber: application.registrationNumber, reason: dto.reason },
          dedupeKey: `application.ineligible:${id}:${userId}`,
          decisionKey: `decision:${id}`,
        })),
      });
      await this.audit.record(manager, actor, 'application.ineligible', `application:${id}`, { reason: dto.reason });
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ApplicationResponse> {
    const qb = this.dataSource.getRepository(Application).createQueryBuilder('a').where('a.id = :id', { id });
    const application = await scopeApplications(qb, actor).getOne();
    if (!application) throw notFound('Application');
    const announced = await this.announcedCompetitions(actor, [application]);
    return ApplicationResponse.from(application, actor, announced.has(application.competitionId));
  }

  async list(actor: Actor, q: ApplicationListQuery): Promise<Page<ApplicationListItemResponse>> {
    const qb = this.dataSource.getRepository(Application).createQueryBuilder('a');
    scopeApplications(qb, actor);
    if (q.competitionId) qb.andWhere('a.competition_id = :competitionId', { competitionId: q.competitionId });
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    // The statistics' rule, from the same column: set when a consultation of the application is completed.
    if (q.assisted !== undefined) qb.andWhere('a.consultant_assisted = :assisted', { assisted: q.assisted });
    // The page and the count are independent reads: run them side by side.
    const [rows, total] = await Promise.all([
      qb
        .clone()
        .orderBy('a.createdAt', 'DESC')
        .addOrderBy('a.id', 'ASC')
        .offset((q.page - 1) * q.pageSize)
        .limit(q.pageSize)
        .getMany(),
      qb.getCount(),
    ]);
    const [announced, names, checklists] = await Promise.all([
      this.announcedCompetitions(actor, rows),
      this.organizationNames(actor, rows),
      q.checklist === true && actor.role === 'applicant'
        ? this.draftChecklists(rows)
        : Promise.resolve(new Map<string, ApplicationChecklistResponse>()),
    ]);
    return pageOf(
      rows.map((row) => {
        const item = {
          ...ApplicationResponse.from(row, actor, announced.has(row.competitionId)),
          organizationName: names.get(row.organizationId) ?? null,
        };
        const checklist = checklists.get(row.id);
        return checklist ? { ...item, checklist } : item;
      }),
      total,
      q,
    );
  }

  /** The checklists of the drafts among these rows: one read of competitions, clocks and documents for all. */
  private async draftChecklists(rows: Application[]): Promise<Map<string, ApplicationChecklistResponse>> {
    const drafts = rows.filter((r) => r.status === 'draft');
    if (!drafts.length) return new Map();
    const manager = this.dataSource.manager;
    const competitionIds = [...new Set(drafts.map((d) => d.competitionId))];
    const [competitions, documents] = await Promise.all([
      manager.findBy(Competition, { id: In(competitionIds) }),
      submittedDocumentsOf(
        manager,
        drafts.map((d) => d.id),
      ),
    ]);
    const clocks = new Map(
      await Promise.all(competitionIds.map(async (id) => [id, await this.clock(manager, id)] as const)),
    );
    const byId = new Map(competitions.map((c) => [c.id, c]));
    return new Map(
      drafts.map((d) => [
        d.id,
        checklistOf(d, byId.get(d.competitionId)!, clocks.get(d.competitionId)!, documents.get(d.id) ?? []),
      ]),
    );
  }

  /** The names of these applications' organizations; experts get none (they review the project). */
  private async organizationNames(actor: Actor, rows: Application[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.map((r) => r.organizationId))];
    if (actor.role === 'expert' || !ids.length) return new Map();
    const found: { id: string; full_name: string }[] = await this.dataSource.query(
      `SELECT id, full_name FROM organizations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(found.map((o) => [o.id, o.full_name]));
  }

  /** The frozen content of a submitted application and its hash; a draft (never submitted) has none (404). */
  async snapshot(actor: Actor, id: string): Promise<ApplicationSnapshotResponse> {
    await this.get(actor, id);
    const snapshot = await this.dataSource.getRepository(ApplicationSnapshot).findOneBy({ applicationId: id });
    if (!snapshot) throw notFound('Snapshot');
    return { content: snapshot.content, contentHash: snapshot.contentHash };
  }

  /** The competitions of these applications whose results an applicant may read (only asked for applicants). */
  private async announcedCompetitions(actor: Actor, rows: Application[]): Promise<Set<string>> {
    const ids = [...new Set(rows.filter((r) => r.score !== null).map((r) => r.competitionId))];
    if (actor.role !== 'applicant' || !ids.length) return new Set();
    const announced: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM competitions WHERE id = ANY($1::uuid[]) AND status IN ('results_announced', 'archived')`,
      [ids],
    );
    return new Set(announced.map((c) => c.id));
  }

  /**
   * The submit rules as they stand now (database clock), each passed or failed, in submit's order;
   * `ready` iff a submit now would pass them. Computed by the same `submitChecks` as submit.
   */
  async checklist(actor: Actor, id: string): Promise<ApplicationChecklistResponse> {
    await this.get(actor, id);
    const application = await this.dataSource.getRepository(Application).findOneByOrFail({ id });
    const competition = await this.dataSource
      .getRepository(Competition)
      .findOneByOrFail({ id: application.competitionId });
    const clock = await this.clock(this.dataSource.manager, competition.id);
    const documents = await submittedDocuments(this.dataSource.manager, id);
    return checklistOf(application, competition, clock, documents);
  }

  /** The status history; the owner and admins only (the controller keeps other roles out). */
  async events(actor: Actor, id: string): Promise<ApplicationEventsResponse> {
    await this.get(actor, id);
    const rows = await this.dataSource
      .getRepository(ApplicationEvent)
      .find({ where: { applicationId: id }, order: { id: 'ASC' } });
    return {
      items: rows.map((e) => ({
        from: e.fromStatus,
        to: e.toStatus,
        actorRole: e.actorRole,
        at: e.at.toISOString(),
        reason: e.reason,
      })),
    };
  }

  /**
   * Locks the caller's own application and its competition. The competition is locked first, in the
   * same order as cancel and close take them, so these transactions never deadlock.
   */
  private async lockOwn(
    manager: EntityManager,
    actor: Actor,
    id: string,
    competitionLock: 'pessimistic_read' | 'pessimistic_write',
  ) {
    const competition = await this.lockOwnCompetition(manager, actor, id, competitionLock);
    const application = await manager.findOneOrFail(Application, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return { application, competition };
  }

  /** The competition, found and locked through the caller's own application in one query (404 otherwise). */
  private async lockOwnCompetition(
    manager: EntityManager,
    actor: Actor,
    id: string,
    competitionLock: 'pessimistic_read' | 'pessimistic_write',
  ): Promise<Competition> {
    const qb = manager
      .createQueryBuilder(Competition, 'c')
      .innerJoin(Application, 'a', 'a.competition_id = c.id')
      .where('a.id = :id', { id });
    if (actor.role !== 'admin') qb.andWhere('a.organization_id = :org', { org: actor.organizationId });
    const competition = await qb.setLock(competitionLock, undefined, ['c']).getOne();
    if (!competition) throw notFound('Application');
    return competition;
  }

  /** The database clock, read after the locks are held, against the competition's window. */
  private async clock(manager: EntityManager, competitionId: string): Promise<Clock> {
    const [row] = (await manager.query(
      `SELECT date_trunc('milliseconds', t.now) AS at, t.now >= c.submission_opens_at AS opened, t.now < c.submission_deadline AS before_deadline
       FROM competitions c CROSS JOIN (SELECT clock_timestamp() AS now) t WHERE c.id = $1`,
      [competitionId],
    )) as Clock[];
    return row;
  }
}

/**
 * Under the competition's counter row: the next number, the frozen content (the canonical JSON text with
 * the number put in place of $4) and its SHA-256, the application numbered, its mails given number and hash.
 * The number is `<year>-<code>-` and the sequence padded to at least four digits.
 */

/** Every submit rule as it stands, passed or failed, in submit's order (`submitChecks`, as submit runs them). */
function checklistOf(
  application: Application,
  competition: Competition,
  clock: Clock,
  documents: SubmittedDocument[],
): ApplicationChecklistResponse {
  const checks = submitChecks(
    application,
    competition,
    { opened: clock.opened, beforeDeadline: clock.before_deadline },
    documents,
  );
  return {
    ready: checks.every((c) => !c.failure),
    items: checks.map((c) => ({
      code: c.code,
      ok: !c.failure,
      fields: c.fields,
      message: c.failure ? c.failure.message : CHECK_PASSED[c.code],
    })),
  };
}

/** What a passed rule says in the checklist. */
const CHECK_PASSED: Record<string, string> = {
  NOT_EDITABLE: 'Заявка — черновик, её можно подать',
  NOT_OPEN_YET: 'Приём заявок начался',
  DEADLINE_PASSED: 'Срок подачи заявок не истёк',
  INCOMPLETE: 'Все обязательные поля заполнены',
  AMOUNT_EXCEEDS_MAX: 'Запрашиваемая сумма не больше максимального размера гранта',
  COFINANCING_TOO_LOW: 'Софинансирование не меньше требуемого',
  BUDGET_MISMATCH: 'Сумма статей бюджета равна запрашиваемой сумме',
  PROJECT_DATES_INVALID: 'Сроки проекта соответствуют правилам конкурса',
  DOCUMENTS_MISSING: 'Все обязательные документы приложены',
};

/**
 * The submission window judged at the request's arrival, not at the moment its turn came: the close
 * waits SUBMIT_GRACE_MS after the deadline (or after an admin's close request) for what arrived in time.
 */
function arrivalClock(competition: Competition, receivedAt: Date): Clock {
  const cutoff = competition.submissionCutoffAt;
  return {
    at: receivedAt,
    opened: receivedAt >= competition.submissionOpensAt,
    before_deadline: receivedAt < competition.submissionDeadline && (!cutoff || receivedAt < cutoff),
  };
}

function checkDirection(competition: Competition, direction: string | null | undefined) {
  if (direction == null) return;
  const codes = competition.directions.map((d) => d.code);
  if (!codes.includes(direction)) throw invalid(`direction must be one of: ${codes.join(', ')}`);
}

/** The content columns present in the request, money normalised to two decimals. */
function contentColumns(dto: UpdateApplicationDto): Partial<Application> {
  const out: Partial<Application> = {};
  if (dto.title !== undefined) out.title = dto.title;
  if (dto.summary !== undefined) out.summary = dto.summary;
  if (dto.direction !== undefined) out.direction = dto.direction;
  if (dto.requestedAmount !== undefined)
    out.requestedAmount = dto.requestedAmount === null ? null : money(dto.requestedAmount);
  if (dto.coFinancingAmount !== undefined)
    out.coFinancingAmount = dto.coFinancingAmount === null ? null : money(dto.coFinancingAmount);
  if (dto.projectStart !== undefined) out.projectStart = dto.projectStart;
  if (dto.projectEnd !== undefined) out.projectEnd = dto.projectEnd;
  if (dto.goals !== undefined) out.goals = dto.goals;
  if (dto.expectedResults !== undefined) {
    out.expectedResults = (dto.expectedResults ?? []).map((r) => ({ indicator: r.indicator, target: r.target }));
  }
  if (dto.budgetLines !== undefined) {
    out.budgetLines = (dto.budgetLines ?? []).map((l) => ({ item: l.item, amount: money(l.amount) }));
  }
  if (dto.geography !== undefined) out.geography = dto.geography;
  return out;
}

/** Tries of a submit whose documents changed while it waited for its lock (a 503 after the last). */
const SUBMIT_READ_ATTEMPTS = 5;

class DocumentsChanged extends Error {}

/**
 * The competition of the caller's own application share-locked, then the application locked for its submit
 * (404 for someone else's), with its documents as the snapshot freezes them (upload order) and its mails'
 * audience (the organization's name, its applicant users oldest first): one statement, one round trip.
 *
 * The order of the locks is the close's (competition, then applications), so the two never deadlock: the
 * competition is locked inside the CTE, and the application by the outer FOR UPDATE, which locks a row only
 * once the join has produced it, that is after the CTE has run. Plain SQL, prepared once per connection and
 * hydrated as the ORM would: the query builder would rebuild it on every submit, PostgreSQL replan it.
 */
async function lockForSubmit(manager: EntityManager, actor: Actor, id: string) {
  const own = actor.role === 'admin' ? '' : 'AND a0.organization_id = $2';
  const [row]: (Record<string, unknown> & {
    submit_documents: SubmittedDocument[];
    submit_document_ids: string[];
    submit_organization: string;
    submit_users: string[];
  })[] = await preparedQuery(
    manager,
    `WITH c AS MATERIALIZED (
       SELECT ${columnsOf(manager, Competition, 'c')} FROM competitions c JOIN applications a0 ON a0.competition_id = c.id
       WHERE a0.id = $1 ${own} FOR SHARE OF c
     )
     SELECT ${columnsOf(manager, Competition, 'c', 'c__')}, ${columnsOf(manager, Application, 'a')},
       (SELECT coalesce(json_agg(json_build_object('type', d.type, 'fileName', d.file_name, 'size', d.size,
          'sha256', d.sha256) ORDER BY d.uploaded_at, d.id), '[]'::json)
        FROM application_documents d WHERE d.application_id = a.id) AS submit_documents,
       (SELECT coalesce(array_agg(d.id ORDER BY d.id), '{}') FROM application_documents d
        WHERE d.application_id = a.id) AS submit_document_ids,
       (SELECT o.full_name FROM organizations o WHERE o.id = a.organization_id) AS submit_organization,
       (SELECT coalesce(array_agg(u.id ORDER BY u.created_at, u.id), '{}') FROM users u
        WHERE u.organization_id = a.organization_id AND u.role = 'applicant') AS submit_users
     FROM c JOIN applications a ON a.competition_id = c.id WHERE a.id = $1 FOR UPDATE OF a`,
    actor.role === 'admin' ? [id] : [id, actor.organizationId],
  );
  if (!row) throw notFound('Application');
  return {
    competition: hydrated(manager, Competition, row, 'c__'),
    application: hydrated(manager, Application, row),
    documents: row.submit_documents,
    documentIds: row.submit_document_ids,
    organizationName: row.submit_organization,
    users: row.submit_users,
  };
}
