import { Alert, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { describeError, type FieldError } from '../../../ui/errors';
import type { FileRemoveState } from '../hooks/useFileUpload';

export interface AttachedFile {
  id: string;
  fileName: string;
  size: number;
  type?: string;
}

/** "48 КБ" / "48 KB", in the language shown. */
export function fileSize(size: number, t: TFunction, language: string) {
  const kb = Math.max(1, Math.round(size / 1024));
  return t('attachments.sizeKb', { size: kb.toLocaleString(language === 'en' ? 'en-GB' : 'ru-RU') });
}

/**
 * The attached files, each a download link with its size; with `remove` each has a delete button
 * (and a refused deletion is said above the list), without it the list is read-only.
 */
export function AttachedFiles({
  files,
  href,
  typeTitle,
  remove,
  overrides,
  empty,
}: {
  files: AttachedFile[];
  /** The download address of a file. */
  href: (file: AttachedFile) => string;
  /** Shows a type column (application documents). */
  typeTitle?: (code: string) => string;
  remove?: FileRemoveState;
  overrides?: Record<string, FieldError>;
  /** What an empty list says. */
  empty?: string;
}) {
  const { t, i18n } = useTranslation();
  if (files.length === 0) return <Text c="dimmed">{empty ?? t('attachments.none')}</Text>;
  const removeErrors = remove?.error ? describeError(remove.error, t, overrides) : [];
  return (
    <>
      {removeErrors.length > 0 && (
        <Alert color="red" variant="light" role="alert" mb="sm">
          {removeErrors.map((e) => e.message).join(' ')}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={260}>
        <Table withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              {typeTitle && <Table.Th scope="col">{t('attachments.type')}</Table.Th>}
              <Table.Th scope="col">{t('attachments.file')}</Table.Th>
              {remove && (
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('attachments.actions')}</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {files.map((d) => (
              <Table.Tr key={d.id}>
                {typeTitle && <Table.Td>{d.type ? typeTitle(d.type) : ''}</Table.Td>}
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <a href={href(d)}>{d.fileName}</a>
                  <Text size="xs" c="dimmed">
                    {fileSize(d.size, t, i18n.language)}
                  </Text>
                </Table.Td>
                {remove && (
                  <Table.Td ta="right">
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-sm"
                      loading={remove.isPending && remove.variables === d.id}
                      onClick={() => remove.mutate(d.id)}
                    >
                      {/* Seen: "Удалить"; heard: which file (the name is in the row already). */}
                      <span aria-hidden="true">{t('attachments.deleteShort')}</span>
                      <span className="visually-hidden">{t('attachments.delete', { name: d.fileName })}</span>
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
