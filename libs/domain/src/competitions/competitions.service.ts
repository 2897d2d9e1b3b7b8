import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation, selectByIdSql } from '@grants/database';
import { applicantsOf } from '../applications/applicants';
import { applyApplicationTransition } from '../applications/application.state-machine';
import { AuditService } from '../audit/audit.service';
import { DeadlineScheduler } from '../deadlines/deadline-scheduler.service';
import { SubmissionCloser } from '../deadlines/submission-closer.service';
import { OutboxMessage, OutboxService } from '../notifications/outbox.service';
import { DomainError, invalid, notFound } from '../shared/domain-error';
import { compareMoney, money } from '../shared/money';
import { Page, pageOf } from '../shared/pagination';
import { Actor } from '../shared/roles';
import { DEFAULT_DOCUMENT_TYPES } from '../documents/default-document-types';
import { Competition, CompetitionStatus, Criterion, Direction, DocumentType } from './competition.entity';
import { applyCompetitionTransition, DB_NOW } from './competition.state-machine';
import { deadlineShortened, notEditableAfterPublish, publishAfterDeadline } from './competitions.errors';
import { DEFAULT_CRITERIA } from './default-criteria';
import {
  CancelCompetitionDto,
  CompetitionListQuery,
  CreateCompetitionDto,
  UpdateCompetitionDto,
} from './dto/create-competition.dto';
import { CompetitionResponse } from './dto/competition.response';
import { newShortCode } from './short-code';
import { defaultReportSchedule, ReportScheduleItem, reportScheduleErrors } from '../grants/report-schedule';

/** Fields an admin may still change once a competition is published, by status. */
const EDITABLE_AFTER_PUBLISH: Partial<Record<CompetitionStatus, (keyof UpdateCompetitionDto)[]>> = {
  open: ['description', 'submissionDeadline', 'reviewDeadline', 'reportSchedule'],
  review: ['description', 'reviewDeadline', 'reportSchedule'],
};

interface DraftRecipient {
  application_id: string;
  application_title: string;
  organization_name: string;
  user_id: string;
}

