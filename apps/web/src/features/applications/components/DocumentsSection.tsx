import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page } from '../../../ui/Page';
import { type Competition, localTitle } from '../../competitions/hooks/useCompetitions';
import { AttachedFiles } from '../../documents/components/AttachedFiles';
import { FileUpload } from '../../documents/components/FileUpload';
import { type Application, useChecklist } from '../hooks/useApplication';
import { useDeleteDocument, useDocuments, useUploadDocument } from '../hooks/useDocuments';
import { ChecklistItems } from './ChecklistItems';

/** The documents of a draft: upload with progress (type chosen from the competition's), list, delete. */
export function DocumentsSection({ application, competition }: { application: Application; competition: Competition }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const types = competition.documentTypes;
  const documents = useDocuments(application.id);
  const checklist = useChecklist(application.id);
  const upload = useUploadDocument(application.id);
  const remove = useDeleteDocument(application.id);
  const items = documents.data?.items ?? [];
  const typeTitle = (code: string) => {
    const found = types.find((x) => x.code === code);
    return found ? localTitle(found, i18n.language) : code;
  };

  const documentRule = checklist.data?.items.filter((i) => i.code === 'DOCUMENTS_MISSING') ?? [];

  return (
    <Stack maw={760} w="100%">
      <Anchor component={Link} to={`/applications/${application.id}`} size="sm">
        ← {t('draft.backToTasks', { title: application.title })}
      </Anchor>
      <Page title={t('draft.sections.documents')} lead={t('draft.leads.documents')}>
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

        <FileUpload
          upload={upload}
          types={types.map((x) => ({ value: x.code, label: localTitle(x, i18n.language) }))}
          initialType={types.find((x) => x.required)?.code}
        />

        <section aria-labelledby="attached">
          <Title order={2} size="h4" id="attached" mb="xs">
            {t('attachments.attached')}
          </Title>
          <AttachedFiles
            files={items}
            href={(d) => `/api/v1/documents/${d.id}`}
            typeTitle={typeTitle}
            remove={remove}
          />
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
