import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { components } from '../../../api/schema';
import type { Application } from './useApplication';

type Patch = components['schemas']['UpdateApplicationDto'];

/** How long after the last keystroke the draft goes to the server. */
export const AUTOSAVE_DELAY_MS = 1200;

const storageKey = (id: string, section: string) => `grants.draft.${id}.${section}`;

/** The unsaved form of a section kept in this tab (survives a reload and a trip through the login page). */
export const unsavedForm = {
  read<T>(id: string, section: string): T | null {
    try {
      const raw = sessionStorage.getItem(storageKey(id, section));
      return raw ? (JSON.parse(raw) as T) : null;
    } catch {
      return null;
    }
  },
  write(id: string, section: string, form: unknown) {
    try {
      sessionStorage.setItem(storageKey(id, section), JSON.stringify(form));
    } catch {
      // Storage full or disabled: the server copy and the open page still hold it.
    }
  },
  clear(id: string, section: string) {
    try {
      sessionStorage.removeItem(storageKey(id, section));
    } catch {
      // nothing to clear
    }
  },
};

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; error: unknown };

/**
 * A section's form that saves itself: every change is kept in sessionStorage at once and PATCHed
 * after a pause; what the server refused stays in the form with the server's error. `toPatch` turns
 * the form into the request (or `null` while nothing valid can be sent). Leaving with unsaved
 * changes asks first; leaving the page inside the portal sends what is pending.
 */
export function useAutosave<F>({
  application,
  section,
  initial,
  toPatch,
}: {
  application: Application;
  section: string;
  initial: (a: Application) => F;
  toPatch: (form: F) => Patch | null;
}) {
  const id = application.id;
  const queryClient = useQueryClient();
  const [form, setFormState] = useState<F>(() => unsavedForm.read<F>(id, section) ?? initial(application));
  const restored = useRef(unsavedForm.read<F>(id, section) !== null);
  const [state, setState] = useState<SaveState>(() => (restored.current ? { kind: 'pending' } : { kind: 'idle' }));
  const latest = useRef(form);
  const dirty = useRef(restored.current);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);

  const save = useMutation({
    mutationFn: (body: Patch) =>
      unwrap(api.PATCH('/api/v1/applications/{id}', { params: { path: { id } }, body })) as Promise<Application>,
  });

  // Stable references, so `flush` (and the effects using it) never change while the page is open.
  const toPatchRef = useRef(toPatch);
  toPatchRef.current = toPatch;
  const mutateRef = useRef(save.mutateAsync);
  mutateRef.current = save.mutateAsync;

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (!dirty.current || inFlight.current) return;
    const sent = latest.current;
    const body = toPatchRef.current(sent);
    if (!body) {
      setState({ kind: 'pending' });
      return;
    }
    inFlight.current = true;
    setState({ kind: 'saving' });
    try {
      const saved = await mutateRef.current(body);
      queryClient.setQueryData(keys.application(id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.checklist(id) });
      if (latest.current === sent) {
        dirty.current = false;
        unsavedForm.clear(id, section);
        setState({ kind: 'saved', at: new Date() });
      } else {
        setState({ kind: 'pending' });
      }
    } catch (error) {
      // A 401 sends the person to the login page (app.tsx); the form waits in sessionStorage.
      setState({ kind: 'failed', error });
      inFlight.current = false;
      if (error instanceof ApiError && error.status === 400) return;
      // No connection or a 503: try again a little later, nothing typed is lost.
      if (!(error instanceof ApiError && (error.status === 401 || error.status === 409)))
        timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS * 5);
      return;
    }
    inFlight.current = false;
    if (dirty.current && latest.current !== sent) timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [id, section, queryClient]);

  const setForm = useCallback(
    (update: (previous: F) => F) => {
      setFormState((previous) => {
        const next = update(previous);
        latest.current = next;
        return next;
      });
      dirty.current = true;
      setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  // Kept in the tab at every change, so a reload or an expired session loses nothing.
  useEffect(() => {
    if (dirty.current) unsavedForm.write(id, section, form);
  }, [form, id, section]);

  // A restored form (after a reload or the login page) goes to the server at once.
  useEffect(() => {
    if (restored.current) void flush();
  }, [flush]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      // Leaving the section inside the portal: send what is pending (the tab copy stays until saved).
      if (dirty.current) void flush();
    };
  }, [flush]);

  return { form, setForm, state, flush, dirty: () => dirty.current };
}
