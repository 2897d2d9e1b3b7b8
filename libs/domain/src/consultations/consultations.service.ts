import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { applicantsOf, applicationRef } from '../applications/applicants';
import { Application } from '../applications/application.entity';
import { competitionNotOpen, notEditable } from '../applications/applications.errors';
import { Competition } from '../competitions/competition.entity';
import { DB_NOW } from '../competitions/competition.state-machine';
import { OutboxService } from '../notifications/outbox.service';
import { notFound } from '../shared/domain-error';
import { Page, pageOf } from '../shared/pagination';
import { Actor } from '../shared/roles';
import { Consultation } from './consultation.entity';
import { applyConsultationTransition } from './consultation.state-machine';
import {
  CompleteConsultationDto,
  ConsultationDetailResponse,
  ConsultationListItem,
  ConsultationListQuery,
  ConsultationResponse,
  RequestConsultationDto,
} from './dto/consultation.dto';

/** The Resource Center's own service: an NGO asks about its draft, a consultant answers. */
@Injectable()
export class ConsultationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /** Asked while the application is a draft and its competition accepts submissions; every consultant is told. */
  async request(actor: Actor, applicationId: string, dto: RequestConsultationDto): Promise<ConsultationResponse> {
    const consultation = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(Application, { where: { id: applicationId } });
      if (!found || found.organizationId !== actor.organizationId) throw notFound('Application');
      const competition = await manager.findOneOrFail(Competition, {
        where: { id: found.competitionId },
        lock: { mode: 'pessimistic_read' },
      });
      const application = await manager.findOneOrFail(Application, {
        where: { id: applicationId },
        lock: { mode: 'pessimistic_read' },
      });
      if (application.status !== 'draft') throw notEditable(application.status);
      const [{ accepting }] = await manager.query(
        `SELECT c.status = 'open' AND c.submission_opens_at <= clock_timestamp() AND clock_timestamp() < c.submission_deadline AS accepting
         FROM competitions c WHERE c.id = $1`,
        [competition.id],
      );
      if (!accepting) throw competitionNotOpen(competition.status);
      const created = await manager.save(
        manager.create(Consultation, {
          applicationId,
          organizationId: application.organizationId,
          requestedBy: actor.id,
          question: dto.question,
          status: 'requested',
          remarks: [],
        }),
      );
      const consultants: Array<{ id: string }> = await manager.query(
        `SELECT id FROM users WHERE role = 'consultant' ORDER BY created_at, id`,
      );
      const ref = await applicationRef(manager, applicationId);
      await this.outbox.write(
        manager,
        consultants.map((c) => ({
          userId: c.id,
          template: 'consultation.requested' as const,
          payload: { ...ref, consultationId: created.id, question: dto.question },
          dedupeKey: `consultation.requested:${created.id}:${c.id}`,
        })),
      );
      return manager.findOneOrFail(Consultation, { where: { id: created.id } });
    });
    return ConsultationResponse.from(consultation);
  }

  async take(actor: Actor, id: string): Promise<ConsultationResponse> {
    const consultation = await this.dataSource.transaction((manager) =>
      applyConsultationTransition(manager, {
        consultationId: id,
        to: 'in_progress',
        actor,
        set: { takenAt: DB_NOW },
      }),
    );
    return ConsultationResponse.from(consultation);
  }

  /** The answer; the first completed consultation makes the application consultant-assisted. */
  async complete(actor: Actor, id: string, dto: CompleteConsultationDto): Promise<ConsultationResponse> {
    const consultation = await this.dataSource.transaction(async (manager) => {
      const remarks = (dto.remarks ?? []).map((r) => ({ field: r.field, text: r.text }));
      const completed = await applyConsultationTransition(manager, {
        consultationId: id,
        to: 'completed',
        actor,
        set: { comment: dto.comment, verdict: dto.verdict, remarks, completedAt: DB_NOW },
      });
      // Not a status change, so no version bump: an applicant's concurrent edit is unaffected.
      await manager.query(`UPDATE applications SET consultant_assisted = true, updated_at = now() WHERE id = $1`, [
        completed.applicationId,
      ]);
      const ref = await applicationRef(manager, completed.applicationId);
      const users = await applicantsOf(manager, completed.applicationId);
      await this.outbox.write(
        manager,
        users.map((userId) => ({
          userId,
          template: 'consultation.completed' as const,
          payload: { ...ref, consultationId: id, verdict: dto.verdict, comment: dto.comment, remarks },
          dedupeKey: `consultation.completed:${id}:${userId}`,
        })),
      );
      return completed;
    });
    return ConsultationResponse.from(consultation);
  }

  /** One consultation: consultants and admins any, an applicant its organization's; anyone else 404. */
  async get(actor: Actor, id: string): Promise<ConsultationDetailResponse> {
    const consultation = await this.dataSource.getRepository(Consultation).findOneBy({ id });
    if (!consultation) throw notFound('Consultation');
    if (actor.role === 'applicant' && consultation.organizationId !== actor.organizationId)
      throw notFound('Consultation');
    let consultantName: string | null = null;
    if (consultation.consultantId) {
      const [row] = (await this.dataSource.query(`SELECT full_name FROM users WHERE id = $1`, [
        consultation.consultantId,
      ])) as Array<{ full_name: string }>;
      consultantName = row?.full_name ?? null;
    }
    return { ...ConsultationResponse.from(consultation), consultantName };
  }

  /** Consultants and admins see the whole queue (oldest request first); an applicant its organization's consultations. */
  async list(actor: Actor, q: ConsultationListQuery): Promise<Page<ConsultationListItem>> {
    const qb = this.dataSource.getRepository(Consultation).createQueryBuilder('c');
    if (actor.role === 'applicant') qb.andWhere('c.organization_id = :org', { org: actor.organizationId });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.applicationId) qb.andWhere('c.application_id = :applicationId', { applicationId: q.applicationId });
    if (q.competitionId)
      qb.andWhere(
        'EXISTS (SELECT 1 FROM applications qa WHERE qa.id = c.application_id AND qa.competition_id = :cid)',
        {
          cid: q.competitionId,
        },
      );
    const [rows, total] = await qb
      .orderBy('c.requestedAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const context: Array<{ id: string; competition_id: string; title: string; organization_name: string }> = rows.length
      ? await this.dataSource.query(
          `SELECT a.id, a.competition_id, a.title, coalesce(o.short_name, o.full_name) AS organization_name
             FROM applications a JOIN organizations o ON o.id = a.organization_id WHERE a.id = ANY($1::uuid[])`,
          [[...new Set(rows.map((r) => r.applicationId))]],
        )
      : [];
    const byId = new Map(context.map((a) => [a.id, a]));
    const items = rows.map((c): ConsultationListItem => {
      const a = byId.get(c.applicationId)!;
      return {
        ...ConsultationResponse.from(c),
        competitionId: a.competition_id,
        applicationTitle: a.title,
        organizationName: a.organization_name,
      };
    });
    return pageOf(items, total, q);
  }
}
