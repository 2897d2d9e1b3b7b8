import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { applicantsByOrganization } from '../applications/applicants';
import { adminIds } from '../identity/admins';
import { OutboxMessage, OutboxService } from '../notifications/outbox.service';
import { reportOverdueAt } from './report-times';
import { ReportScheduler } from './report-scheduler.service';

/** What a report job did; a stale job (report submitted, grant ended, date moved) sends nothing. */
export interface ReportJobResult {
  stale: boolean;
  written: number;
  /** The overdue job fired before the end of the due date (by the report clock): it is retried. */
  early?: boolean;
}

interface OpenReport {
  id: string;
  code: string;
  title: string;
  title_en: string | null;
  due_date: string;
  grant_id: string;
  grant_title: string;
  registration_number: string;
  organization_id: string;
  organization_name: string;
  competition_id: string;
  competition_title: string;
  timezone: string;
}

const STALE: ReportJobResult = { stale: true, written: 0 };

/**
 * The report jobs' work. Each run reloads the report and writes outbox rows with dedupe keys, so a job
 * that runs twice (a re-plan after a Redis loss) sends each mail once.
 */
@Injectable()
export class ReportReminders {
  private readonly logger = new Logger(ReportReminders.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly scheduler: ReportScheduler,
  ) {}

  /** `report.reminder` to the organization's members while the report is still to be submitted. */
  async remind(data: { reportId: string; dueDate: string; daysBefore: number }): Promise<ReportJobResult> {
    return this.dataSource.transaction(async (manager) => {
      const r = await this.openReport(manager, data.reportId, data.dueDate);
      // After the due date a reminder would only confuse; the overdue report takes over.
      if (!r || this.scheduler.now() >= reportOverdueAt(r.due_date, r.timezone).getTime()) return STALE;
      const users = (await applicantsByOrganization(manager, [r.organization_id])).get(r.organization_id) ?? [];
      const messages: OutboxMessage[] = users.map((userId) => ({
        userId,
        template: 'report.reminder',
        payload: { ...this.ref(r), daysLeft: data.daysBefore },
        dedupeKey: `report.reminder:${r.id}:${r.due_date}:${data.daysBefore}:${userId}`,
      }));
      return { stale: false, written: await this.write(manager, messages) };
    });
  }

  /** `report.overdue` to every admin once the due date has ended without a submission. */
  async reportOverdue(data: { reportId: string; dueDate: string }): Promise<ReportJobResult> {
    return this.dataSource.transaction(async (manager) => {
      const r = await this.openReport(manager, data.reportId, data.dueDate);
      if (!r) return STALE;
      if (this.scheduler.now() < reportOverdueAt(r.due_date, r.timezone).getTime())
        return { stale: false, written: 0, early: true };
      const messages: OutboxMessage[] = (await adminIds(manager)).map((adminId) => ({
        userId: adminId,
        template: 'report.overdue',
        payload: this.ref(r),
        dedupeKey: `report.overdue:${r.id}:${r.due_date}:${adminId}`,
      }));
      return { stale: false, written: await this.write(manager, messages) };
    });
  }

  /** The report if its grant is active, it was never submitted and its due date is still the job's. */
  private async openReport(manager: EntityManager, reportId: string, dueDate: string): Promise<OpenReport | null> {
    const [r]: OpenReport[] = await manager.query(
      `SELECT r.id, r.code, r.title, r.title_en, r.due_date::text, g.id AS grant_id, g.title AS grant_title,
              g.registration_number, g.organization_id, o.full_name AS organization_name,
              c.id AS competition_id, c.title AS competition_title, c.timezone
       FROM grant_reports r
       JOIN grants g ON g.id = r.grant_id
       JOIN organizations o ON o.id = g.organization_id
       JOIN competitions c ON c.id = g.competition_id
       WHERE r.id = $1 AND r.status IN ('pending', 'draft') AND g.status = 'active' AND r.due_date = $2::date`,
      [reportId, dueDate],
    );
    return r ?? null;
  }

  private ref(r: OpenReport) {
    return {
      competitionId: r.competition_id,
      competitionTitle: r.competition_title,
      timezone: r.timezone,
      grantId: r.grant_id,
      grantTitle: r.grant_title,
      registrationNumber: r.registration_number,
      organizationName: r.organization_name,
      reportCode: r.code,
      reportTitle: r.title,
      reportTitleEn: r.title_en ?? r.title,
      dueDate: r.due_date,
    };
  }

  private async write(manager: EntityManager, messages: OutboxMessage[]) {
    const written = await this.outbox.write(manager, messages);
    if (written) this.logger.log(`Wrote ${written} report notification(s)`);
    return written;
  }
}