@Injectable()
export class CompetitionsService {
  private readonly logger = new Logger(CompetitionsService.name);
  private findByIdSql?: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly scheduler: DeadlineScheduler,
    private readonly closer: SubmissionCloser,
  ) {}

  async create(actor: Actor, dto: CreateCompetitionDto): Promise<CompetitionResponse> {
    checkRules(dto as Required<CreateCompetitionDto>);
    // A random short code may collide with an existing one; a fresh one is drawn then.
    for (let attempt = 0; ; attempt++) {
      try {
        const competition = await this.dataSource.transaction(async (manager) => {
          const created = await manager.save(
            manager.create(Competition, {
              shortCode: newShortCode(),
              title: dto.title,
              description: dto.description ?? null,
              year: dto.year,
              fundingSource: dto.fundingSource ?? null,
              currency: 'RUB',
              timezone: dto.timezone ?? 'Asia/Krasnoyarsk',
              submissionOpensAt: new Date(dto.submissionOpensAt),
              submissionDeadline: new Date(dto.submissionDeadline),
              reviewDeadline: new Date(dto.reviewDeadline),
              totalBudget: money(dto.totalBudget),
              maxGrantAmount: money(dto.maxGrantAmount),
              minCoFinancingPercent: String(dto.minCoFinancingPercent ?? 0),
              directions: dto.directions.map(toDirection),
              criteria: (dto.criteria ?? DEFAULT_CRITERIA).map(toCriterion),
              documentTypes: (dto.documentTypes ?? DEFAULT_DOCUMENT_TYPES).map(toDocumentType),
              expertsPerApplication: dto.expertsPerApplication ?? 2,
              reportSchedule: dto.reportSchedule
                ? dto.reportSchedule.map(toReport)
                : defaultReportSchedule(new Date(dto.submissionDeadline), dto.timezone ?? 'Asia/Krasnoyarsk'),
              divergenceThreshold: String(dto.divergenceThreshold ?? 30),
              minScoreToAward: dto.minScoreToAward == null ? null : String(dto.minScoreToAward),
              status: 'draft',
              createdBy: actor.id,
            }),
          );
          await this.audit.record(manager, actor, 'competition.create', `competition:${created.id}`, {
            title: created.title,
          });
          return created;
        });
        return this.get(actor, competition.id);
      } catch (error) {
        if (attempt < 5 && isUniqueViolation(error, 'uq_competitions_short_code')) continue;
        throw error;
      }
    }
  }

  async update(actor: Actor, id: string, dto: UpdateCompetitionDto): Promise<CompetitionResponse> {
    const given = (Object.keys(dto) as (keyof UpdateCompetitionDto)[]).filter((k) => dto[k] !== undefined);
    const rescheduled = await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, id);
      const changes: Partial<Competition> = {};
      if (current.status === 'draft') {
        const merged = { ...fromEntity(current), ...pick(dto, given) } as Required<CreateCompetitionDto>;
        // A schedule never given explicitly follows the deadline it defaults from.
        if (dto.reportSchedule === undefined && (dto.submissionDeadline !== undefined || dto.timezone !== undefined))
          if (isDefaultSchedule(current)) {
            changes.reportSchedule = defaultReportSchedule(new Date(merged.submissionDeadline), merged.timezone);
            merged.reportSchedule = changes.reportSchedule;
          }
        checkRules(merged);
        Object.assign(changes, toColumns(pick(dto, given)));
      } else {
        const allowed = EDITABLE_AFTER_PUBLISH[current.status] ?? [];
        const forbidden = given.filter((k) => !allowed.includes(k));
        if (forbidden.length) throw notEditableAfterPublish(forbidden, current.status, allowed);
        if (dto.description !== undefined) changes.description = dto.description ?? null;
        if (dto.reportSchedule !== undefined) changes.reportSchedule = dto.reportSchedule.map(toReport);
        if (dto.submissionDeadline !== undefined) {
          const next = new Date(dto.submissionDeadline);
          const cmp = next.getTime() - current.submissionDeadline.getTime();
          if (cmp < 0) throw deadlineShortened('submissionDeadline');
          if (cmp > 0) changes.submissionDeadline = next;
        }
        if (dto.reviewDeadline !== undefined) {
          const next = new Date(dto.reviewDeadline);
          const cmp = next.getTime() - current.reviewDeadline.getTime();
          if (cmp < 0) throw deadlineShortened('reviewDeadline');
          if (cmp > 0) changes.reviewDeadline = next;
        }
        const deadline = changes.submissionDeadline ?? current.submissionDeadline;
        const review = changes.reviewDeadline ?? current.reviewDeadline;
        if (review.getTime() <= deadline.getTime())
          throw invalid('reviewDeadline must be later than submissionDeadline');
        if (changes.reportSchedule || changes.submissionDeadline) {
          const errors = reportScheduleErrors(
            changes.reportSchedule ?? current.reportSchedule,
            deadline,
            current.timezone,
          );
          if (errors.length) throw invalid(errors);
        }
        if (changes.submissionDeadline) {
          const [{ past }] = await manager.query(`SELECT $1::timestamptz <= clock_timestamp() AS past`, [
            changes.submissionDeadline,
          ]);
          if (past) throw invalid('submissionDeadline must be in the future');
        }
      }
      if (!Object.keys(changes).length) return false;
      await manager
        .createQueryBuilder()
        .update(Competition)
        .set(changes)
        .where('id = :id AND version = :version', { id, version: current.version })
        .execute();
      if (changes.submissionDeadline && current.status === 'open') {
        await this.notifyDeadlineExtended(manager, current, changes.submissionDeadline);
      }
      if (changes.reviewDeadline) {
        // Unfinished reviews are due at the review deadline; reminders and the overdue report read due_at.
        await manager.query(
          `UPDATE reviews SET due_at = $2 WHERE competition_id = $1 AND status IN ('assigned', 'in_progress')`,
          [id, changes.reviewDeadline],
        );
      }
      await this.audit.record(manager, actor, 'competition.update', `competition:${id}`, {
        fields: Object.keys(changes),
      });
      return current.status !== 'draft' && Boolean(changes.submissionDeadline || changes.reviewDeadline);
    });
    if (rescheduled) await this.reschedule(id);
    return this.get(actor, id);
  }

  async publish(actor: Actor, id: string): Promise<CompetitionResponse> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, id);
      if (current.status === 'draft') {
        const [{ past }] = await manager.query(
          `SELECT submission_deadline <= now() AS past FROM competitions WHERE id = $1`,
          [id],
        );
        if (past) throw publishAfterDeadline();
      }
      await applyCompetitionTransition(manager, { competitionId: id, to: 'open', actor, set: { publishedAt: DB_NOW } });
      await this.audit.record(manager, actor, 'competition.publish', `competition:${id}`);
    });
    await this.reschedule(id);
    return this.get(actor, id);
  }

  /**
   * Closes the books on an announced competition: it leaves the working lists, while its results,
   * reviews and statistics stay as they are.
   */
  async archive(actor: Actor, id: string): Promise<CompetitionResponse> {
    await this.dataSource.transaction(async (manager) => {
      await this.lock(manager, id);
      await applyCompetitionTransition(manager, { competitionId: id, to: 'archived', actor });
      await this.audit.record(manager, actor, 'competition.archive', `competition:${id}`);
    });
    await this.reschedule(id);
    return this.get(actor, id);
  }

  /**
   * Ends submission as the deadline job would: submits received before this request still count, later
   * ones are refused; the answer comes after SUBMIT_GRACE_MS, once the competition is closed.
   */
  async close(actor: Actor, id: string, receivedAt: Date): Promise<CompetitionResponse> {
    const current = await this.dataSource.getRepository(Competition).findOneBy({ id });
    if (!current) throw notFound('Competition');
    if (current.status !== 'open' && current.status !== 'review') {
      throw new DomainError('INVALID_TRANSITION', `Конкурс в статусе ${current.status} нельзя закрыть`, {
        from: current.status,
        to: 'review',
      });
    }
    const result = await this.closer.closeOnRequest(id, actor, receivedAt);
    if (result.closed) {
      // The closer owns its transaction; the admin action is recorded right after it commits.
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, actor, 'competition.close', `competition:${id}`, {
          submitted: result.submitted,
          notSubmitted: result.notSubmitted,
        }),
      );
    }
    return this.get(actor, id);
  }

  /** Cancels a draft or open competition; its live applications are withdrawn and their applicants told. */
  async cancel(actor: Actor, id: string, dto: CancelCompetitionDto): Promise<CompetitionResponse> {
    await this.dataSource.transaction(async (manager) => {
      const competition = await this.lock(manager, id);
      await applyCompetitionTransition(manager, {
        competitionId: id,
        to: 'cancelled',
        actor,
        set: { cancelReason: dto.reason },
      });
      const live: Array<{ id: string; title: string; organization_name: string }> = await manager.query(
        `SELECT a.id, a.title, o.full_name AS organization_name
         FROM applications a JOIN organizations o ON o.id = a.organization_id
         WHERE a.competition_id = $1 AND a.status IN ('draft','submitted')
         ORDER BY a.created_at, a.id FOR UPDATE OF a`,
        [id],
      );
      for (const application of live) {
        const users = await applicantsOf(manager, application.id);
        await applyApplicationTransition(manager, this.outbox, {
          applicationId: application.id,
          to: 'withdrawn',
          actor: 'system',
          from: ['draft', 'submitted'],
          reason: `Конкурс отменён: ${dto.reason}`,
          notifications: users.map((userId) => ({
            userId,
            template: 'competition.cancelled',
            payload: {
              competitionId: id,
              competitionTitle: competition.title,
              timezone: competition.timezone,
              applicationId: application.id,
              applicationTitle: application.title,
              organizationName: application.organization_name,
              reason: dto.reason,
            },
            dedupeKey: `competition.cancelled:${application.id}:${userId}`,
          })),
        });
      }
      await this.audit.record(manager, actor, 'competition.cancel', `competition:${id}`, {
        reason: dto.reason,
        withdrawn: live.length,
      });
    });
    await this.reschedule(id);
    return this.get(actor, id);
  }

  async list(actor: Actor | undefined, q: CompetitionListQuery): Promise<Page<CompetitionResponse>> {
    const qb = this.dataSource.getRepository(Competition).createQueryBuilder('c');
    if (actor?.role !== 'admin') qb.andWhere(`c.status <> 'draft'`);
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.year) qb.andWhere('c.year = :year', { year: q.year });
    const [rows, total] = await qb
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(CompetitionResponse.from), total, q);
  }

  /** Drafts exist only for admins; anyone else gets 404 for them. */
  async get(actor: Actor | undefined, id: string): Promise<CompetitionResponse> {
    const competition = await this.findById(id);
    if (!competition || (competition.status === 'draft' && actor?.role !== 'admin')) throw notFound('Competition');
    return CompetitionResponse.from(competition);
  }

  /**
   * The public hot read as one plain query with SQL built once: the query builder re-derived the SQL and
   * re-hydrated the row on every request, about 30% of the CPU of GET /competitions/:id.
   */
  private async findById(id: string): Promise<Competition | null> {
    this.findByIdSql ??= selectByIdSql(this.dataSource.getMetadata(Competition));
    const [row] = await this.dataSource.query<Competition[]>(this.findByIdSql, [id]);
    return row ? Object.assign(new Competition(), row) : null;
  }

  private async lock(manager: EntityManager, id: string): Promise<Competition> {
    const competition = await manager.findOne(Competition, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!competition) throw notFound('Competition');
    return competition;
  }

  private async notifyDeadlineExtended(manager: EntityManager, competition: Competition, deadline: Date) {
    const rows: DraftRecipient[] = await manager.query(
      `SELECT a.id AS application_id, a.title AS application_title, o.full_name AS organization_name, u.id AS user_id
       FROM applications a
       JOIN organizations o ON o.id = a.organization_id
       JOIN users u ON u.organization_id = a.organization_id AND u.role = 'applicant'
       WHERE a.competition_id = $1 AND a.status = 'draft'`,
      [competition.id],
    );
    const messages: OutboxMessage[] = rows.map((r) => ({
      userId: r.user_id,
      template: 'deadline.extended',
      payload: {
        competitionId: competition.id,
        competitionTitle: competition.title,
        timezone: competition.timezone,
        applicationId: r.application_id,
        applicationTitle: r.application_title,
        organizationName: r.organization_name,
        previousDeadline: competition.submissionDeadline.toISOString(),
        deadline: deadline.toISOString(),
      },
      dedupeKey: `deadline.extended:${r.application_id}:${r.user_id}:${deadline.toISOString()}`,
    }));
    await this.outbox.write(manager, messages);
  }

  /** Jobs follow the committed state; a scheduling failure is caught up by reconciliation, never fails the request. */
  private async reschedule(id: string) {
    try {
      await this.scheduler.scheduleCompetition(id);
    } catch (error) {
      this.logger.warn(`Could not reschedule the jobs of competition ${id}: ${(error as Error).message}`);
    }
  }
}

