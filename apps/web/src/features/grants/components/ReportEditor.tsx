import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client';
import { describeError, errorsOf, type FieldError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import { formatMoney, formatMoneyPlain, parseMoney } from '../../../ui/money';
import { MoneyInput } from '../../../ui/MoneyInput';
import { type GrantReport, type SaveReport, useSaveReport, useSubmitReport } from '../hooks/useGrants';
import { ReportDocumentsEditor } from './ReportDocuments';

/** What the person typed: the narrative, an achieved value per result, the spending per line as typed. */
interface Draft {
  narrative: string;
  achieved: string[];
  spent: string[];
}

const AUTOSAVE_MS = 1200;
const REPORT_FORM = 'report-form';

/** "14:32" in the person's own time. */
const clock = (at: string) =>
  new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));

const draftOf = (r: GrantReport): Draft => ({
  narrative: r.narrative ?? '',
  achieved: r.results.map((x) => x.achieved ?? ''),
  spent: r.expenditures.map((e) => (e.spent === null ? '' : formatMoneyPlain(e.spent))),
});

/** The body of PUT …/reports/:code, or null while a typed amount is not a number (it is not saved then). */
function bodyOf(r: GrantReport, d: Draft): SaveReport | null {
  const spent = d.spent.map(parseMoney);
  if (spent.some((s) => s === null)) return null;
  return {
    narrative: d.narrative,
    results: r.results.map((x, i) => ({
      indicator: x.indicator,
      target: x.target,
      achieved: d.achieved[i].trim() || null,
    })),
    expenditures: r.expenditures.map((e, i) => ({ item: e.item, planned: e.planned, spent: spent[i] || null })),
  };
}

/** The submit rules explained beside their fields: INCOMPLETE names each missing part, BUDGET_MISMATCH the totals. */
function reportErrors(error: unknown, report: GrantReport, t: TFunction): FieldError[] {
  const details =
    error instanceof ApiError ? (error.body as { details?: Record<string, unknown> })?.details : undefined;
  if (error instanceof ApiError && error.body?.code === 'INCOMPLETE' && Array.isArray(details?.missing)) {
    return (details.missing as string[]).map((field) => {
      const [part, index] = field.split('.');
      if (part === 'results')
        return { field, message: t('grants.missing.achieved', { name: report.results[Number(index)]?.indicator }) };
      if (part === 'expenditures')
        return { field, message: t('grants.missing.spent', { name: report.expenditures[Number(index)]?.item }) };
      return { field: 'narrative', message: t('grants.missing.narrative') };
    });
  }
  if (error instanceof ApiError && error.body?.code === 'BUDGET_MISMATCH') {
    return [
      {
        field: report.expenditures.length ? 'expenditures.0.spent' : undefined,
        message: t('grants.errors.BUDGET_MISMATCH', {
          spent: formatMoney(String(details?.spentTotal ?? report.spentTotal)),
          limit: formatMoney(String(details?.limit ?? report.spendingLimit)),
        }),
      },
    ];
  }
  if (error instanceof ApiError && error.body?.code === 'INVALID_TRANSITION')
    return [{ message: t('grants.errors.notActive') }];
  return describeError(error, t);
}

/**
 * The NGO's report editor: each expected result with its target beside the achieved value, each budget
 * line with its plan beside the money spent. Saves to the server as the person types ("Сохранено в 14:32"),
 * so a reload loses nothing; submitting saves what is pending first. The files (their own upload form,
 * so outside the report's form) come before the submit button, which belongs to the report's form.
 */
