import { useEffect, useId, useRef } from 'react';
import { Alert, Anchor, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldError } from './errors';
import { fieldId } from './fields';

/**
 * GOV.UK's error summary: "Есть ошибки" at the top of the form, each problem a link to its field,
 * focus moved here when errors appear so keyboard and screen-reader users hear them first.
 * Pages use it through `ErrorSummary`, which loads this chunk only when it may be needed.
 */
export default function ErrorSummaryAlert({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Its own id: a page may hold two forms (a report and its file upload), each with its summary.
  const titleId = useId();
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      color="red"
      variant="light"
      title={<span id={titleId}>{t('errors.summaryTitle')}</span>}
      mb="lg"
      styles={{ root: { borderLeft: '5px solid var(--mantine-color-red-7)' } }}
    >
      <List spacing={4} size="sm">
        {errors.map((error, i) => (
          <List.Item key={i}>
            {error.field ? (
              <Anchor
                href={`#${fieldId(error.field)}`}
                c="red.9"
                fw={600}
                onClick={(event) => {
                  const target = document.getElementById(fieldId(error.field!));
                  if (target) {
                    event.preventDefault();
                    target.focus();
                    target.scrollIntoView({ block: 'center' });
                  }
                }}
              >
                {error.message}
              </Anchor>
            ) : (
              error.message
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
