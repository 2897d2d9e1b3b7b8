import { useMemo } from 'react';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AttachedFiles } from '../../documents/components/AttachedFiles';
import { FileUpload } from '../../documents/components/FileUpload';
import {
  type GrantReport,
  reportDocumentHref,
  useDeleteReportDocument,
  useUploadReportDocument,
} from '../hooks/useGrants';

/** The report's files for those who only read them: each a download link. */
export function ReportDocumentList({ report }: { report: GrantReport }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="report-documents">
      <Title order={2} size="h3" id="report-documents" mb="xs">
        {t('grants.report.documents')}
      </Title>
      <AttachedFiles
        files={report.documents}
        href={(d) => reportDocumentHref(report.grantId, report.code, d.id)}
        empty={t('grants.report.noDocuments')}
      />
    </section>
  );
}

/** The NGO's part of the editor for the report's files (acts, contracts, payment orders): upload, list, delete. */
export function ReportDocumentsEditor({ report }: { report: GrantReport }) {
  const { t } = useTranslation();
  const upload = useUploadReportDocument(report.grantId, report.code);
  const remove = useDeleteReportDocument(report.grantId, report.code);
  const overrides = useMemo(
    () => ({
      TOO_MANY_FILES: { field: 'file', message: t('grants.errors.TOO_MANY_FILES') },
      NOT_EDITABLE: { field: 'file', message: t('grants.errors.filesFrozen') },
    }),
    [t],
  );
  return (
    <Card withBorder component="section" padding="md" aria-labelledby="report-documents">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="report-documents" mb={4}>
            {t('grants.report.documents')}
          </Title>
          <Text size="sm">{t('grants.report.documentsLead')}</Text>
        </div>
        <FileUpload upload={upload} overrides={overrides} />
        <section aria-labelledby="report-attached">
          <Title order={3} size="h4" id="report-attached" mb="xs">
            {t('attachments.attached')}
          </Title>
          <AttachedFiles
            files={report.documents}
            href={(d) => reportDocumentHref(report.grantId, report.code, d.id)}
            remove={remove}
            overrides={overrides}
            empty={t('attachments.none')}
          />
        </section>
      </Stack>
    </Card>
  );
}
