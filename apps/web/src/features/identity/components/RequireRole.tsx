import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { type Role, useMe } from '../hooks/useMe';

/**
 * A page for signed-in people (of the given roles): a visitor goes to /login?next=<here> and comes
 * back; someone of another role sees "not found", as for anything they may not see.
 */
export function RequireRole({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const me = useMe();
  const { pathname, search } = useLocation();
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(pathname + search)}`} replace />;
  if (roles && !roles.includes(me.data.role)) return <NotFoundPage />;
  return children;
}
