import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@grants/config';
import { DatabaseClock, DatabaseModule } from '@grants/database';
import { AuditModule, DeadlinesModule, IdentityModule, OrganizationsModule } from '@grants/domain';
import { StatisticsModule } from '@grants/domain';
import { AwardsModule, GrantDocumentsModule, GrantsModule, ReviewsModule } from '@grants/domain';
import { ApplicationsModule, CompetitionsModule, ConsultationsModule, DocumentsModule } from '@grants/domain';
import { StorageModule } from '@grants/storage';
import { QueueModule, RedisModule } from '@grants/queue';
import { NotificationsModule } from '@grants/domain';
import { NotificationsController } from './notifications/notifications.controller';
import { ApplicationsController } from './applications/applications.controller';
import { DocumentsController } from './documents/documents.controller';
import { AuditController } from './audit/audit.controller';
import { CompetitionsController } from './competitions/competitions.controller';
import { ConsultationsController } from './consultations/consultations.controller';
import { AuthGuard } from './common/auth.guard';
import { ShedArrivals } from './common/arrival';
import { AwardsController } from './awards/awards.controller';
import { GrantsController } from './grants/grants.controller';
import { GrantReportDocumentsController } from './grants/grant-report-documents.controller';
import { ReviewAssignmentsController } from './reviews/review-assignments.controller';
import { ReviewsController } from './reviews/reviews.controller';
import { DomainErrorFilter } from './common/domain-error.filter';
import { loggerOptions } from './common/logger';
import { CompetitionCalendarController } from './deadlines/competition-calendar.controller';
import { HealthController } from './health/health.controller';
import { PublicReportsController, StatisticsController } from './statistics/statistics.controller';
import { CompetitionOverviewController } from './competitions/competition-overview.controller';
import { AuthController } from './identity/auth.controller';
import { UsersController } from './identity/users.controller';
import { FirstAdminSeeder } from './identity/first-admin.seeder';

@Module({})
export class AppModule {
  static register(config?: AppConfig) {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerOptions }),
        DatabaseModule,
        RedisModule,
        QueueModule.forRoot(),
        TerminusModule,
        IdentityModule,
        OrganizationsModule,
        AuditModule,
        CompetitionsModule,
        StorageModule,
        ApplicationsModule,
        DocumentsModule,
        ConsultationsModule,
        ReviewsModule,
        AwardsModule,
        GrantsModule,
        GrantDocumentsModule,
        StatisticsModule,
        DeadlinesModule,
        NotificationsModule,
      ],
      controllers: [
        NotificationsController,
        CompetitionsController,
        ApplicationsController,
        DocumentsController,
        ConsultationsController,
        ReviewsController,
        ReviewAssignmentsController,
        AwardsController,
        GrantsController,
        GrantReportDocumentsController,
        AuthController,
        UsersController,
        AuditController,
        HealthController,
        StatisticsController,
        PublicReportsController,
        CompetitionOverviewController,
        CompetitionCalendarController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        FirstAdminSeeder,
        DatabaseClock,
        ShedArrivals,
      ],
    };
  }
}
