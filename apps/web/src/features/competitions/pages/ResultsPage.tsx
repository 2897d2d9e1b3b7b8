import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { formatMoney } from '../../../ui/money';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { formatDate } from '../../../ui/time';
import { useCompetition, useResults } from '../hooks/useCompetitions';

export default function ResultsPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const competition = useCompetition(id);
  const results = useResults(id);
  if (competition.isPending || results.isPending) return <PageLoader />;
  const failed = competition.error ?? results.error;
  if (failed) {
    if (failed instanceof ApiError && (failed.status === 404 || failed.status === 400)) return <NotFoundPage />;
    throw failed;
  }
  const c = competition.data!;
  const r = results.data!;
  return (
    <Page
      title={t('results.title', { title: c.title })}
      lead={t('results.lead', {
        date: formatDate(r.announcedAt, c.timezone, i18n.language),
        total: formatMoney(r.totalAwarded),
        count: r.items.length,
      })}
    >
      <Anchor component={Link} to={`/competitions/${c.id}`}>
        {t('results.back')}
      </Anchor>
      {r.items.length === 0 ? (
        <Text>{t('results.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder verticalSpacing="sm">
            <Table.Caption>{t('results.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('results.organization')}</Table.Th>
                <Table.Th scope="col">{t('results.inn')}</Table.Th>
                <Table.Th scope="col">{t('results.project')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.amount')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('results.score')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.items.map((item) => (
                <Table.Tr key={item.applicationId}>
                  <Table.Td>{item.organizationName}</Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{item.inn}</Table.Td>
                  <Table.Td>
                    {item.grantId ? (
                      <Anchor
                        component={Link}
                        to={`/projects/${item.grantId}`}
                        aria-label={t('results.projectCard', { title: item.title })}
                      >
                        {item.title}
                      </Anchor>
                    ) : (
                      item.title
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(item.awardedAmount)}
                  </Table.Td>
                  <Table.Td ta="right">{item.score ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  );
}
