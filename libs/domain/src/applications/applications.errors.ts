import { DomainError } from '../shared/domain-error';
import { ApplicationStatus } from './application.entity';

export const notEditable = (status: ApplicationStatus) =>
  new DomainError(
    'NOT_EDITABLE',
    `Заявка в статусе ${status} недоступна для изменения: редактировать можно только черновик`,
    { status },
  );

export const competitionNotOpen = (status: string) =>
  new DomainError('COMPETITION_NOT_OPEN', 'Приём заявок на этот конкурс сейчас не ведётся', {
    competitionStatus: status,
  });

export const notOpenYet = (opensAt: Date) =>
  new DomainError('NOT_OPEN_YET', `Приём заявок ещё не начался (начало: ${opensAt.toISOString()})`, {
    submissionOpensAt: opensAt.toISOString(),
  });

/** `receivedAt`: when the refused request arrived (a submit's arrival stamp), so the applicant sees both. */
export const deadlinePassed = (deadline: Date, receivedAt?: Date) =>
  new DomainError(
    'DEADLINE_PASSED',
    receivedAt
      ? `Срок подачи заявок истёк (${deadline.toISOString()}); запрос получен ${receivedAt.toISOString()}`
      : `Срок подачи заявок истёк (${deadline.toISOString()})`,
    {
      submissionDeadline: deadline.toISOString(),
      ...(receivedAt ? { receivedAt: receivedAt.toISOString() } : {}),
    },
  );
