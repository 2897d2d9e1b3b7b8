import { Anchor, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { formatMoney } from '../../../ui/money';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { useMe } from '../../identity/hooks/useMe';
import { AgreementForm, TerminateForm } from '../components/GrantActions';
import { GrantStatusTag, ReportStatusTag } from '../components/StatusTags';
import { formatDay } from '../../../ui/time';
import { reportTitle, useGrant } from '../hooks/useGrants';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

/** /grants/:id: the grant after the award, its agreement and its reports; the admin's actions on it. */
export default function GrantPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const grant = useGrant(id);
  if (grant.isPending) return <PageLoader />;
  if (grant.error) {
    if (grant.error instanceof ApiError && [400, 404].includes(grant.error.status)) return <NotFoundPage />;
    throw grant.error;
  }
  const g = grant.data;
  const lang = i18n.language;
  const isAdmin = me.data?.role === 'admin';
  return (
    <Page title={g.title} lead={t('grants.lead', { number: g.registrationNumber, organization: g.organizationName })}>
      <div>
        <GrantStatusTag status={g.status} />
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" spacing="md" m={0}>
        <Fact label={t('grants.competition')}>{g.competitionTitle}</Fact>
        <Fact label={t('grants.amount')}>{formatMoney(g.amount)}</Fact>
        <Fact label={t('grants.coFinancing')}>{formatMoney(g.coFinancingAmount)}</Fact>
        <Fact label={t('grants.period')}>
          {g.projectStart ? `${formatDay(g.projectStart, lang)} — ${formatDay(g.projectEnd, lang)}` : '—'}
        </Fact>
        <Fact label={t('grants.agreement.label')}>
          {g.agreementNumber
            ? t('grants.agreement.value', { number: g.agreementNumber, date: formatDay(g.agreementDate, lang) })
            : t('grants.agreement.none')}
        </Fact>
        {g.terminationReason && <Fact label={t('grants.terminate.reason')}>{g.terminationReason}</Fact>}
      </SimpleGrid>

      <section aria-labelledby="grant-reports">
        <Title order={2} size="h3" id="grant-reports" mb="xs">
          {t('grants.reports')}
        </Title>
        {g.reports.length === 0 ? (
          <Text>{t('grants.noReports')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table withTableBorder verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('grants.report.title')}</Table.Th>
                  <Table.Th scope="col">{t('grants.report.due')}</Table.Th>
                  <Table.Th scope="col">{t('grants.report.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {g.reports.map((r) => (
                  <Table.Tr key={r.code}>
                    <Table.Td>
                      <Anchor component={Link} to={`/grants/${g.id}/reports/${r.code}`}>
                        {reportTitle(r, lang)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(r.dueDate, lang)}</Table.Td>
                    <Table.Td>
                      <ReportStatusTag status={r.status} overdue={r.overdue} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>

      {isAdmin && g.status === 'awaiting_agreement' && <AgreementForm grant={g} />}
      {isAdmin && (g.status === 'awaiting_agreement' || g.status === 'active') && <TerminateForm grant={g} />}

      <div>
        <Anchor component={Link} to={`/projects/${g.id}`}>
          {t('grants.publicCard')}
        </Anchor>
      </div>
    </Page>
  );
}
