import { DomainError } from '../shared/domain-error';
import { ALLOWED_CONTENT } from './file-content';

/** At most this many files on one application (API.md). */
export const MAX_FILES_PER_APPLICATION = 30;

const FORMATS = Object.keys(ALLOWED_CONTENT)
  .map((f) => f.toUpperCase())
  .join(', ');

export const unsupportedFileType = () =>
  new DomainError(
    'UNSUPPORTED_FILE_TYPE',
    `file: допустимы только файлы форматов ${FORMATS} (проверяется содержимое файла)`,
    {
      allowed: Object.keys(ALLOWED_CONTENT),
    },
  );

export const fileTooLarge = (maxBytes: number) =>
  new DomainError('PAYLOAD_TOO_LARGE', `file: размер файла превышает ${Math.round(maxBytes / 1024 / 1024)} МБ`, {
    maxBytes,
  });

export const tooManyFiles = (max: number) =>
  new DomainError('TOO_MANY_FILES', `К заявке можно приложить не более ${max} файлов`, { max });

export const documentsMissing = (missing: { code: string; title: string }[]) =>
  new DomainError(
    'DOCUMENTS_MISSING',
    `Не приложены обязательные документы: ${missing.map((t) => `${t.title} (${t.code})`).join(', ')}`,
    { missing: missing.map((t) => t.code) },
  );
