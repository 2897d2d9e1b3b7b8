import { Injectable } from '@nestjs/common';
import { Actor } from '../shared/roles';

export interface CloseResult {
  closed: boolean;
  submitted: number;
  notSubmitted: number;
}

/**
 * Ends submission for a competition: open → review, submitted → under_review,
 * draft → not_submitted, with notifications; one transaction, idempotent.
 */
@Injectable()
export class SubmissionCloser {
  async close(
    _competitionId: string,
    _options: { actor: Actor | 'system'; expectedDeadline?: Date },
  ): Promise<CloseResult> {
    throw new Error('SubmissionCloser.close is not implemented yet');
  }
}
