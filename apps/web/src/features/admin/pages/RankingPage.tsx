import { useEffect, useMemo, useState } from 'react';
import { Alert, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { describeError } from '../../../ui/errors';
import { fieldId } from '../../../ui/fields';
import { MoneyInput } from '../../../ui/MoneyInput';
import { formatMoney, formatMoneyPlain, parseMoney } from '../../../ui/money';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { Tag } from '../../../ui/Tag';
import { ScrollTable } from '../components/ScrollTable';
import { CompetitionNav } from '../components/AdminNav';
import { ConfirmButton } from '../components/ConfirmButton';
import { useAdminCompetition, useProposal, useRanking } from '../hooks/useAdmin';

/** Kopecks of a money string, exact (for the running total shown beside the budget). */
const kop = (money: string | null) => {
  if (!money) return 0n;
  const [w, f = ''] = money.split('.');
  return BigInt(w) * 100n + BigInt((f + '00').slice(0, 2));
};
const money = (k: bigint) => `${k / 100n}.${String(k % 100n).padStart(2, '0')}`;

export default function RankingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const competition = useAdminCompetition(id);
  const ranking = useRanking(id);
  const proposal = useProposal(id);
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  useEffect(() => {
    if (proposal.data)
      setAmounts(Object.fromEntries(proposal.data.items.map((i) => [i.applicationId, formatMoneyPlain(i.amount)])));
  }, [proposal.data]);
  const announce = useMutation({
    mutationFn: (awards: Array<{ applicationId: string; amount: string }>) =>
      unwrap(api.POST('/api/v1/competitions/{id}/results', { params: { path: { id } }, body: { awards } })),
    onSuccess: () => {
      for (const key of [keys.competition(id), keys.ranking(id), keys.proposal(id), keys.summary(id), keys.results(id)])
        void client.invalidateQueries({ queryKey: key });
    },
  });
  const items = ranking.data?.items ?? [];
  const awards = useMemo(
    () =>
      Object.entries(amounts)
        .map(([applicationId, typed]) => ({ applicationId, amount: parseMoney(typed) ?? '' }))
        .filter((a) => a.amount && kop(a.amount) > 0n),
    [amounts],
  );
  if (competition.isPending || ranking.isPending) return <PageLoader />;
  const failed = competition.error ?? ranking.error;
  if (failed) {
    if (failed instanceof ApiError && [400, 404].includes(failed.status)) return <NotFoundPage />;
    throw failed;
  }
  const c = competition.data!;
  const budget = kop(c.totalBudget);
  const total = awards.reduce((s, a) => s + kop(a.amount), 0n);
  const announced = ['results_announced', 'archived'].includes(c.status);
  let running = 0n;
  let cutShown = false;
  const errors = announce.error ? describeError(announce.error, t) : [];
  const refused = items.filter((i) => !awards.some((a) => a.applicationId === i.applicationId)).length;

  return (
    <Page title={t('admin.ranking.title', { title: c.title })}>
      <CompetitionNav id={c.id} />
      <ErrorSummary errors={errors} />
      {announce.data && (
        <Alert color="green" variant="light" role="status">
          {t('admin.ranking.announced', {
            awarded: announce.data.awarded,
            refused: announce.data.notAwarded,
            total: formatMoney(announce.data.totalAwarded),
          })}
        </Alert>
      )}
      <Text>
        {t('admin.ranking.budgetLine', {
          total: formatMoney(money(total)),
          budget: formatMoney(c.totalBudget),
        })}
      </Text>
      {total > budget && (
        <Alert color="red" variant="light">
          {t('admin.ranking.overBudget')}
        </Alert>
      )}
      <ScrollTable minWidth={760}>
        <Table withTableBorder verticalSpacing="xs">
          <Table.Caption>{t('admin.ranking.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.ranking.rank')}</Table.Th>
              <Table.Th scope="col">{t('admin.ranking.application')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('admin.ranking.score')}
              </Table.Th>
              <Table.Th scope="col">{t('admin.ranking.reviews')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('admin.ranking.requested')}
              </Table.Th>
              <Table.Th scope="col">{t('admin.ranking.award')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('admin.ranking.running')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const typed = amounts[item.applicationId] ?? '';
              running += kop(item.requestedAmount);
              const over = running > budget;
              const cut = over && !cutShown;
              if (cut) cutShown = true;
              return (
                <Table.Tr
                  key={item.applicationId}
                  style={cut ? { borderTop: '3px solid var(--mantine-color-red-7)' } : undefined}
                  data-cutoff={cut || undefined}
                >
                  <Table.Td>{item.rank}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text fw={500}>{item.title}</Text>
                      <Text size="sm">
                        {item.registrationNumber} · {item.organizationName}
                      </Text>
                      {cut && (
                        <Text size="sm" c="red.9" fw={600}>
                          {t('admin.ranking.cutoff')}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td ta="right">{item.score ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <span>{item.reviewsSubmitted}</span>
                      {item.needsExtraReview && <Tag color="yellow">{t('admin.ranking.divergent')}</Tag>}
                      {item.status === 'awarded' && <Tag color="green">{t('applicationStatus.awarded')}</Tag>}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {item.requestedAmount ? formatMoney(item.requestedAmount) : '—'}
                  </Table.Td>
                  <Table.Td miw={170}>
                    <MoneyInput
                      name={`awards.${item.applicationId}.amount`}
                      id={fieldId(`awards-${item.rank}`)}
                      label={t('admin.ranking.awardFor', { n: item.rank })}
                      labelProps={{ className: 'visually-hidden' }}
                      value={typed}
                      readOnly={announced}
                      onChange={(v) => setAmounts((a) => ({ ...a, [item.applicationId]: v }))}
                    />
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} c={over ? 'red.9' : undefined}>
                    {formatMoney(money(running))}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {c.status === 'review' && (
        <Group>
          <ConfirmButton
            label={t('admin.ranking.announce')}
            title={t('admin.ranking.announceTitle')}
            message={t('admin.ranking.announceMessage', {
              awarded: awards.length,
              refused,
              total: formatMoney(money(total)),
            })}
            confirmLabel={t('admin.ranking.announceConfirm')}
            onConfirm={() => announce.mutate(awards)}
            loading={announce.isPending}
          />
        </Group>
      )}
    </Page>
  );
}
