import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@grants/config';
import { DatabaseModule } from '@grants/database';
import { AuditModule, IdentityModule, OrganizationsModule } from '@grants/domain';
import { QueueModule, RedisModule } from '@grants/queue';
import { AuditController } from './audit/audit.controller';
import { AuthGuard } from './common/auth.guard';
import { DomainErrorFilter } from './common/domain-error.filter';
import { loggerOptions } from './common/logger';
import { HealthController } from './health/health.controller';
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
      ],
      controllers: [AuthController, UsersController, AuditController, HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        FirstAdminSeeder,
      ],
    };
  }
}
