import { type FormEvent, useEffect, useState } from 'react';
import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { DEFAULT_CRITERIA } from '@grants/domain-shared/default-criteria';
import { api, ApiError, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { useZoneName } from '../../../ui/Deadline';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { describeError, errorsOf, type FieldError } from '../../../ui/errors';
import { fieldId } from '../../../ui/fields';
import { MoneyInput } from '../../../ui/MoneyInput';
import { formatMoneyPlain, parseMoney } from '../../../ui/money';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { dayjs } from '../../../ui/dayjs';
import { RowsEditor, type RowValue } from '../components/RowsEditor';
import { type Competition, useAdminCompetition } from '../hooks/useAdmin';

const ZONES = [
  'Asia/Krasnoyarsk',
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Irkutsk',
  'Asia/Yakutsk',
  'Asia/Vladivostok',
  'Asia/Magadan',
  'Asia/Kamchatka',
];

/**
 * What PATCH /competitions/:id still takes once published, by status (API.md and the service's
 * EDITABLE_AFTER_PUBLISH): the report schedule until the announcement; nothing after it.
 */
const EDITABLE_AFTER_PUBLISH: Partial<Record<Competition['status'], readonly string[]>> = {
  open: ['description', 'submissionDeadline', 'reviewDeadline', 'reportSchedule'],
  review: ['description', 'reviewDeadline', 'reportSchedule'],
};

/** "2026-04-01T23:59" typed in the competition's zone ⇄ the instant the API speaks. */
const toLocal = (iso: string | undefined, zone: string) => (iso ? dayjs(iso).tz(zone).format('YYYY-MM-DDTHH:mm') : '');
const toInstant = (local: string, zone: string) => (local ? dayjs.tz(local, zone).toISOString() : '');

interface Form {
  title: string;
  description: string;
  year: string;
  fundingSource: string;
  timezone: string;
  submissionOpensAt: string;
  submissionDeadline: string;
  reviewDeadline: string;
  totalBudget: string;
  maxGrantAmount: string;
  minCoFinancingPercent: string;
  expertsPerApplication: string;
  divergenceThreshold: string;
  minScoreToAward: string;
  directions: RowValue[];
  criteria: RowValue[];
  documentTypes: RowValue[];
  reportSchedule: RowValue[];
}

function emptyForm(): Form {
  const year = new Date().getFullYear();
  return {
    title: '',
    description: '',
    year: String(year),
    fundingSource: '',
    timezone: 'Asia/Krasnoyarsk',
    submissionOpensAt: '',
    submissionDeadline: '',
    reviewDeadline: '',
    totalBudget: '',
    maxGrantAmount: '',
    minCoFinancingPercent: '0',
    expertsPerApplication: '2',
    divergenceThreshold: '30',
    minScoreToAward: '',
    directions: [{ code: '', title: '' }],
    criteria: DEFAULT_CRITERIA.map((c) => ({
      code: c.code,
      title: c.title,
      titleEn: c.titleEn ?? '',
      weight: String(c.weight),
      maxScore: String(c.maxScore),
    })),
    documentTypes: [],
    reportSchedule: [],
  };
}

function formOf(c: Competition): Form {
  const z = c.timezone;
  const docs = (c as { documentTypes?: Array<{ code: string; title: string; required: boolean }> }).documentTypes ?? [];
  return {
    title: c.title,
    description: c.description ?? '',
    year: String(c.year),
    fundingSource: c.fundingSource ?? '',
    timezone: z,
    submissionOpensAt: toLocal(c.submissionOpensAt, z),
    submissionDeadline: toLocal(c.submissionDeadline, z),
    reviewDeadline: toLocal(c.reviewDeadline, z),
    totalBudget: formatMoneyPlain(c.totalBudget),
    maxGrantAmount: formatMoneyPlain(c.maxGrantAmount),
    minCoFinancingPercent: String(c.minCoFinancingPercent),
    expertsPerApplication: String(c.expertsPerApplication),
    divergenceThreshold: String(c.divergenceThreshold),
    minScoreToAward: c.minScoreToAward === null ? '' : String(c.minScoreToAward),
    directions: c.directions.map((d) => ({ code: d.code, title: d.title, titleEn: d.titleEn ?? '' })),
    criteria: c.criteria.map((k) => ({
      code: k.code,
      title: k.title,
      titleEn: k.titleEn ?? '',
      weight: String(k.weight),
      maxScore: String(k.maxScore),
    })),
    documentTypes: docs.map((d) => ({ code: d.code, title: d.title, required: d.required })),
    reportSchedule: c.reportSchedule.map((r) => ({
      code: r.code,
      title: r.title,
      titleEn: r.titleEn ?? '',
      dueDate: r.dueDate,
    })),
  };
}

const num = (s: string) => (s.trim() === '' ? NaN : Number(s.replace(',', '.')));
const withEn = (r: RowValue) => (r.titleEn ? { titleEn: String(r.titleEn) } : {});

/** The body of POST /competitions (and of PATCH for a draft) from the form. */
function bodyOf(f: Form) {
  return {
    title: f.title,
    description: f.description || null,
    year: num(f.year),
    fundingSource: f.fundingSource || null,
    timezone: f.timezone,
    submissionOpensAt: toInstant(f.submissionOpensAt, f.timezone),
    submissionDeadline: toInstant(f.submissionDeadline, f.timezone),
    reviewDeadline: toInstant(f.reviewDeadline, f.timezone),
    totalBudget: parseMoney(f.totalBudget) ?? f.totalBudget,
    maxGrantAmount: parseMoney(f.maxGrantAmount) ?? f.maxGrantAmount,
    minCoFinancingPercent: num(f.minCoFinancingPercent),
    expertsPerApplication: num(f.expertsPerApplication),
    divergenceThreshold: num(f.divergenceThreshold),
    minScoreToAward: f.minScoreToAward.trim() === '' ? null : num(f.minScoreToAward),
    directions: f.directions.map((d) => ({ code: String(d.code), title: String(d.title), ...withEn(d) })),
    criteria: f.criteria.map((c) => ({
      code: String(c.code),
      title: String(c.title),
      ...withEn(c),
      weight: num(String(c.weight)),
      maxScore: num(String(c.maxScore)),
    })),
    documentTypes: f.documentTypes.map((d) => ({
      code: String(d.code),
      title: String(d.title),
      required: d.required === true,
    })),
    ...(f.reportSchedule.length
      ? {
          reportSchedule: f.reportSchedule.map((r) => ({
            code: String(r.code),
            title: String(r.title),
            ...withEn(r),
            dueDate: String(r.dueDate),
          })),
        }
      : {}),
  };
}

export default function CompetitionEditorPage() {
  const { id } = useParams();
  const existing = useAdminCompetition(id ?? '');
  if (!id) return <Editor />;
  if (existing.isPending) return <PageLoader />;
  if (existing.error) {
    if (existing.error instanceof ApiError && [400, 404].includes(existing.error.status)) return <NotFoundPage />;
    throw existing.error;
  }
  return <Editor competition={existing.data} />;
}

function Editor({ competition }: { competition?: Competition }) {
  const { t } = useTranslation();
  const zoneName = useZoneName();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form, setForm] = useState<Form>(() => (competition ? formOf(competition) : emptyForm()));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const published = !!competition && competition.status !== 'draft';
  const stillEditable = competition ? (EDITABLE_AFTER_PUBLISH[competition.status] ?? []) : [];
  /** Whether the API would still take this field now. */
  const editable = (key: keyof Form) => !published || stillEditable.includes(key);
  const frozen = published && stillEditable.length === 0;
  useEffect(() => {
    if (competition) setForm(formOf(competition));
  }, [competition]);
  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const text = (key: keyof Form) => ({
    id: fieldId(key),
    name: key,
    value: form[key] as string,
    onChange: (e: { currentTarget: { value: string } }) => set(key)(e.currentTarget.value as never),
    error: errorsOf(errors, key),
    readOnly: !editable(key),
  });

  const save = useMutation({
    mutationFn: async () => {
      const body = bodyOf(form);
      if (!competition) return unwrap(api.POST('/api/v1/competitions', { body: body as never }));
      // Once published, only what the status still allows; the schedule only when it was changed.
      const patch = published
        ? Object.fromEntries(
            Object.entries(body).filter(
              ([key, value]) =>
                stillEditable.includes(key) &&
                (key !== 'reportSchedule' ||
                  JSON.stringify(value) !== JSON.stringify(bodyOf(formOf(competition)).reportSchedule)),
            ),
          )
        : body;
      return unwrap(
        api.PATCH('/api/v1/competitions/{id}', { params: { path: { id: competition.id } }, body: patch as never }),
      );
    },
    onSuccess: (saved) => {
      client.setQueryData(keys.competition(saved.id), saved);
      void client.invalidateQueries({ queryKey: [...keys.competitions, 'admin'] });
      navigate(`/admin/competitions/${saved.id}`);
    },
    onError: (error) => setErrors(describeError(error, t)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    save.mutate();
  };

  const weights = form.criteria.reduce((s, c) => s + (num(String(c.weight)) || 0), 0);
  const maxTotal = form.criteria.reduce((s, c) => s + (num(String(c.weight)) || 0) * (num(String(c.maxScore)) || 0), 0);
  const zone = `${zoneName(form.timezone)}`;

  return (
    <Page
      title={competition ? t('admin.editor.editTitle', { title: competition.title }) : t('admin.editor.newTitle')}
      lead={published ? t(`admin.editor.lead.${competition.status}`) : undefined}
    >
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} />
        <Stack gap="lg" maw={960}>
          <TextInput label={t('fields.title')} required autoComplete="off" {...text('title')} />
          <Textarea label={t('fields.description')} autosize minRows={3} {...text('description')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('fields.year')} inputMode="numeric" autoComplete="off" {...text('year')} />
            <TextInput label={t('fields.fundingSource')} autoComplete="off" {...text('fundingSource')} />
            <Select
              id={fieldId('timezone')}
              name="timezone"
              label={t('fields.timezone')}
              data={ZONES.map((z) => ({ value: z, label: zoneName(z) }))}
              value={form.timezone}
              onChange={(v) => v && set('timezone')(v)}
              readOnly={!editable('timezone')}
              allowDeselect={false}
              error={errorsOf(errors, 'timezone')}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('admin.editor.zoneNote', { zone })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="datetime-local" label={t('fields.submissionOpensAt')} {...text('submissionOpensAt')} />
            <TextInput
              type="datetime-local"
              label={t('fields.submissionDeadline')}
              min={published ? toLocal(competition!.submissionDeadline, form.timezone) : undefined}
              description={published && editable('submissionDeadline') ? t('admin.editor.onlyLater') : undefined}
              {...text('submissionDeadline')}
            />
            <TextInput type="datetime-local" label={t('fields.reviewDeadline')} {...text('reviewDeadline')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <MoneyInput
              name="totalBudget"
              label={t('fields.totalBudget')}
              value={form.totalBudget}
              onChange={set('totalBudget')}
              error={errorsOf(errors, 'totalBudget')}
              readOnly={!editable('totalBudget')}
            />
            <MoneyInput
              name="maxGrantAmount"
              label={t('fields.maxGrantAmount')}
              value={form.maxGrantAmount}
              onChange={set('maxGrantAmount')}
              error={errorsOf(errors, 'maxGrantAmount')}
              readOnly={!editable('maxGrantAmount')}
            />
            <TextInput
              label={t('fields.minCoFinancingPercent')}
              inputMode="decimal"
              autoComplete="off"
              {...text('minCoFinancingPercent')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('fields.expertsPerApplication')}
              inputMode="numeric"
              autoComplete="off"
              {...text('expertsPerApplication')}
            />
            <TextInput
              label={t('fields.divergenceThreshold')}
              inputMode="decimal"
              autoComplete="off"
              {...text('divergenceThreshold')}
            />
            <TextInput
              label={t('fields.minScoreToAward')}
              inputMode="decimal"
              autoComplete="off"
              {...text('minScoreToAward')}
            />
          </SimpleGrid>
          <RowsEditor
            name="directions"
            legend={t('admin.editor.directions')}
            columns={[
              { key: 'code', label: 'fields.code', width: 140 },
              { key: 'title', label: 'fields.rowTitle' },
              { key: 'titleEn', label: 'fields.titleEn' },
            ]}
            rows={form.directions}
            onChange={set('directions')}
            empty={{ code: '', title: '', titleEn: '' }}
            errors={errors}
            readOnly={!editable('directions')}
            addLabel={t('admin.editor.addDirection')}
          />
          <RowsEditor
            name="criteria"
            legend={t('admin.editor.criteria')}
            columns={[
              { key: 'code', label: 'fields.code', width: 140 },
              { key: 'title', label: 'fields.rowTitle' },
              { key: 'weight', label: 'fields.weight', kind: 'number', width: 90 },
              { key: 'maxScore', label: 'fields.maxScore', kind: 'number', width: 90 },
            ]}
            rows={form.criteria}
            onChange={set('criteria')}
            empty={{ code: '', title: '', titleEn: '', weight: '1', maxScore: '10' }}
            errors={errors}
            readOnly={!editable('criteria')}
            addLabel={t('admin.editor.addCriterion')}
          />
          <Text aria-live="polite" data-testid="criteria-totals">
            {t('admin.editor.criteriaTotals', {
              weights: String(Math.round(weights * 100) / 100).replace('.', t('admin.decimal')),
              max: String(Math.round(maxTotal * 100) / 100).replace('.', t('admin.decimal')),
            })}
          </Text>
          <RowsEditor
            name="documentTypes"
            legend={t('admin.editor.documentTypes')}
            columns={[
              { key: 'code', label: 'fields.code', width: 140 },
              { key: 'title', label: 'fields.rowTitle' },
              { key: 'required', label: 'fields.required', kind: 'check' },
            ]}
            rows={form.documentTypes}
            onChange={set('documentTypes')}
            empty={{ code: '', title: '', required: true }}
            errors={errors}
            readOnly={!editable('documentTypes')}
            addLabel={t('admin.editor.addDocumentType')}
          />
          <RowsEditor
            name="reportSchedule"
            legend={t('admin.editor.reportSchedule')}
            columns={[
              { key: 'code', label: 'fields.code', width: 140 },
              { key: 'title', label: 'fields.rowTitle' },
              { key: 'titleEn', label: 'fields.titleEn' },
              { key: 'dueDate', label: 'fields.dueDate', kind: 'date', width: 170 },
            ]}
            rows={form.reportSchedule}
            onChange={set('reportSchedule')}
            empty={{ code: '', title: '', titleEn: '', dueDate: '' }}
            errors={errors}
            readOnly={!editable('reportSchedule')}
            addLabel={t('admin.editor.addReport')}
            note={
              published
                ? t(editable('reportSchedule') ? 'admin.editor.scheduleEditable' : 'admin.editor.scheduleLocked')
                : undefined
            }
          />
          {form.reportSchedule.length === 0 && (
            <Alert variant="light" color="blue">
              {t('admin.editor.defaultSchedule')}
            </Alert>
          )}
          <Group>
            {!frozen && (
              <Button type="submit" loading={save.isPending}>
                {competition ? t('admin.editor.save') : t('admin.editor.create')}
              </Button>
            )}
            <Button
              variant="default"
              onClick={() => navigate(competition ? `/admin/competitions/${competition.id}` : '/admin')}
            >
              {frozen ? t('admin.editor.back') : t('admin.editor.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
