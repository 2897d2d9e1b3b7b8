import { type FormEvent, type ReactNode, useState } from 'react';
import { Button, Card, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError, errorsOf, type FieldError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import { type Grant, useRecordAgreement, useTerminateGrant } from '../hooks/useGrants';

/**
 * A form's submit: the problems `check` finds before sending (none by default), else `send`, whose
 * failure the api describes; either way they are the form's errors.
 */
function useSubmit(send: () => Promise<unknown>, check: () => FieldError[] = () => []) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = check();
    setErrors(problems);
    if (problems.length) return;
    try {
      await send();
    } catch (error) {
      setErrors(describeError(error, t));
    }
  };
  return { errors, onSubmit };
}

/** One action on the grant as a card of its own: heading, error summary, fields, the submit button. */
function ActionCard({
  id,
  title,
  errors,
  onSubmit,
  submit,
  children,
}: {
  id: string;
  title: string;
  errors: FieldError[];
  onSubmit: (event: FormEvent) => void;
  submit: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" component="form" onSubmit={onSubmit} noValidate aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        <ErrorSummary errors={errors} />
        {children}
        <div>{submit}</div>
      </Stack>
    </Card>
  );
}

/** The admin records the grant agreement: its number and date (typed, or picked in the browser's date field). */
export function AgreementForm({ grant }: { grant: Grant }) {
  const { t } = useTranslation();
  const record = useRecordAgreement(grant.id);
  const [agreementNumber, setNumber] = useState('');
  const [agreementDate, setDate] = useState('');
  const { errors, onSubmit } = useSubmit(() =>
    record.mutateAsync({ agreementNumber: agreementNumber.trim(), agreementDate }),
  );
  return (
    <ActionCard
      id="agreement-title"
      title={t('grants.agreement.title')}
      errors={errors}
      onSubmit={onSubmit}
      submit={
        <Button type="submit" loading={record.isPending}>
          {t('grants.agreement.submit')}
        </Button>
      }
    >
      <TextInput
        id={fieldId('agreementNumber')}
        name="agreementNumber"
        label={t('fields.agreementNumber')}
        autoComplete="off"
        required
        value={agreementNumber}
        onChange={(e) => setNumber(e.currentTarget.value)}
        error={errorsOf(errors, 'agreementNumber')}
      />
      <TextInput
        id={fieldId('agreementDate')}
        name="agreementDate"
        type="date"
        label={t('fields.agreementDate')}
        required
        value={agreementDate}
        onChange={(e) => setDate(e.currentTarget.value)}
        error={errorsOf(errors, 'agreementDate')}
      />
    </ActionCard>
  );
}

export function TerminateForm({ grant }: { grant: Grant }) {
  const { t } = useTranslation();
  const terminate = useTerminateGrant(grant.id);
  const [reason, setReason] = useState('');
  const { errors, onSubmit } = useSubmit(
    () => terminate.mutateAsync({ reason: reason.trim() }),
    () => (reason.trim() ? [] : [{ field: 'reason', message: t('grants.terminate.reasonRequired') }]),
  );
  return (
    <ActionCard
      id="terminate-title"
      title={t('grants.terminate.title')}
      errors={errors}
      onSubmit={onSubmit}
      submit={
        <Button type="submit" color="red" variant="outline" loading={terminate.isPending}>
          {t('grants.terminate.submit')}
        </Button>
      }
    >
      <Textarea
        id={fieldId('reason')}
        name="reason"
        label={t('fields.terminationReason')}
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errorsOf(errors, 'reason')}
      />
    </ActionCard>
  );
}
