import { Button, Fieldset, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorsOf } from '../../../ui/errors';
import { fieldId } from '../../../ui/fields';
import type { Application, Remark } from '../hooks/useApplication';
import { useAutosave } from '../hooks/useAutosave';
import { RemarkNote } from './RemarkNote';
import { saveErrors } from './saveErrors';
import { SectionShell } from './SectionShell';
import { remarksOn } from './sections';

interface ResultRow {
  indicator: string;
  target: string;
}

interface ProjectForm {
  projectStart: string;
  projectEnd: string;
  goals: string;
  expectedResults: ResultRow[];
}

const initial = (a: Application): ProjectForm => ({
  projectStart: a.projectStart ?? '',
  projectEnd: a.projectEnd ?? '',
  goals: a.goals ?? '',
  expectedResults: a.expectedResults.length
    ? a.expectedResults.map((r) => ({ indicator: r.indicator, target: r.target }))
    : [{ indicator: '', target: '' }],
});

const validDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

const toPatch = (f: ProjectForm) => ({
  ...(f.projectStart === '' || validDate(f.projectStart) ? { projectStart: f.projectStart || null } : {}),
  ...(f.projectEnd === '' || validDate(f.projectEnd) ? { projectEnd: f.projectEnd || null } : {}),
  goals: f.goals.trim() ? f.goals : null,
  // A row goes to the server once both of its cells are filled; until then it waits in the form.
  expectedResults: f.expectedResults.filter((r) => r.indicator.trim() && r.target.trim()),
});

export function ProjectSection({ application, remarks }: { application: Application; remarks: Remark[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { form, setForm, state, flush } = useAutosave({ application, section: 'project', initial, toPatch });
  const errors = saveErrors(state, t);
  const setRow = (i: number, key: keyof ResultRow, value: string) =>
    setForm((f) => ({
      ...f,
      expectedResults: f.expectedResults.map((r, j) => (j === i ? { ...r, [key]: value } : r)),
    }));
  return (
    <SectionShell
      application={application}
      title={t('draft.sections.project')}
      lead={t('draft.leads.project')}
      state={state}
      errors={errors}
      onContinue={async () => {
        await flush();
        navigate(`/applications/${application.id}/edit/budget`);
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          id={fieldId('projectStart')}
          name="projectStart"
          type="date"
          label={t('fields.projectStart')}
          description={
            <>
              {t('draft.hints.date')}
              <RemarkNote remarks={remarksOn('projectStart', remarks)} />
            </>
          }
          value={form.projectStart}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setForm((f) => ({ ...f, projectStart: value }));
          }}
          error={errorsOf(errors, 'projectStart')}
        />
        <TextInput
          id={fieldId('projectEnd')}
          name="projectEnd"
          type="date"
          label={t('fields.projectEnd')}
          description={
            <>
              {t('draft.hints.date')}
              <RemarkNote remarks={remarksOn('projectEnd', remarks)} />
            </>
          }
          value={form.projectEnd}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setForm((f) => ({ ...f, projectEnd: value }));
          }}
          error={errorsOf(errors, 'projectEnd')}
        />
      </SimpleGrid>
      <Textarea
        id={fieldId('goals')}
        name="goals"
        label={t('fields.goals')}
        description={
          <>
            {t('draft.hints.goals')}
            <RemarkNote remarks={remarksOn('goals', remarks)} />
          </>
        }
        autosize
        minRows={4}
        maxLength={10000}
        value={form.goals}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setForm((f) => ({ ...f, goals: value }));
        }}
        error={errorsOf(errors, 'goals')}
      />
      <Fieldset legend={t('fields.expectedResults')} id={fieldId('expectedResults')} tabIndex={-1}>
        <RemarkNote remarks={remarksOn('expectedResults', remarks)} />
        <Stack gap="md">
          {form.expectedResults.map((row, i) => (
            <Group key={i} align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                style={{ flex: '2 1 220px' }}
                id={fieldId(`expectedResults.${i}.indicator`)}
                name={`expectedResults.${i}.indicator`}
                label={t('draft.resultIndicator', { n: i + 1 })}
                autoComplete="off"
                value={row.indicator}
                onChange={(e) => setRow(i, 'indicator', e.currentTarget.value)}
                error={errorsOf(errors, `expectedResults.${i}.indicator`)}
              />
              <TextInput
                style={{ flex: '1 1 140px' }}
                id={fieldId(`expectedResults.${i}.target`)}
                name={`expectedResults.${i}.target`}
                label={t('draft.resultTarget', { n: i + 1 })}
                autoComplete="off"
                value={row.target}
                onChange={(e) => setRow(i, 'target', e.currentTarget.value)}
                error={errorsOf(errors, `expectedResults.${i}.target`)}
              />
              <Button
                variant="subtle"
                color="red"
                onClick={() => setForm((f) => ({ ...f, expectedResults: f.expectedResults.filter((_, j) => j !== i) }))}
              >
                {t('draft.removeRow', { n: i + 1 })}
              </Button>
            </Group>
          ))}
          <div>
            <Button
              variant="light"
              onClick={() =>
                setForm((f) => ({ ...f, expectedResults: [...f.expectedResults, { indicator: '', target: '' }] }))
              }
            >
              {t('draft.addResult')}
            </Button>
          </div>
        </Stack>
      </Fieldset>
    </SectionShell>
  );
}
