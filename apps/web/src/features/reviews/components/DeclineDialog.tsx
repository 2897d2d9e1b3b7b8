import { type FormEvent, useState } from 'react';
import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError, errorsOf, type FieldError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import { useDeclareConflict, useDeclineReview } from '../hooks/useReviews';

/**
 * Declining an assignment, with a reason: either a conflict of interest with the organization
 * (declared as such: the expert is never assigned its applications again) or another reason.
 */
export function DeclineDialog({
  opened,
  onClose,
  reviewId,
  organizationId,
}: {
  opened: boolean;
  onClose: () => void;
  reviewId: string;
  organizationId?: string;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'conflict' | 'other'>(organizationId ? 'conflict' : 'other');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const decline = useDeclineReview(reviewId);
  const conflict = useDeclareConflict();
  const pending = decline.isPending || conflict.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    const onError = (error: unknown) => setErrors(describeError(error, t));
    if (kind === 'conflict' && organizationId)
      conflict.mutate({ organizationId, reason }, { onSuccess: onClose, onError });
    else decline.mutate(reason, { onSuccess: onClose, onError });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('review.declineTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorSummary errors={errors} />
          {organizationId && (
            <Radio.Group
              label={t('review.declineKind')}
              name="kind"
              value={kind}
              onChange={(v) => setKind(v as 'conflict' | 'other')}
            >
              <Stack gap="xs" mt={6}>
                <Radio value="conflict" label={t('review.kindConflict')} description={t('review.kindConflictHint')} />
                <Radio value="other" label={t('review.kindOther')} />
              </Stack>
            </Radio.Group>
          )}
          <Textarea
            label={t('fields.reason')}
            name="reason"
            id={fieldId('reason')}
            autoComplete="off"
            required
            autosize
            minRows={3}
            value={reason}
            error={errorsOf(errors, 'reason')}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Text size="sm" c="dimmed">
            {t('review.declineHint')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={pending}>
              {kind === 'conflict' && organizationId ? t('review.declareConflict') : t('review.decline')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
