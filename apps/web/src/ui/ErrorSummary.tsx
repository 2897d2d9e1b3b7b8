import { lazy, Suspense, useEffect } from 'react';
import { Text } from '@mantine/core';
import type { FieldError } from './errors';

/**
 * The summary itself (Mantine's Alert and List) is a chunk of its own, so a form page's first load does
 * not carry it: it loads at the person's first focus, click or key press on the page (before any
 * submit can fail), or when errors show. If even that load failed, the connection is gone: the messages
 * show plainly (no connection is one of them), still announced.
 */
const loadAlert = () => import('./ErrorSummaryAlert');
const ErrorSummaryAlert = lazy(() => loadAlert().catch(() => ({ default: PlainSummary })));
const FIRST_TOUCH = ['focusin', 'pointerdown', 'keydown'] as const;

function PlainSummary({ errors }: { errors: FieldError[] }) {
  return (
    <div role="alert">
      {errors.map((error, i) => (
        <Text key={i} c="red.9" fw={600}>
          {error.message}
        </Text>
      ))}
    </div>
  );
}

/**
 * GOV.UK's error summary at the top of a form: "Есть ошибки", each problem a link to its field, focus
 * moved there when errors appear (see `ErrorSummaryAlert`). Nothing when there are no errors.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  useEffect(() => {
    const preload = () => {
      for (const type of FIRST_TOUCH) document.removeEventListener(type, preload, true);
      loadAlert().catch(() => undefined);
    };
    for (const type of FIRST_TOUCH) document.addEventListener(type, preload, true);
    return () => {
      for (const type of FIRST_TOUCH) document.removeEventListener(type, preload, true);
    };
  }, []);
  if (!errors.length) return null;
  return (
    <Suspense fallback={null}>
      <ErrorSummaryAlert errors={errors} />
    </Suspense>
  );
}
