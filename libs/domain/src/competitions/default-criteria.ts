import { Criterion } from './competition.entity';
import { DEFAULT_CRITERIA as METHODOLOGY } from '../shared/default-criteria';

/** The Presidential Grants Fund's ten criteria (in shared/, so the portal's editor prefills the same list). */
export const DEFAULT_CRITERIA: Criterion[] = METHODOLOGY.map((c) => ({ ...c }));
