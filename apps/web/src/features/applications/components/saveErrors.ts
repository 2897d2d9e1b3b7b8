import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client';
import { describeError, type FieldError } from '../../../ui/errors';
import type { SaveState } from '../hooks/useAutosave';

/** The server's refusal of a save, each message beside its field (list cells named by row and column). */
export function saveErrors(state: SaveState, t: TFunction): FieldError[] {
  if (state.kind !== 'failed') return [];
  // No connection, a 503 or an expired session: the save status says it; the form keeps everything.
  if (!(state.error instanceof ApiError) || [401, 503].includes(state.error.status)) return [];
  return describeError(state.error, t).map((e) => {
    const cell = e.field && /^(budgetLines|expectedResults)\.(\d+)\.(\w+)$/.exec(e.field);
    if (!cell) return e;
    return {
      field: e.field,
      message: t('draft.cellInvalid', { row: Number(cell[2]) + 1, column: t(`draft.columns.${cell[3]}`) }),
    };
  });
}