export function ReportEditor({ grantId, report }: { grantId: string; report: GrantReport }) {
  const { t } = useTranslation();
  const save = useSaveReport(grantId, report.code);
  const submit = useSubmitReport(grantId, report.code);
  const [draft, setDraft] = useState<Draft>(() => draftOf(report));
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(report.status === 'pending' ? null : report.updatedAt);
  const [saveFailed, setSaveFailed] = useState<unknown>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const latest = useRef(draft);
  latest.current = draft;

  /** Saves what is typed now; resolves to the error when the save failed. */
  const flush = useCallback(async (): Promise<{ error?: unknown }> => {
    const body = bodyOf(report, latest.current);
    if (!body) return {};
    const sent = latest.current;
    try {
      const saved = await save.mutateAsync(body);
      setSavedAt(saved.updatedAt);
      setSaveFailed(null);
      if (latest.current === sent) setDirty(false);
      return {};
    } catch (error) {
      setSaveFailed(error);
      return { error };
    }
    // The report's identity and its planned rows do not change while it is edited.
  }, [report.code]);

  // Autosave: a moment after the person stops typing.
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [draft, dirty, flush]);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (next: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setDirty(true);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    if (bodyOf(report, latest.current) === null) {
      setErrors([
        {
          field: `expenditures.${draft.spent.findIndex((s) => parseMoney(s) === null)}.spent`,
          message: t('money.invalid'),
        },
      ]);
      return;
    }
    const saved = await flush();
    if (saved.error) {
      setErrors(reportErrors(saved.error, report, t));
      return;
    }
    try {
      await submit.mutateAsync();
    } catch (error) {
      setErrors(reportErrors(error, report, t));
    }
  };

  const saveLine = save.isPending
    ? t('grants.report.saving')
    : saveFailed
      ? t('grants.report.saveFailed')
      : dirty
        ? t('grants.report.unsaved')
        : savedAt
          ? t('grants.report.savedAt', { time: clock(savedAt) })
          : t('grants.report.notSavedYet');

  // Shown as typed, in kopecks (never floating point); the rule itself is the server's, at submit.
  const spentKopecks = draft.spent.reduce((sum, s) => {
    const parsed = parseMoney(s);
    return parsed ? sum + BigInt(parsed.replace('.', '')) : sum;
  }, 0n);
  const spentNow = `${spentKopecks / 100n}.${String(spentKopecks % 100n).padStart(2, '0')}`;

  return (
    <Stack gap="lg">
      <form id={REPORT_FORM} onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          <ErrorSummary errors={errors} />
          {report.status === 'returned' && report.reviewComment && (
            <Alert color="yellow" variant="light" title={t('grants.report.returnedTitle')}>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{report.reviewComment}</Text>
            </Alert>
          )}
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {saveLine}
          </Text>

          <Textarea
            id={fieldId('narrative')}
            name="narrative"
            label={t('grants.report.narrative')}
            description={t('grants.report.narrativeHint')}
            autosize
            minRows={5}
            value={draft.narrative}
            onChange={(e) => change({ narrative: e.currentTarget.value })}
            error={errorsOf(errors, 'narrative')}
          />

          {report.results.length > 0 && (
            <Card withBorder component="fieldset" padding="md">
              <Title order={2} size="h3" component="legend" px={4}>
                {t('grants.report.results')}
              </Title>
              <Stack gap="md">
                {report.results.map((r, i) => (
                  <SimpleGrid key={i} cols={{ base: 1, sm: 2 }} spacing="sm">
                    <Stack gap={2}>
                      <Text fw={600}>{r.indicator}</Text>
                      <Text size="sm">
                        {t('grants.report.targetIs')} <b>{r.target}</b>
                      </Text>
                    </Stack>
                    <TextInput
                      id={fieldId(`results.${i}.achieved`)}
                      name={`results.${i}.achieved`}
                      label={t('grants.report.achievedOf', { name: r.indicator })}
                      autoComplete="off"
                      value={draft.achieved[i]}
                      onChange={(e) => {
                        const achieved = [...draft.achieved];
                        achieved[i] = e.currentTarget.value;
                        change({ achieved });
                      }}
                      error={errorsOf(errors, `results.${i}.achieved`)}
                    />
                  </SimpleGrid>
                ))}
              </Stack>
            </Card>
          )}

          {report.expenditures.length > 0 && (
            <Card withBorder component="fieldset" padding="md">
              <Title order={2} size="h3" component="legend" px={4}>
                {t('grants.report.expenditures')}
              </Title>
              <Stack gap="md">
                {report.expenditures.map((e, i) => (
                  <SimpleGrid key={i} cols={{ base: 1, sm: 2 }} spacing="sm">
                    <Stack gap={2}>
                      <Text fw={600}>{e.item}</Text>
                      <Text size="sm">
                        {t('grants.report.plannedIs')} <b style={{ whiteSpace: 'nowrap' }}>{formatMoney(e.planned)}</b>
                      </Text>
                    </Stack>
                    <MoneyInput
                      name={`expenditures.${i}.spent`}
                      label={t('grants.report.spentOf', { name: e.item })}
                      value={draft.spent[i]}
                      onChange={(value) => {
                        const spent = [...draft.spent];
                        spent[i] = value;
                        change({ spent });
                      }}
                      error={errorsOf(errors, `expenditures.${i}.spent`)}
                    />
                  </SimpleGrid>
                ))}
                <Group justify="space-between" wrap="wrap">
                  <Text size="sm">
                    {t('grants.report.plannedTotal')}:{' '}
                    <b style={{ whiteSpace: 'nowrap' }}>{formatMoney(report.plannedTotal)}</b>
                  </Text>
                  <Text size="sm">
                    {t('grants.report.spentTotal')}: <b style={{ whiteSpace: 'nowrap' }}>{formatMoney(spentNow)}</b>
                  </Text>
                </Group>
                <Text size="sm" c="dimmed">
                  {t('grants.report.limit', { limit: formatMoney(report.spendingLimit) })}
                </Text>
              </Stack>
            </Card>
          )}
        </Stack>
      </form>
      <ReportDocumentsEditor report={report} />
      <Group>
        <Button type="submit" form={REPORT_FORM} size="md" loading={submit.isPending}>
          {t('grants.report.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
