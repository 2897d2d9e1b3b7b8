import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorsOf } from '../../../ui/errors';
import { fieldId } from '../../../ui/fields';
import { type Competition, localTitle } from '../../competitions/hooks/useCompetitions';
import type { Application, Remark } from '../hooks/useApplication';
import { useAutosave } from '../hooks/useAutosave';
import { RemarkNote } from './RemarkNote';
import { saveErrors } from './saveErrors';
import { SectionShell } from './SectionShell';
import { remarksOn } from './sections';

interface AboutForm {
  title: string;
  summary: string;
  direction: string;
  geography: string;
}

const initial = (a: Application): AboutForm => ({
  title: a.title ?? '',
  summary: a.summary ?? '',
  direction: a.direction ?? '',
  geography: a.geography ?? '',
});

const toPatch = (f: AboutForm) => ({
  // The title can never be empty on the server: a cleared title waits until something is typed.
  ...(f.title.trim() ? { title: f.title } : {}),
  summary: f.summary.trim() ? f.summary : null,
  direction: f.direction || null,
  geography: f.geography.trim() ? f.geography : null,
});

export function AboutSection({
  application,
  competition,
  remarks,
}: {
  application: Application;
  competition: Competition;
  remarks: Remark[];
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { form, setForm, state, flush } = useAutosave({ application, section: 'about', initial, toPatch });
  const errors = saveErrors(state, t);
  const titleMissing = !form.title.trim();
  const set = (key: keyof AboutForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <SectionShell
      application={application}
      title={t('draft.sections.about')}
      lead={t('draft.leads.about')}
      state={state}
      errors={errors}
      onContinue={async () => {
        await flush();
        navigate(`/applications/${application.id}/edit/project`);
      }}
    >
      <TextInput
        id={fieldId('title')}
        name="title"
        label={t('fields.title')}
        required
        autoComplete="off"
        value={form.title}
        onChange={(e) => set('title')(e.currentTarget.value)}
        description={<RemarkNote remarks={remarksOn('title', remarks)} />}
        error={errorsOf(errors, 'title') ?? (titleMissing ? t('draft.titleRequired') : undefined)}
      />
      <Textarea
        id={fieldId('summary')}
        name="summary"
        label={t('fields.summary')}
        description={
          <>
            {t('draft.hints.summary')}
            <RemarkNote remarks={remarksOn('summary', remarks)} />
          </>
        }
        autosize
        minRows={4}
        maxLength={5000}
        value={form.summary}
        onChange={(e) => set('summary')(e.currentTarget.value)}
        error={errorsOf(errors, 'summary')}
      />
      <NativeSelect
        id={fieldId('direction')}
        name="direction"
        label={t('fields.direction')}
        description={<RemarkNote remarks={remarksOn('direction', remarks)} />}
        value={form.direction}
        onChange={(e) => set('direction')(e.currentTarget.value)}
        error={errorsOf(errors, 'direction')}
        data={[
          { value: '', label: t('draft.chooseDirection') },
          ...competition.directions.map((d) => ({ value: d.code, label: localTitle(d, i18n.language) })),
        ]}
      />
      <TextInput
        id={fieldId('geography')}
        name="geography"
        label={t('fields.geography')}
        description={
          <>
            {t('draft.hints.geography')}
            <RemarkNote remarks={remarksOn('geography', remarks)} />
          </>
        }
        autoComplete="address-level2"
        value={form.geography}
        onChange={(e) => set('geography')(e.currentTarget.value)}
        error={errorsOf(errors, 'geography')}
      />
    </SectionShell>
  );
}
