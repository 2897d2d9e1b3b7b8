export * from './shared/domain-error';
export * from './shared/roles';
export * from './shared/money';
export * from './shared/inn';
export * from './shared/pagination';

export * from './identity/user.entity';
export * from './identity/dto/register.dto';
export * from './identity/dto/create-user.dto';
export * from './identity/dto/user.response';
export * from './identity/auth.service';
export * from './identity/users.service';
export * from './identity/identity.module';

export * from './organizations/organization.entity';
export * from './organizations/organization.response';
export * from './organizations/organizations.service';
export * from './organizations/organizations.module';

export * from './audit/audit-entry.entity';
export * from './audit/audit.service';
export * from './audit/audit.module';

export * from './notifications/notification.entity';
export * from './notifications/templates';
export * from './notifications/outbox.service';
export * from './notifications/notifications-outbox.module';

export * from './competitions/competition.entity';
export * from './competitions/default-criteria';
export * from './applications/application.entity';
export * from './applications/application-event.entity';
export * from './applications/application-snapshot.entity';
export * from './consultations/consultation.entity';
export * from './reviews/review.entity';
export * from './reviews/expert-conflict.entity';
export * from './statistics/statistics-snapshot.entity';
export * from './applications/application.state-machine';
export * from './deadlines/deadline-scheduler.service';
export * from './deadlines/submission-closer.service';
export * from './deadlines/deadlines.module';
