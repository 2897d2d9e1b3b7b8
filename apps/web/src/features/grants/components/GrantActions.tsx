import { useState } from 'react';
import { Button, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError, errorsOf, type FieldError } from '../../../ui/errors';
import { fieldId } from '../../../ui/fields';
import { FormCard } from '../../../ui/FormCard';
import { type Grant, useRecordAgreement, useTerminateGrant } from '../hooks/useGrants';

/**
 * A form's submit: the problems `check` finds before sending (none by default), else `send`, whose
 * failure the api describes; either way they are the form's errors.
 */
function useSubmit(send: () => Promise<unknown>, check: () => FieldError[] = () => []) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const onSubmit = async () => {
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
    <FormCard id="agreement-title" title={t('grants.agreement.title')} errors={errors} onSubmit={onSubmit}>
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
    </FormCard>
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
    <FormCard id="terminate-title" title={t('grants.terminate.title')} errors={errors} onSubmit={onSubmit}>
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
    </FormCard>
  );
}
