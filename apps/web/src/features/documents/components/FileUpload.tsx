import { type FormEvent, useMemo, useState } from 'react';
import { Alert, Button, FileInput, NativeSelect, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { describeError, errorsOf, type FieldError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import type { FileUploadState } from '../hooks/useFileUpload';

/** The formats the API takes (it decides by content; this only narrows the browser's file picker). */
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.rtf,.jpg,.jpeg,.png';

/**
 * An upload's refusal in plain words, on the file control: too large (413), a format the API does not
 * take (415 UNSUPPORTED_FILE_TYPE), and whatever the owner's `overrides` say (TOO_MANY_FILES, NOT_EDITABLE).
 */
export function uploadErrors(error: unknown, t: TFunction, overrides: Record<string, FieldError> = {}): FieldError[] {
  return describeError(error, t, {
    '413': { field: 'file', message: t('attachments.tooLarge') },
    ...overrides,
  }).map((e) => ({ ...e, field: e.field ?? 'file' }));
}

/**
 * One file with its limits stated before it is chosen, the type the API asks for (when `types` are
 * given), progress while it is sent, and a refusal beside the control and in the summary above it.
 */
export function FileUpload({
  upload,
  types,
  initialType,
  overrides,
}: {
  upload: FileUploadState;
  /** The API's document types, when its endpoint takes a `type`. */
  types?: Array<{ value: string; label: string }>;
  initialType?: string;
  /** Plain words for the owner's own refusals, by code or status (keep it the same object between renders). */
  overrides?: Record<string, FieldError>;
}) {
  const { t } = useTranslation();
  const [type, setType] = useState(initialType ?? types?.[0]?.value ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);

  // Kept while nothing changes: the summary takes the focus each time it is given new errors.
  const errors = useMemo<FieldError[]>(() => {
    if (missingFile) return [{ field: 'file', message: t('attachments.chooseFile') }];
    return upload.error ? uploadErrors(upload.error, t, overrides) : [];
  }, [missingFile, upload.error, t, overrides]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissingFile(true);
      return;
    }
    setMissingFile(false);
    upload.mutate({ file, fields: types ? { type } : {} }, { onSuccess: () => setFile(null) });
  };

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} />
        <Stack
          gap="md"
          p={{ base: 'sm', sm: 'lg' }}
          style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
        >
          {types && (
            <NativeSelect
              id={fieldId('type')}
              name="type"
              label={t('attachments.type')}
              value={type}
              onChange={(e) => setType(e.currentTarget.value)}
              data={types}
              error={errorsOf(errors, 'type')}
            />
          )}
          <FileInput
            id={fieldId('file')}
            name="file"
            label={t('attachments.file')}
            description={t('attachments.fileHint')}
            placeholder={t('attachments.choose')}
            // Mantine's placeholder grey is too faint on white (WCAG contrast).
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            value={file}
            onChange={(f) => {
              setFile(f);
              setMissingFile(false);
              upload.reset();
            }}
            clearable
            error={errorsOf(errors, 'file')}
            accept={ACCEPT}
          />
          {upload.progress !== null && (
            <Stack gap={2}>
              <Text size="sm" id="upload-progress-label">
                {t('attachments.uploading', { percent: Math.round(upload.progress * 100) })}
              </Text>
              <Progress value={upload.progress * 100} aria-labelledby="upload-progress-label" />
            </Stack>
          )}
          <div>
            <Button type="submit" size="md" loading={upload.isPending}>
              {t('attachments.upload')}
            </Button>
          </div>
        </Stack>
      </form>
      {upload.isSuccess && upload.data && (
        <Alert color="#1b5e20" variant="light" role="status">
          {t('attachments.uploaded', { name: upload.data.fileName })}
        </Alert>
      )}
    </Stack>
  );
}
