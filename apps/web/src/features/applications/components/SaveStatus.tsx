import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../../api/client';
import type { SaveState } from '../hooks/useAutosave';

/** "Сохранено в 14:32", or what keeps the draft from the server, said politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  let text = '';
  let color: string | undefined = 'dimmed';
  switch (state.kind) {
    case 'idle':
      text = t('draft.save.idle');
      break;
    case 'pending':
      text = t('draft.save.pending');
      break;
    case 'saving':
      text = t('draft.save.saving');
      break;
    case 'saved':
      text = t('draft.save.saved', {
        time: state.at.toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' }),
      });
      color = '#1b5e20';
      break;
    case 'failed': {
      const e = state.error;
      color = 'red.9';
      if (e instanceof NetworkError) text = t('draft.save.offline');
      else if (e instanceof ApiError && e.status === 503) text = t('draft.save.unavailable');
      else if (e instanceof ApiError && e.status === 400) text = t('draft.save.invalid');
      else if (e instanceof ApiError && e.status === 401) text = t('draft.save.expired');
      else if (e instanceof ApiError && e.status === 409) text = t('draft.save.notEditable');
      else text = t('draft.save.failed');
    }
  }
  return (
    <Text size="sm" c={color} fw={500} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </Text>
  );
}
