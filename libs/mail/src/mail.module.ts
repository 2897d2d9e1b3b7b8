import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@grants/config';
import { TEMPLATES } from '@grants/domain';
import { MailTransport } from './mail-transport';
import { TemplateRenderer } from './template-renderer';

@Injectable()
class MailTransportCloser implements OnApplicationShutdown {
  constructor(private readonly transport: MailTransport) {}
  onApplicationShutdown() {
    this.transport.close();
  }
}

/** Template rendering and the SMTP transport; used by the worker only. */
@Global()
@Module({
  providers: [
    {
      provide: TemplateRenderer,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new TemplateRenderer({
          appUrl: config.values.APP_URL,
          defaultTimezone: config.values.STATS_TZ,
          templates: TEMPLATES,
          tokenSecret: config.values.JWT_SECRET,
        }),
    },
    {
      provide: MailTransport,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new MailTransport(config.values.SMTP_URL, config.values.MAIL_FROM, {
          maxConnections: Math.min(config.values.NOTIFICATION_CONCURRENCY, 10),
        }),
    },
    MailTransportCloser,
  ],
  exports: [TemplateRenderer, MailTransport],
})
export class MailModule {}
