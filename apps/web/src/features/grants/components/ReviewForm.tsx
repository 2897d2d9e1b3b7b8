import { type FormEvent, useState } from 'react';
import { Button, Card, Group, Stack, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError, errorsOf, type FieldError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import { type GrantReport, useReviewReport } from '../hooks/useGrants';

/** The Resource Center's decision on a submitted report: accept it, or return it with a comment. */
export function ReviewForm({ grantId, report }: { grantId: string; report: GrantReport }) {
  const { t } = useTranslation();
  const review = useReviewReport(grantId, report.code);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);

  const decide = async (decision: 'accept' | 'return') => {
    setErrors([]);
    if (decision === 'return' && !comment.trim()) {
      setErrors([{ field: 'comment', message: t('grants.review.commentRequired') }]);
      return;
    }
    try {
      await review.mutateAsync({ decision, comment });
      setComment('');
    } catch (error) {
      setErrors(describeError(error, t));
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void decide('accept');
  };

  return (
    <Card withBorder padding="lg" component="form" onSubmit={onSubmit} noValidate aria-labelledby="review-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="review-title">
          {t('grants.review.title')}
        </Title>
        <ErrorSummary errors={errors} />
        <Textarea
          id={fieldId('comment')}
          name="comment"
          label={t('grants.review.comment')}
          description={t('grants.review.commentHint')}
          autosize
          minRows={3}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={errorsOf(errors, 'comment')}
        />
        <Group>
          <Button type="submit" loading={review.isPending && review.variables?.decision === 'accept'}>
            {t('grants.review.accept')}
          </Button>
          <Button
            type="button"
            variant="outline"
            color="red"
            loading={review.isPending && review.variables?.decision === 'return'}
            onClick={() => void decide('return')}
          >
            {t('grants.review.return')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
