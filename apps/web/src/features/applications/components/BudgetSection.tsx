import { Button, Fieldset, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorsOf } from '../../../ui/errors';
import { fieldId } from '../../../ui/fields';
import { MoneyInput } from '../../../ui/MoneyInput';
import { formatMoney, formatMoneyPlain, parseMoney } from '../../../ui/money';
import type { Competition } from '../../competitions/hooks/useCompetitions';
import { type Application, type Remark, useChecklist } from '../hooks/useApplication';
import { useAutosave } from '../hooks/useAutosave';
import { ChecklistItems } from './ChecklistItems';
import { sharePercent, subtractMoney, sumMoney } from './money';
import { RemarkNote } from './RemarkNote';
import { saveErrors } from './saveErrors';
import { SectionShell } from './SectionShell';
import { remarksOn } from './sections';

interface Line {
  item: string;
  amount: string;
}

interface BudgetForm {
  requestedAmount: string;
  coFinancingAmount: string;
  budgetLines: Line[];
}

const shown = (value: string | null | undefined) => (value ? formatMoneyPlain(value) : '');

const initial = (a: Application): BudgetForm => ({
  requestedAmount: shown(a.requestedAmount),
  coFinancingAmount: shown(a.coFinancingAmount),
  budgetLines: a.budgetLines.length
    ? a.budgetLines.map((l) => ({ item: l.item, amount: shown(l.amount) }))
    : [{ item: '', amount: '' }],
});

function toPatch(f: BudgetForm) {
  const requested = parseMoney(f.requestedAmount);
  const coFinancing = parseMoney(f.coFinancingAmount);
  const lines = f.budgetLines.map((l) => ({ item: l.item, amount: parseMoney(l.amount) }));
  const linesValid = lines.every((l) => l.amount !== null);
  return {
    // Text that is not an amount stays in the form, marked; the rest is saved.
    ...(requested !== null ? { requestedAmount: requested || null } : {}),
    ...(coFinancing !== null ? { coFinancingAmount: coFinancing || null } : {}),
    ...(linesValid
      ? {
          budgetLines: lines
            .filter((l) => l.item.trim() && l.amount)
            .map((l) => ({ item: l.item, amount: l.amount as string })),
        }
      : {}),
  };
}

