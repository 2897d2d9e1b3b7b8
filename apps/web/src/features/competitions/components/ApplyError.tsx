import { useTranslation } from 'react-i18next';
import { describeError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';

/** Why "Подать заявку" failed, as an error summary (a chunk of its own: see `CompetitionPage`). */
export default function ApplyError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return <ErrorSummary errors={describeError(error, t)} />;
}
