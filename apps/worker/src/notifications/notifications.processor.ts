import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '@grants/config';
import { NotificationDelivery } from '@grants/domain';
import { isPermanentSmtpError, MailTransport, PermanentMailError, TemplateRenderer } from '@grants/mail';
import { JobData, JobName, QueueName } from '@grants/queue';
import { DrainingWorkerHost } from '../draining-worker-host';

/** The key under which @nestjs/bullmq keeps @Processor worker options (read when it builds the Worker). */
const WORKER_OPTIONS_METADATA = 'bullmq:worker_metadata';

/**
 * The notifications queue: renders an outbox row in its recipient's locale and sends it over SMTP. The row,
 * not the job, is the truth: sent and voided rows are skipped, so a job that runs twice sends once.
 */
@Processor(QueueName.Notifications)
export class NotificationsProcessor extends DrainingWorkerHost {
  /** The jobs this processor handles; checked against every JobName at worker start. */
  static readonly queue = QueueName.Notifications;
  static readonly jobs: readonly JobName[] = [JobName.SendNotification];

  private readonly logger = new Logger(NotificationsProcessor.name);
  private readonly messageIdDomain: string;

  constructor(
    config: AppConfig,
    private readonly delivery: NotificationDelivery,
    private readonly renderer: TemplateRenderer,
    private readonly transport: MailTransport,
  ) {
    super();
    // Concurrency and lock timing come from the config, but @Processor options are static: they are set on
    // the class here, after construction and before @nestjs/bullmq creates the Worker in onModuleInit.
    const lock = config.values.NOTIFICATION_LOCK_MS;
    Reflect.defineMetadata(
      WORKER_OPTIONS_METADATA,
      {
        concurrency: config.values.NOTIFICATION_CONCURRENCY,
        lockDuration: lock,
        stalledInterval: lock,
        maxStalledCount: 2,
      },
      NotificationsProcessor,
    );
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(config.values.MAIL_FROM)?.[1] ?? 'grants.local';
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== JobName.SendNotification) {
      throw new UnrecoverableError(`No handler for job ${job.name} on the ${QueueName.Notifications} queue`);
    }
    const { notificationId } = job.data as JobData<JobName.SendNotification>;
    try {
      const outcome = await this.delivery.deliver(notificationId, async (row) => {
        const mail = this.renderer.render(row.template, row.locale, row.payload);
        const messageId = await this.transport.send({
          ...mail,
          to: row.email,
          // Derived from the row: a duplicate after a crash carries the same Message-ID and can be recognised.
          messageId: `<${row.id}@${this.messageIdDomain}>`,
        });
        return { messageId, subject: mail.subject };
      });
      if (outcome !== 'sent') this.logger.log(`Notification ${notificationId} ${outcome}`);
      return outcome;
    } catch (error) {
      const permanent = error instanceof PermanentMailError || isPermanentSmtpError(error);
      const final = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const message = error instanceof Error ? error.message : String(error);
      await this.delivery.recordFailure(notificationId, message, final);
      this.logger.warn(
        `Notification ${notificationId} attempt ${job.attemptsMade + 1} failed${final ? ' (final)' : ''}: ${message}`,
      );
      throw permanent ? new UnrecoverableError(message) : error;
    }
  }

  /** Redis outages surface here; BullMQ reconnects by itself, so they are logged, not thrown. */
}