export function BudgetSection({
  application,
  competition,
  remarks,
}: {
  application: Application;
  competition: Competition;
  remarks: Remark[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { form, setForm, state, flush } = useAutosave({ application, section: 'budget', initial, toPatch });
  const checklist = useChecklist(application.id);
  const errors = saveErrors(state, t);
  const requested = parseMoney(form.requestedAmount) || '0.00';
  const coFinancing = parseMoney(form.coFinancingAmount) || '0.00';
  const linesTotal = sumMoney(form.budgetLines.map((l) => parseMoney(l.amount) || '0.00'));
  const projectTotal = sumMoney([requested, coFinancing]);
  const share = sharePercent(coFinancing, projectTotal);
  const difference = subtractMoney(requested, linesTotal);
  const setLine = (i: number, key: keyof Line, value: string) =>
    setForm((f) => ({ ...f, budgetLines: f.budgetLines.map((l, j) => (j === i ? { ...l, [key]: value } : l)) }));
  const budgetRules = (checklist.data?.items ?? []).filter((i) =>
    ['AMOUNT_EXCEEDS_MAX', 'COFINANCING_TOO_LOW', 'BUDGET_MISMATCH'].includes(i.code),
  );

  return (
    <SectionShell
      application={application}
      title={t('draft.sections.budget')}
      lead={t('draft.leads.budget', { max: formatMoney(competition.maxGrantAmount) })}
      state={state}
      errors={errors}
      onContinue={async () => {
        await flush();
        navigate(`/applications/${application.id}/edit/documents`);
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MoneyInput
          name="requestedAmount"
          label={t('fields.requestedAmount')}
          description={
            <>
              {t('draft.hints.requested', { max: formatMoney(competition.maxGrantAmount) })}
              <RemarkNote remarks={remarksOn('requestedAmount', remarks)} />
            </>
          }
          value={form.requestedAmount}
          onChange={(value) => setForm((f) => ({ ...f, requestedAmount: value }))}
          error={errorsOf(errors, 'requestedAmount')}
        />
        <MoneyInput
          name="coFinancingAmount"
          label={t('fields.coFinancingAmount')}
          description={
            <>
              {Number(competition.minCoFinancingPercent) > 0
                ? t('draft.hints.coFinancing', { percent: competition.minCoFinancingPercent })
                : t('draft.hints.coFinancingNone')}
              <RemarkNote remarks={remarksOn('coFinancingAmount', remarks)} />
            </>
          }
          value={form.coFinancingAmount}
          onChange={(value) => setForm((f) => ({ ...f, coFinancingAmount: value }))}
          error={errorsOf(errors, 'coFinancingAmount')}
        />
      </SimpleGrid>

      <Fieldset legend={t('fields.budgetLines')} id={fieldId('budgetLines')} tabIndex={-1}>
        <RemarkNote remarks={remarksOn('budgetLines', remarks, true)} />
        <Stack gap="md">
          {form.budgetLines.map((line, i) => (
            <Stack key={i} gap={4}>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <TextInput
                  style={{ flex: '2 1 220px' }}
                  id={fieldId(`budgetLines.${i}.item`)}
                  name={`budgetLines.${i}.item`}
                  label={t('draft.lineItem', { n: i + 1 })}
                  autoComplete="off"
                  value={line.item}
                  description={<RemarkNote remarks={remarksOn(`budgetLines.${i}.item`, remarks)} />}
                  onChange={(e) => setLine(i, 'item', e.currentTarget.value)}
                  error={errorsOf(errors, `budgetLines.${i}.item`)}
                />
                <MoneyInput
                  style={{ flex: '1 1 160px' }}
                  name={`budgetLines.${i}.amount`}
                  label={t('draft.lineAmount', { n: i + 1 })}
                  value={line.amount}
                  description={<RemarkNote remarks={remarksOn(`budgetLines.${i}.amount`, remarks)} />}
                  onChange={(value) => setLine(i, 'amount', value)}
                  error={errorsOf(errors, `budgetLines.${i}.amount`)}
                />
              </Group>
              <div>
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  onClick={() => setForm((f) => ({ ...f, budgetLines: f.budgetLines.filter((_, j) => j !== i) }))}
                >
                  {t('draft.removeLine', { n: i + 1 })}
                </Button>
              </div>
            </Stack>
          ))}
          <div>
            <Button
              variant="light"
              onClick={() => setForm((f) => ({ ...f, budgetLines: [...f.budgetLines, { item: '', amount: '' }] }))}
            >
              {t('draft.addLine')}
            </Button>
          </div>
        </Stack>
      </Fieldset>

      <section aria-labelledby="budget-totals">
        <Text fw={700} id="budget-totals" mb="xs">
          {t('draft.totals.title')}
        </Text>
        <Table withTableBorder verticalSpacing="xs" aria-live="polite" data-testid="budget-totals">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">{t('draft.totals.lines')}</Table.Th>
              <Table.Td ta="right">{formatMoney(linesTotal)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('draft.totals.difference')}</Table.Th>
              <Table.Td ta="right">{formatMoney(difference)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('draft.totals.project')}</Table.Th>
              <Table.Td ta="right">{formatMoney(projectTotal)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('draft.totals.share')}</Table.Th>
              <Table.Td ta="right">
                {share === null ? '—' : `${String(share).replace('.', ',')} %`}
                {Number(competition.minCoFinancingPercent) > 0 &&
                  ` (${t('draft.totals.minShare', { percent: competition.minCoFinancingPercent })})`}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('draft.totals.max')}</Table.Th>
              <Table.Td ta="right">{formatMoney(competition.maxGrantAmount)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </section>

      {budgetRules.length > 0 && (
        <section aria-labelledby="budget-rules">
          <Text fw={700} id="budget-rules" mb="xs">
            {t('draft.serverCheck')}
          </Text>
          <ChecklistItems
            applicationId={application.id}
            items={budgetRules}
            stale={state.kind !== 'saved' && state.kind !== 'idle'}
          />
        </section>
      )}
    </SectionShell>
  );
}
