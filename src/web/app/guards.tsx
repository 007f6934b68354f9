import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { useSession } from './session';

/** Only a path on this site, never `//elsewhere` or a full URL. */
export function safeNext(next: string | null): string | null {
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

/** Pages for signed-in people; others go to log in and come back afterwards. */
export function RequireAuth() {
  const { user } = useSession();
  const location = useLocation();
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Landing, login and signup: a signed-in person goes straight to where they were heading. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const [params] = useSearchParams();
  if (user) return <Navigate to={safeNext(params.get('next')) ?? '/orgs'} replace />;
  return <>{children}</>;
}
