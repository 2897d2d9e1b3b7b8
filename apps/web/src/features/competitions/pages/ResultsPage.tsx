import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { formatMoney } from '../../../ui/money';
import { Page } from '../../../ui/Page';
import { num, Table } from '../../../ui/Table';
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
        <Table minWidth={640} label={t('results.caption')}>
          <caption>{t('results.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.organization')}</th>
              <th scope="col">{t('results.inn')}</th>
              <th scope="col">{t('results.project')}</th>
              <th scope="col" className={num}>
                {t('results.amount')}
              </th>
              <th scope="col" className={num}>
                {t('results.score')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((item) => (
              <tr key={item.applicationId}>
                <td>{item.organizationName}</td>
                <td>{item.inn}</td>
                <td>
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
                </td>
                <td className={num}>{formatMoney(item.awardedAmount)}</td>
                <td className={num}>{item.score ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Page>
  );
}
