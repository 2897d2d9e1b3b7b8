import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { applicantsByOrganization } from '../applications/applicants';
import { AuditService } from '../audit/audit.service';
import { DB_NOW } from '../competitions/competition.state-machine';
import { adminIds } from '../identity/admins';
import { OutboxMessage, OutboxService } from '../notifications/outbox.service';
import { DomainError, notFound } from '../shared/domain-error';
import { addMoney } from '../shared/money';
import { Page, pageOf } from '../shared/pagination';
import { Actor } from '../shared/roles';
import { GrantStatus } from './grant.entity';
import { ReportExpenditure, ReportResult, ReportStatus } from './grant-report.entity';
import { applyGrantTransition } from './grant.state-machine';
import { applyReportTransition } from './report.state-machine';
import { checkReportSubmittable, mergeExpenditures, mergeResults, plannedTotal, spentTotal } from './report-content';
import { reportOverdueAt } from './report-times';
import { ReportScheduler } from './report-scheduler.service';
import {
  AcceptReportDto,
  GrantListQuery,
  RecordAgreementDto,
  ReturnReportDto,
  SaveReportDto,
  TerminateGrantDto,
} from './dto/grant.dto';
import {
  GrantReportResponse,
  GrantReportSummary,
  GrantResponse,
  PublicGrantResponse,
  ReportDocumentResponse,
} from './dto/grant.response';

/** A grant row with the display values of its competition and organization. */
interface GrantRow {
  id: string;
  application_id: string;
  competition_id: string;
  competition_title: string;
  competition_year: number;
  timezone: string;
  organization_id: string;
  organization_name: string;
  inn: string;
  registration_number: string;
  title: string;
  summary: string | null;
  amount: string;
  co_financing_amount: string;
  project_start: string | null;
  project_end: string | null;
  status: GrantStatus;
  agreement_number: string | null;
  agreement_date: string | null;
  termination_reason: string | null;
  completed_at: Date | null;
  created_at: Date;
}

interface ReportRow {
  id: string;
  grant_id: string;
  code: string;
  title: string;
  title_en: string | null;
  due_date: string;
  position: number;
  status: ReportStatus;
  narrative: string | null;
  results: ReportResult[];
  expenditures: ReportExpenditure[];
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  accepted_at: Date | null;
  review_comment: string | null;
  updated_at: Date;
}

const GRANT_SELECT = `
  SELECT g.id, g.application_id, g.competition_id, c.title AS competition_title, c.year AS competition_year,
         c.timezone, g.organization_id, o.full_name AS organization_name, o.inn, g.registration_number, g.title,
         a.summary, g.amount, g.co_financing_amount, g.project_start::text, g.project_end::text, g.status,
         g.agreement_number, g.agreement_date::text, g.termination_reason, g.completed_at, g.created_at
  FROM grants g
  JOIN competitions c ON c.id = g.competition_id
  JOIN organizations o ON o.id = g.organization_id
  JOIN applications a ON a.id = g.application_id`;

const REPORT_SELECT = `
  SELECT r.id, r.grant_id, r.code, r.title, r.title_en, r.due_date::text, r.position, r.status, r.narrative,
         r.results, r.expenditures, r.first_submitted_at, r.submitted_at, r.accepted_at, r.review_comment, r.updated_at
  FROM grant_reports r`;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EDITABLE_GRANT: GrantStatus[] = ['awaiting_agreement', 'active'];
const OPEN_REPORT: ReportStatus[] = ['pending', 'draft'];

