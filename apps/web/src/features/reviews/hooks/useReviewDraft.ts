import { useCallback, useEffect, useRef, useState } from 'react';
import type { Review } from './useReviews';
import { useSaveReview } from './useReviews';

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; error: unknown };

const DEBOUNCE_MS = 800;

/**
 * The scores and comment as the expert edits them, saved to the server a moment after each change
 * (PUT /reviews/:id, one request after another). `flush()` saves now and resolves when the server has it.
 */
export function useReviewDraft(review: Review) {
  const save = useSaveReview(review.id);
  const [scores, setScores] = useState<Record<string, number>>(() => ({ ...review.scores }));
  const [comment, setComment] = useState(review.comment ?? '');
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [dirty, setDirty] = useState(false);
  const latest = useRef({ scores, comment });
  latest.current = { scores, comment };
  const dirtyRef = useRef(false);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback((): Promise<void> => {
    const run = async () => {
      if (!dirtyRef.current) return;
      dirtyRef.current = false;
      setDirty(false);
      setState({ kind: 'saving' });
      try {
        await save.mutateAsync({ scores: latest.current.scores, comment: latest.current.comment });
        setState(dirtyRef.current ? { kind: 'saving' } : { kind: 'saved', at: new Date() });
      } catch (error) {
        dirtyRef.current = true;
        setDirty(true);
        setState({ kind: 'failed', error });
        throw error;
      }
    };
    const next = chain.current.then(run, run);
    chain.current = next.catch(() => undefined);
    return next;
  }, [review.id]);

  const change = () => {
    dirtyRef.current = true;
    setDirty(true);
  };

  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => void flush().catch(() => undefined), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [scores, comment, dirty, flush]);

  return {
    scores,
    comment,
    state,
    dirty: dirty || state.kind === 'saving',
    setScore: (code: string, value: number | undefined) => {
      setScores((s) => {
        const next = { ...s };
        if (value === undefined) delete next[code];
        else next[code] = value;
        return next;
      });
      change();
    },
    setComment: (value: string) => {
      setComment(value);
      change();
    },
    flush,
  };
}
