import { DomainError } from '../shared/domain-error';

export const deadlineShortened = (field: string) =>
  new DomainError(
    'DEADLINE_SHORTENED',
    `${field}: срок после публикации конкурса можно только продлить, но не сократить`,
    { field },
  );

export const notEditableAfterPublish = (fields: string[], status: string) =>
  new DomainError(
    'NOT_EDITABLE',
    `Конкурс в статусе ${status}: поля ${fields.join(', ')} изменить нельзя (после публикации — только description, submissionDeadline и reviewDeadline)`,
    { fields, status },
  );

export const publishAfterDeadline = () =>
  new DomainError(
    'DEADLINE_PASSED',
    'Срок подачи заявок уже прошёл: перенесите submissionDeadline, затем публикуйте конкурс',
  );