/** Grants after the award: the agreement, the reports and their review, the public project card. */
@Injectable()
export class GrantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly scheduler: ReportScheduler,
  ) {}

  /**
   * Called inside the announcement's transaction: one grant per award, with the reports of the
   * competition's schedule, whose results and spending start from the application's expected results
   * and budget lines. Set-based, so a large competition is announced in a few statements.
   */
  async createForAwards(manager: EntityManager, actor: Actor, competitionId: string, applicationIds: string[]) {
    if (!applicationIds.length) return 0;
    const created: Array<{ id: string }> = await manager.query(
      `INSERT INTO grants (application_id, competition_id, organization_id, registration_number, title, amount,
          co_financing_amount, project_start, project_end)
       SELECT a.id, a.competition_id, a.organization_id, a.registration_number, a.title, a.awarded_amount,
              coalesce(a.co_financing_amount, 0), a.project_start, a.project_end
       FROM applications a
       WHERE a.competition_id = $1 AND a.id = ANY($2::uuid[]) AND a.status = 'awarded'
       ON CONFLICT (application_id) DO NOTHING
       RETURNING id`,
      [competitionId, applicationIds],
    );
    const ids = created.map((g) => g.id);
    if (!ids.length) return 0;
    await manager.query(
      `INSERT INTO grant_reports (grant_id, code, title, title_en, due_date, position, results, expenditures)
       SELECT g.id, s.item->>'code', s.item->>'title', s.item->>'titleEn', (s.item->>'dueDate')::date, s.ord,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('indicator', e->>'indicator', 'target', e->>'target',
                        'achieved', NULL) ORDER BY n), '[]'::jsonb)
               FROM jsonb_array_elements(a.expected_results) WITH ORDINALITY AS x(e, n)),
              (SELECT coalesce(jsonb_agg(jsonb_build_object('item', l->>'item',
                        'planned', to_char((l->>'amount')::numeric, 'FM999999999990.00'), 'spent', NULL) ORDER BY n),
                        '[]'::jsonb)
               FROM jsonb_array_elements(a.budget_lines) WITH ORDINALITY AS y(l, n))
       FROM grants g
       JOIN applications a ON a.id = g.application_id
       JOIN competitions c ON c.id = g.competition_id
       CROSS JOIN LATERAL jsonb_array_elements(c.report_schedule) WITH ORDINALITY AS s(item, ord)
       WHERE g.id = ANY($1::uuid[])`,
      [ids],
    );
    await manager.query(
      `INSERT INTO grant_events (grant_id, from_status, to_status, actor_id, actor_role)
       SELECT id, NULL, 'awaiting_agreement', $2, $3 FROM unnest($1::uuid[]) AS id`,
      [ids, actor.id, actor.role],
    );
    return ids.length;
  }

  async list(actor: Actor, q: GrantListQuery): Promise<Page<GrantResponse>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (actor.role === 'applicant') {
      params.push(actor.organizationId);
      where.push(`g.organization_id = $${params.length}`);
    }
    if (q.competitionId) {
      params.push(q.competitionId);
      where.push(`g.competition_id = $${params.length}`);
    }
    if (q.status) {
      params.push(q.status);
      where.push(`g.status = $${params.length}`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM grants g ${filter}`, params);
    const rows: GrantRow[] = await this.dataSource.query(
      `${GRANT_SELECT} ${filter} ORDER BY g.created_at DESC, g.registration_number, g.id
       LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    const reports = await this.reportsOf(
      this.dataSource.manager,
      rows.map((r) => r.id),
    );
    return pageOf(
      rows.map((g) => this.toResponse(g, reports.get(g.id) ?? [])),
      total,
      q,
    );
  }

  async get(actor: Actor, id: string): Promise<GrantResponse> {
    const grant = await this.visible(this.dataSource.manager, actor, id);
    const reports = await this.reportsOf(this.dataSource.manager, [id]);
    return this.toResponse(grant, reports.get(id) ?? []);
  }

  async report(actor: Actor, id: string, code: string): Promise<GrantReportResponse> {
    const grant = await this.visible(this.dataSource.manager, actor, id);
    const report = await this.reportRow(this.dataSource.manager, id, code);
    const documents: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT id, file_name AS "fileName", size, content_type AS "contentType", sha256, uploaded_at AS "uploadedAt"
       FROM grant_report_documents WHERE report_id = $1 ORDER BY uploaded_at, id`,
      [report.id],
    );
    return {
      ...this.toReportResponse(grant, report),
      documents: documents.map((d) => ReportDocumentResponse.from(d as never)),
    };
  }

  async recordAgreement(actor: Actor, id: string, dto: RecordAgreementDto): Promise<GrantResponse> {
    await this.dataSource.transaction(async (manager) => {
      const grant = await this.lockGrant(manager, actor, id);
      const reports = (await this.reportsOf(manager, [id])).get(id) ?? [];
      const users = (await applicantsByOrganization(manager, [grant.organization_id])).get(grant.organization_id) ?? [];
      await applyGrantTransition(manager, this.outbox, {
        grantId: id,
        to: 'active',
        actor,
        comment: `Соглашение № ${dto.agreementNumber} от ${dto.agreementDate}`,
        set: { agreementNumber: dto.agreementNumber, agreementDate: dto.agreementDate },
        notifications: users.map((userId) => ({
          userId,
          template: 'grant.agreement_recorded',
          payload: {
            ...this.grantRef(grant),
            amount: grant.amount,
            agreementNumber: dto.agreementNumber,
            agreementDate: dto.agreementDate,
            reports: reports.map((r) => ({ title: r.title, titleEn: r.title_en ?? r.title, dueDate: r.due_date })),
          },
          dedupeKey: `grant.agreement_recorded:${id}:${userId}`,
        })),
      });
      await this.audit.record(manager, actor, 'grant.agreement', `grant:${id}`, {
        agreementNumber: dto.agreementNumber,
        agreementDate: dto.agreementDate,
      });
    });
    await this.scheduler.scheduleGrants([id]);
    return this.get(actor, id);
  }

  async terminate(actor: Actor, id: string, dto: TerminateGrantDto): Promise<GrantResponse> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockGrant(manager, actor, id);
      await applyGrantTransition(manager, this.outbox, {
        grantId: id,
        to: 'terminated',
        actor,
        comment: dto.reason,
        set: { terminationReason: dto.reason, terminatedAt: DB_NOW },
      });
      await this.audit.record(manager, actor, 'grant.terminate', `grant:${id}`, { reason: dto.reason });
    });
    return this.get(actor, id);
  }

  /** The NGO saves its draft (autosave): pending and returned reports become drafts. */
  async saveReport(actor: Actor, id: string, code: string, dto: SaveReportDto): Promise<GrantReportResponse> {
    await this.dataSource.transaction(async (manager) => {
      const grant = await this.lockGrant(manager, actor, id);
      if (!EDITABLE_GRANT.includes(grant.status))
        throw new DomainError('NOT_EDITABLE', `The reports of a ${grant.status} grant cannot change`);
      const report = await this.reportRow(manager, id, code);
      if (report.status === 'submitted' || report.status === 'accepted')
        throw new DomainError('NOT_EDITABLE', `A ${report.status} report cannot be edited`, { status: report.status });
      await applyReportTransition(manager, this.outbox, {
        reportId: report.id,
        to: 'draft',
        actor,
        set: {
          ...(dto.narrative !== undefined ? { narrative: dto.narrative } : {}),
          ...(dto.results ? { results: mergeResults(report.results, dto.results) } : {}),
          ...(dto.expenditures ? { expenditures: mergeExpenditures(report.expenditures, dto.expenditures) } : {}),
        },
      });
    });
    return this.report(actor, id, code);
  }

  async submitReport(actor: Actor, id: string, code: string): Promise<GrantReportResponse> {
    await this.dataSource.transaction(async (manager) => {
      const grant = await this.lockGrant(manager, actor, id);
      const report = await this.reportRow(manager, id, code);
      if (grant.status !== 'active')
        throw new DomainError(
          'INVALID_TRANSITION',
          `Reports are submitted while the grant is active; it is ${grant.status}`,
          {
            grantStatus: grant.status,
          },
        );
      if (report.status === 'pending' || report.status === 'draft' || report.status === 'returned')
        checkReportSubmittable(report, addMoney(grant.amount, grant.co_financing_amount));
      const resubmitted = report.first_submitted_at !== null;
      const recipients = await this.staffRecipients(manager, grant.application_id);
      await applyReportTransition(manager, this.outbox, {
        reportId: report.id,
        to: 'submitted',
        actor,
        set: { submittedAt: DB_NOW, ...(resubmitted ? {} : { firstSubmittedAt: DB_NOW }) },
        notifications: recipients.map((userId) => ({
          userId,
          template: 'report.submitted',
          payload: { ...this.reportRef(grant, report), submittedAt: new Date().toISOString(), resubmitted },
          dedupeKey: `report.submitted:${report.id}:${report.updated_at.getTime()}:${userId}`,
        })),
      });
    });
    return this.report(actor, id, code);
  }

  async returnReport(actor: Actor, id: string, code: string, dto: ReturnReportDto): Promise<GrantReportResponse> {
    await this.review(actor, id, code, 'returned', dto.comment);
    return this.report(actor, id, code);
  }

  async acceptReport(actor: Actor, id: string, code: string, dto: AcceptReportDto): Promise<GrantReportResponse> {
    await this.review(actor, id, code, 'accepted', dto.comment || null);
    return this.report(actor, id, code);
  }

  /** Public: the project card; the achieved results appear once the final report is accepted. */
  async publicCard(id: string): Promise<PublicGrantResponse> {
    if (!UUID_RE.test(id)) throw notFound('Grant');
    const [grant]: GrantRow[] = await this.dataSource.query(`${GRANT_SELECT} WHERE g.id = $1`, [id]);
    if (!grant) throw notFound('Grant');
    const reports = (await this.reportsOf(this.dataSource.manager, [id])).get(id) ?? [];
    const final = reports[reports.length - 1];
    return {
      id: grant.id,
      competitionId: grant.competition_id,
      competitionTitle: grant.competition_title,
      year: grant.competition_year,
      registrationNumber: grant.registration_number,
      title: grant.title,
      summary: grant.summary,
      organizationName: grant.organization_name,
      inn: grant.inn,
      amount: grant.amount,
      coFinancingAmount: grant.co_financing_amount,
      projectStart: grant.project_start,
      projectEnd: grant.project_end,
      agreementDate: grant.agreement_date,
      status: grant.status,
      results:
        final?.status === 'accepted'
          ? final.results.map((r) => ({ indicator: r.indicator, target: r.target, achieved: r.achieved }))
          : null,
    };
  }

  /** Accept or return a submitted report; accepting the last one not yet accepted completes the grant. */
  private async review(actor: Actor, id: string, code: string, to: 'accepted' | 'returned', comment: string | null) {
    await this.dataSource.transaction(async (manager) => {
      const grant = await this.lockGrant(manager, actor, id);
      if (grant.status !== 'active')
        throw new DomainError('INVALID_TRANSITION', `Reports of a ${grant.status} grant are not reviewed`, {
          grantStatus: grant.status,
        });
      const report = await this.reportRow(manager, id, code);
      const reports = (await this.reportsOf(manager, [id])).get(id) ?? [];
      const completes = to === 'accepted' && reports.every((r) => r.code === code || r.status === 'accepted');
      const users = (await applicantsByOrganization(manager, [grant.organization_id])).get(grant.organization_id) ?? [];
      const ref = this.reportRef(grant, report);
      const version = report.updated_at.getTime();
      const notifications: OutboxMessage[] = users.map((userId) =>
        to === 'accepted'
          ? {
              userId,
              template: 'report.accepted' as const,
              payload: { ...ref, comment, grantCompleted: completes },
              dedupeKey: `report.accepted:${report.id}:${userId}`,
            }
          : {
              userId,
              template: 'report.returned' as const,
              payload: { ...ref, comment: comment! },
              dedupeKey: `report.returned:${report.id}:${version}:${userId}`,
            },
      );
      await applyReportTransition(manager, this.outbox, {
        reportId: report.id,
        to,
        actor,
        comment,
        set: { reviewComment: comment, reviewedBy: actor.id, ...(to === 'accepted' ? { acceptedAt: DB_NOW } : {}) },
        notifications,
      });
      await this.audit.record(manager, actor, to === 'accepted' ? 'report.accept' : 'report.return', `grant:${id}`, {
        report: code,
        comment,
      });
      if (completes) {
        await applyGrantTransition(manager, this.outbox, {
          grantId: id,
          to: 'completed',
          actor,
          comment: `Принят отчёт «${report.title}»`,
          set: { completedAt: DB_NOW },
        });
        await this.audit.record(manager, actor, 'grant.complete', `grant:${id}`);
      }
    });
  }

  /** The grant as the actor may see it: someone else's grant is a 404. */
  private async visible(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<GrantRow> {
    if (lock) {
      const locked = await manager.query(`SELECT id FROM grants WHERE id = $1 FOR UPDATE`, [id]);
      if (!locked.length) throw notFound('Grant');
    }
    const [grant]: GrantRow[] = await manager.query(`${GRANT_SELECT} WHERE g.id = $1`, [id]);
    if (!grant) throw notFound('Grant');
    if (actor.role === 'applicant' && grant.organization_id !== actor.organizationId) throw notFound('Grant');
    if (actor.role === 'expert') throw notFound('Grant');
    return grant;
  }

  /** Every change of a grant or its reports holds the grant row, so completion sees every report's last state. */
  private lockGrant(manager: EntityManager, actor: Actor, id: string) {
    return this.visible(manager, actor, id, true);
  }

  private async reportRow(manager: EntityManager, grantId: string, code: string): Promise<ReportRow> {
    const [report]: ReportRow[] = await manager.query(`${REPORT_SELECT} WHERE r.grant_id = $1 AND r.code = $2`, [
      grantId,
      code,
    ]);
    if (!report) throw notFound('Report');
    return report;
  }

  private async reportsOf(manager: EntityManager, grantIds: string[]): Promise<Map<string, ReportRow[]>> {
    const map = new Map<string, ReportRow[]>();
    if (!grantIds.length) return map;
    const rows: ReportRow[] = await manager.query(
      `${REPORT_SELECT} WHERE r.grant_id = ANY($1::uuid[]) ORDER BY r.grant_id, r.position`,
      [grantIds],
    );
    for (const r of rows) map.set(r.grant_id, [...(map.get(r.grant_id) ?? []), r]);
    return map;
  }

  /** Admins and the consultants who completed a consultation on the application. */
  private async staffRecipients(manager: EntityManager, applicationId: string): Promise<string[]> {
    const consultants: Array<{ consultant_id: string }> = await manager.query(
      `SELECT DISTINCT consultant_id FROM consultations
       WHERE application_id = $1 AND status = 'completed' AND consultant_id IS NOT NULL`,
      [applicationId],
    );
    return [...new Set([...(await adminIds(manager)), ...consultants.map((c) => c.consultant_id)])];
  }

  private grantRef(g: GrantRow) {
    return {
      competitionId: g.competition_id,
      competitionTitle: g.competition_title,
      timezone: g.timezone,
      grantId: g.id,
      grantTitle: g.title,
      registrationNumber: g.registration_number,
      organizationName: g.organization_name,
    };
  }

  private reportRef(g: GrantRow, r: ReportRow) {
    return {
      ...this.grantRef(g),
      reportCode: r.code,
      reportTitle: r.title,
      reportTitleEn: r.title_en ?? r.title,
      dueDate: r.due_date,
    };
  }

  private summary(g: GrantRow, r: ReportRow): GrantReportSummary {
    return {
      code: r.code,
      title: r.title,
      ...(r.title_en ? { titleEn: r.title_en } : {}),
      dueDate: r.due_date,
      status: r.status,
      submittedAt: r.submitted_at?.toISOString() ?? null,
      overdue: OPEN_REPORT.includes(r.status) && Date.now() >= reportOverdueAt(r.due_date, g.timezone).getTime(),
    };
  }

  private toResponse(g: GrantRow, reports: ReportRow[]): GrantResponse {
    return {
      id: g.id,
      applicationId: g.application_id,
      competitionId: g.competition_id,
      competitionTitle: g.competition_title,
      timezone: g.timezone,
      organizationId: g.organization_id,
      organizationName: g.organization_name,
      registrationNumber: g.registration_number,
      title: g.title,
      amount: g.amount,
      coFinancingAmount: g.co_financing_amount,
      projectStart: g.project_start,
      projectEnd: g.project_end,
      status: g.status,
      agreementNumber: g.agreement_number,
      agreementDate: g.agreement_date,
      terminationReason: g.termination_reason,
      completedAt: g.completed_at?.toISOString() ?? null,
      createdAt: g.created_at.toISOString(),
      reports: reports.map((r) => this.summary(g, r)),
    };
  }

  private toReportResponse(g: GrantRow, r: ReportRow): Omit<GrantReportResponse, 'documents'> {
    return {
      ...this.summary(g, r),
      grantId: g.id,
      narrative: r.narrative,
      results: r.results,
      expenditures: r.expenditures,
      plannedTotal: plannedTotal(r.expenditures),
      spentTotal: spentTotal(r.expenditures),
      spendingLimit: addMoney(g.amount, g.co_financing_amount),
      firstSubmittedAt: r.first_submitted_at?.toISOString() ?? null,
      acceptedAt: r.accepted_at?.toISOString() ?? null,
      reviewComment: r.review_comment,
      updatedAt: r.updated_at.toISOString(),
    };
  }
}