function pick<T extends object>(dto: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, dto[k]])) as Partial<T>;
}

function fromEntity(c: Competition): CreateCompetitionDto {
  return {
    title: c.title,
    year: c.year,
    submissionOpensAt: c.submissionOpensAt.toISOString(),
    submissionDeadline: c.submissionDeadline.toISOString(),
    reviewDeadline: c.reviewDeadline.toISOString(),
    totalBudget: c.totalBudget,
    maxGrantAmount: c.maxGrantAmount,
    directions: c.directions,
    timezone: c.timezone,
    reportSchedule: c.reportSchedule,
  };
}

/** True while the schedule is still the default of the current deadline (an admin never set one). */
function isDefaultSchedule(c: Competition): boolean {
  return JSON.stringify(c.reportSchedule) === JSON.stringify(defaultReportSchedule(c.submissionDeadline, c.timezone));
}

const toReport = (r: WithTitleEn<ReportScheduleItem>): ReportScheduleItem => ({
  code: r.code,
  title: r.title,
  ...withTitleEn(r.titleEn),
  dueDate: r.dueDate,
});

/** An English title is stored only when given, so competitions without one keep the shape they always had. */
const withTitleEn = (titleEn: string | null | undefined) => (titleEn ? { titleEn } : {});

type WithTitleEn<T> = Omit<T, 'titleEn'> & { titleEn?: string | null };

