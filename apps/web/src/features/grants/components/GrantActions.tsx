import { type FormEvent, useState } from 'react';
import { Button, Card, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError, errorsOf, type FieldError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import { type Grant, useRecordAgreement, useTerminateGrant } from '../hooks/useGrants';

/** The admin records the grant agreement: its number and date (typed, or picked in the browser's date field). */
export function AgreementForm({ grant }: { grant: Grant }) {
  const { t } = useTranslation();
  const record = useRecordAgreement(grant.id);
  const [agreementNumber, setNumber] = useState('');
  const [agreementDate, setDate] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    try {
      await record.mutateAsync({ agreementNumber: agreementNumber.trim(), agreementDate });
    } catch (error) {
      setErrors(describeError(error, t));
    }
  };
  return (
    <Card withBorder padding="lg" component="form" onSubmit={onSubmit} noValidate aria-labelledby="agreement-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="agreement-title">
          {t('grants.agreement.title')}
        </Title>
        <ErrorSummary errors={errors} />
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
        <div>
          <Button type="submit" loading={record.isPending}>
            {t('grants.agreement.submit')}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}

export function TerminateForm({ grant }: { grant: Grant }) {
  const { t } = useTranslation();
  const terminate = useTerminateGrant(grant.id);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    if (!reason.trim()) return setErrors([{ field: 'reason', message: t('grants.terminate.reasonRequired') }]);
    try {
      await terminate.mutateAsync({ reason: reason.trim() });
    } catch (error) {
      setErrors(describeError(error, t));
    }
  };
  return (
    <Card withBorder padding="lg" component="form" onSubmit={onSubmit} noValidate aria-labelledby="terminate-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="terminate-title">
          {t('grants.terminate.title')}
        </Title>
        <ErrorSummary errors={errors} />
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
        <div>
          <Button type="submit" color="red" variant="outline" loading={terminate.isPending}>
            {t('grants.terminate.submit')}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}
