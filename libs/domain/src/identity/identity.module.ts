import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@grants/config';
import { AuditModule } from '../audit/audit.module';
import { NotificationsOutboxModule } from '../notifications/notifications-outbox.module';
import { Organization } from '../organizations/organization.entity';
import { AuthService } from './auth.service';
import { SessionsService } from './sessions.service';
import { AccountsService } from './accounts.service';
import { MembersService } from './members.service';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, Organization]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key object, made once: given a string, jsonwebtoken first tries (and fails) to parse it as a
        // public key on every verify and sign, which cost about a tenth of the CPU of an authenticated read.
        secret: createSecretKey(Buffer.from(config.values.JWT_SECRET)),
        signOptions: { expiresIn: config.values.JWT_EXPIRES_IN as `${number}h` },
      }),
    }),
    NotificationsOutboxModule,
    AuditModule,
  ],
  providers: [AuthService, UsersService, SessionsService, AccountsService, MembersService],
  exports: [AuthService, UsersService, SessionsService, AccountsService, MembersService],
})
export class IdentityModule {}