const toDirection = (d: WithTitleEn<Direction>): Direction => ({
  code: d.code,
  title: d.title,
  ...withTitleEn(d.titleEn),
});

const toCriterion = (c: WithTitleEn<Criterion>): Criterion => ({
  code: c.code,
  title: c.title,
  ...withTitleEn(c.titleEn),
  weight: c.weight,
  maxScore: c.maxScore,
});

const toDocumentType = (d: WithTitleEn<DocumentType>): DocumentType => ({
  code: d.code,
  title: d.title,
  ...withTitleEn(d.titleEn),
  required: d.required,
});

function toColumns(dto: Partial<UpdateCompetitionDto>): Partial<Competition> {
  const out: Partial<Competition> = {};
  if (dto.title !== undefined) out.title = dto.title;
  if (dto.description !== undefined) out.description = dto.description ?? null;
  if (dto.year !== undefined) out.year = dto.year;
  if (dto.fundingSource !== undefined) out.fundingSource = dto.fundingSource ?? null;
  if (dto.timezone !== undefined) out.timezone = dto.timezone;
  if (dto.submissionOpensAt !== undefined) out.submissionOpensAt = new Date(dto.submissionOpensAt);
  if (dto.submissionDeadline !== undefined) out.submissionDeadline = new Date(dto.submissionDeadline);
  if (dto.reviewDeadline !== undefined) out.reviewDeadline = new Date(dto.reviewDeadline);
  if (dto.totalBudget !== undefined) out.totalBudget = money(dto.totalBudget);
  if (dto.maxGrantAmount !== undefined) out.maxGrantAmount = money(dto.maxGrantAmount);
  if (dto.minCoFinancingPercent !== undefined) out.minCoFinancingPercent = String(dto.minCoFinancingPercent);
  if (dto.directions !== undefined) out.directions = dto.directions.map(toDirection);
  if (dto.criteria !== undefined) out.criteria = dto.criteria.map(toCriterion);
  if (dto.documentTypes !== undefined) out.documentTypes = dto.documentTypes.map(toDocumentType);
  if (dto.expertsPerApplication !== undefined) out.expertsPerApplication = dto.expertsPerApplication;
  if (dto.reportSchedule !== undefined) out.reportSchedule = dto.reportSchedule.map(toReport);
  if (dto.divergenceThreshold !== undefined) out.divergenceThreshold = String(dto.divergenceThreshold);
  if (dto.minScoreToAward !== undefined)
    out.minScoreToAward = dto.minScoreToAward == null ? null : String(dto.minScoreToAward);
  return out;
}

/** Rules across fields; each failure names its field, like a validation error (400). */
function checkRules(c: Required<CreateCompetitionDto>) {
  const errors: string[] = [];
  const opens = Date.parse(c.submissionOpensAt);
  const deadline = Date.parse(c.submissionDeadline);
  const review = Date.parse(c.reviewDeadline);
  if (!(opens < deadline)) errors.push('submissionDeadline must be later than submissionOpensAt');
  if (!(deadline < review)) errors.push('reviewDeadline must be later than submissionDeadline');
  if (compareMoney(c.totalBudget, 0) <= 0) errors.push('totalBudget must be greater than 0');
  if (compareMoney(c.maxGrantAmount, 0) <= 0) errors.push('maxGrantAmount must be greater than 0');
  else if (compareMoney(c.maxGrantAmount, c.totalBudget) > 0) errors.push('maxGrantAmount must not exceed totalBudget');
  if (c.reportSchedule && !Number.isNaN(deadline))
    errors.push(
      ...reportScheduleErrors(c.reportSchedule.map(toReport), new Date(deadline), c.timezone ?? 'Asia/Krasnoyarsk'),
    );
  if (errors.length) throw invalid(errors);
}
