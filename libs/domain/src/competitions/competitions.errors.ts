import { DomainError } from '../shared/domain-error';

export const deadlineShortened = (field: string) =>
  new DomainError(
    'DEADLINE_SHORTENED',
    `${field}: срок после публикации конкурса можно только продлить, но не сократить`,
    { field },
  );

export const notEditableAfterPublish = (fields: string[], status: string, allowed: string[]) =>
  new DomainError(
    'NOT_EDITABLE',
    `Конкурс в статусе ${status}: поля ${fields.join(', ')} изменить нельзя (${
      allowed.length ? `в этом статусе — только ${allowed.join(', ')}` : 'в этом статусе конкурс не меняется'
    })`,
    { fields, status },
  );

export const publishAfterDeadline = () =>
  new DomainError(
    'DEADLINE_PASSED',
    'Срок подачи заявок уже прошёл: перенесите submissionDeadline, затем публикуйте конкурс',
  );
