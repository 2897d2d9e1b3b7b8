/**
 * A request answered 401 while someone was signed in: the session expired (or was ended elsewhere).
 * The query cache reports it here; the router listens and sends the person to /login?next=….
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export const sessionEvents = {
  expired() {
    for (const listener of listeners) listener();
  },
  onExpired(listener: Listener) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};

/** Only same-site paths may be a `next`: never `//evil.example` or `https://…`. */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}
