import { type FormEvent, useEffect, useState } from 'react';
import { Button, CloseButton, Group, NativeSelect, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError, errorsOf, type FieldError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import { useLeaveWarning } from '../../../ui/useLeaveWarning';
import { SECTION_FIELDS } from '../../applications/components/sections';

/** The fields a remark may name, in the order of the application's sections. */
const APPLICATION_FIELDS = [...SECTION_FIELDS.about, ...SECTION_FIELDS.project, ...SECTION_FIELDS.budget];
type ApplicationField = string;
import { useCompleteConsultation, type Verdict } from '../hooks/useConsultations';

export interface AnswerDraft {
  comment: string;
  verdict: Verdict | '';
  remarks: Array<{ field: ApplicationField | ''; text: string }>;
}

const EMPTY: AnswerDraft = { comment: '', verdict: '', remarks: [] };
const storageKey = (id: string) => `grants.consultationAnswer.${id}`;

/** What was typed survives a reload and an expired session (kept in this tab until it is sent). */
export function useAnswerDraft(id: string) {
  const [draft, setDraft] = useState<AnswerDraft>(() => {
    try {
      return { ...EMPTY, ...JSON.parse(sessionStorage.getItem(storageKey(id)) ?? '{}') };
    } catch {
      return EMPTY;
    }
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey(id), JSON.stringify(draft));
    } catch {
      // Private mode: the draft lives as long as the page.
    }
  }, [id, draft]);
  const clear = () => sessionStorage.removeItem(storageKey(id));
  return { draft, setDraft, clear };
}

export const focusRemark = (index: number, part: 'field' | 'text' = 'text') =>
  requestAnimationFrame(() => document.getElementById(fieldId(`remarks.${index}.${part}`))?.focus());

/** The consultant's answer: overall comment, verdict and remarks anchored to fields. */
export function AnswerForm({
  consultationId,
  draft,
  setDraft,
  onDone,
}: {
  consultationId: string;
  draft: AnswerDraft;
  setDraft: (update: (d: AnswerDraft) => AnswerDraft) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const complete = useCompleteConsultation(consultationId);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const dirty = draft.comment !== '' || draft.verdict !== '' || draft.remarks.length > 0;
  useLeaveWarning(dirty && !complete.isSuccess);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    complete.mutate(
      {
        comment: draft.comment,
        verdict: draft.verdict as Verdict,
        remarks: draft.remarks.map((r) => ({ field: r.field as ApplicationField, text: r.text })),
      },
      { onSuccess: onDone, onError: (error) => setErrors(describeError(error, t)) },
    );
  };
  const setRemark = (index: number, patch: Partial<AnswerDraft['remarks'][number]>) =>
    setDraft((d) => ({ ...d, remarks: d.remarks.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));

  return (
    <form onSubmit={submit} noValidate aria-labelledby="answer-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="answer-title">
          {t('consultation.answerTitle')}
        </Title>
        <ErrorSummary errors={errors} />
        <Textarea
          label={t('fields.comment')}
          description={t('consultation.commentHint')}
          name="comment"
          id={fieldId('comment')}
          autoComplete="off"
          minRows={4}
          autosize
          maxRows={14}
          required
          value={draft.comment}
          error={errorsOf(errors, 'comment')}
          onChange={(e) => {
            const comment = e.currentTarget.value;
            setDraft((d) => ({ ...d, comment }));
          }}
        />
        <Radio.Group
          label={t('fields.verdict')}
          name="verdict"
          id={fieldId('verdict')}
          required
          value={draft.verdict}
          error={errorsOf(errors, 'verdict')}
          onChange={(value) => setDraft((d) => ({ ...d, verdict: value as Verdict }))}
        >
          <Stack gap="xs" mt={6}>
            <Radio
              value="ready"
              label={t('consultation.verdicts.ready')}
              description={t('consultation.verdictHints.ready')}
            />
            <Radio
              value="needs_changes"
              label={t('consultation.verdicts.needs_changes')}
              description={t('consultation.verdictHints.needs_changes')}
            />
          </Stack>
        </Radio.Group>

        <Stack gap="sm">
          <Text fw={600}>{t('consultation.remarksTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('consultation.remarksHint')}
          </Text>
          {draft.remarks.map((remark, i) => (
            <fieldset
              key={i}
              style={{
                border: '1px solid var(--mantine-color-gray-3)',
                borderRadius: 8,
                padding: 12,
                margin: 0,
                minWidth: 0,
              }}
            >
              <Group justify="space-between" wrap="nowrap" mb={4}>
                <legend style={{ fontWeight: 600, padding: 0 }}>{t('consultation.remarkN', { n: i + 1 })}</legend>
                <CloseButton
                  aria-label={t('consultation.removeRemark', { n: i + 1 })}
                  onClick={() => setDraft((d) => ({ ...d, remarks: d.remarks.filter((_, j) => j !== i) }))}
                />
              </Group>
              <Stack gap="xs">
                <NativeSelect
                  label={t('consultation.remarkField')}
                  name={`remarks.${i}.field`}
                  id={fieldId(`remarks.${i}.field`)}
                  value={remark.field}
                  error={errorsOf(errors, `remarks.${i}.field`)}
                  onChange={(e) => setRemark(i, { field: e.currentTarget.value as ApplicationField })}
                  data={[
                    { value: '', label: t('consultation.chooseField') },
                    ...APPLICATION_FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) })),
                  ]}
                />
                <Textarea
                  label={t('consultation.remarkText')}
                  name={`remarks.${i}.text`}
                  id={fieldId(`remarks.${i}.text`)}
                  autoComplete="off"
                  autosize
                  minRows={2}
                  value={remark.text}
                  error={errorsOf(errors, `remarks.${i}.text`)}
                  onChange={(e) => setRemark(i, { text: e.currentTarget.value })}
                />
              </Stack>
            </fieldset>
          ))}
          <div>
            <Button
              variant="light"
              onClick={() => {
                setDraft((d) => ({ ...d, remarks: [...d.remarks, { field: '', text: '' }] }));
                focusRemark(draft.remarks.length, 'field');
              }}
            >
              {t('consultation.addRemark')}
            </Button>
          </div>
        </Stack>
        <Button type="submit" size="md" loading={complete.isPending}>
          {t('consultation.send')}
        </Button>
      </Stack>
    </form>
  );
}
