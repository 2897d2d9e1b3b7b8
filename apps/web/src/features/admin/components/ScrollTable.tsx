import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A wide table that scrolls sideways on a phone; the scrolling region is reachable by keyboard. */
export function ScrollTable({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div role="region" aria-label={t('admin.scrollTable')} tabIndex={0} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
