import { type FormEvent, useRef, useState } from 'react';
import { Alert, Anchor, Button, FileInput, NativeSelect, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { describeError, errorsOf, type FieldError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import { Page } from '../../../ui/Page';
import { type Competition, localTitle } from '../../competitions/hooks/useCompetitions';
import { type Application, useChecklist } from '../hooks/useApplication';
import { useDeleteDocument, useDocuments, useUploadDocument } from '../hooks/useDocuments';
import { ChecklistItems } from './ChecklistItems';

const kb = (size: number) => `${Math.max(1, Math.round(size / 1024)).toLocaleString('ru-RU')} КБ`;

/** The documents of a draft: upload with progress (type chosen from the competition's), list, delete. */
export function DocumentsSection({ application, competition }: { application: Application; competition: Competition }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const types = competition.documentTypes;
  const documents = useDocuments(application.id);
  const checklist = useChecklist(application.id);
  const upload = useUploadDocument(application.id);
  const remove = useDeleteDocument(application.id);
  const [type, setType] = useState(types.find((x) => x.required)?.code ?? types[0]?.code ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const fileRef = useRef<HTMLButtonElement>(null);
  const items = documents.data?.items ?? [];
  const typeTitle = (code: string) => {
    const found = types.find((x) => x.code === code);
    return found ? localTitle(found, i18n.language) : code;
  };

  let errors: FieldError[] = [];
  if (missingFile) errors = [{ field: 'file', message: t('attachments.chooseFile') }];
  else if (upload.error)
    errors = describeError(upload.error, t, { '413': { field: 'file', message: t('attachments.tooLarge') } }).map(
      (e) => ({ ...e, field: e.field ?? 'file' }),
    );
  else if (remove.error) errors = describeError(remove.error, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissingFile(true);
      return;
    }
    setMissingFile(false);
    upload.mutate(
      { type, file },
      {
        onSuccess: () => setFile(null),
      },
    );
  };
  const documentRule = checklist.data?.items.filter((i) => i.code === 'DOCUMENTS_MISSING') ?? [];

  return (
    <Stack maw={760} w="100%">
      <Anchor component={Link} to={`/applications/${application.id}`} size="sm">
        ← {t('draft.backToTasks', { title: application.title })}
      </Anchor>
      <Page title={t('draft.sections.documents')} lead={t('draft.leads.documents')}>
        <ErrorSummary errors={errors} />
        <section aria-labelledby="asked-documents">
          <Title order={2} size="h4" id="asked-documents" mb="xs">
            {t('attachments.asked')}
          </Title>
          <Stack gap={4} component="ul" p={0} m={0}>
            {types.map((x) => (
              <Text component="li" key={x.code} style={{ listStyle: 'none' }}>
                {items.some((d) => d.type === x.code) ? '✓ ' : '○ '}
                {localTitle(x, i18n.language)}{' '}
                <Text span c="dimmed" size="sm">
                  ({x.required ? t('attachments.required') : t('competition.optional')})
                </Text>
              </Text>
            ))}
          </Stack>
        </section>

        <form onSubmit={submit} noValidate>
          <Stack gap="md" p="lg" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
            <NativeSelect
              id={fieldId('type')}
              name="type"
              label={t('attachments.type')}
              value={type}
              onChange={(e) => setType(e.currentTarget.value)}
              data={types.map((x) => ({ value: x.code, label: localTitle(x, i18n.language) }))}
              error={errorsOf(errors, 'type')}
            />
            <FileInput
              ref={fileRef}
              id={fieldId('file')}
              name="file"
              label={t('attachments.file')}
              description={t('attachments.fileHint')}
              value={file}
              onChange={(f) => {
                setFile(f);
                setMissingFile(false);
              }}
              clearable
              error={errorsOf(errors, 'file')}
              accept=".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.rtf,.jpg,.jpeg,.png"
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

        {upload.isSuccess && (
          <Alert color="#1b5e20" variant="light" role="status">
            {t('attachments.uploaded', { name: upload.data.fileName })}
          </Alert>
        )}

        <section aria-labelledby="attached">
          <Title order={2} size="h4" id="attached" mb="xs">
            {t('attachments.attached')}
          </Title>
          {items.length === 0 ? (
            <Text c="dimmed">{t('attachments.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={320}>
              <Table withTableBorder verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('attachments.type')}</Table.Th>
                    <Table.Th scope="col">{t('attachments.file')}</Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">{t('attachments.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>{typeTitle(d.type)}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        <a href={`/api/v1/documents/${d.id}`}>{d.fileName}</a>
                        <Text size="xs" c="dimmed">
                          {kb(d.size)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          variant="subtle"
                          color="red"
                          size="compact-sm"
                          loading={remove.isPending && remove.variables === d.id}
                          onClick={() => remove.mutate(d.id)}
                        >
                          {t('attachments.delete', { name: d.fileName })}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>

        {documentRule.length > 0 && <ChecklistItems applicationId={application.id} items={documentRule} />}

        <div>
          <Button size="md" onClick={() => navigate(`/applications/${application.id}/check`)}>
            {t('attachments.toCheck')}
          </Button>
        </div>
      </Page>
    </Stack>
  );
}
