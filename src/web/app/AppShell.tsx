import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { LoadError, Loading } from '../components/Loading';
import { PageLayout } from '../components/PageLayout';
import { errorMessage } from '../lib/errors';
import { AppHeader } from './AppHeader';
import { useSession } from './session';

/** Moves focus to the new page's heading after client-side navigation, as a page load would. */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      const target = document.querySelector<HTMLElement>('#main h1') ?? document.getElementById('main');
      target?.focus({ preventScroll: false });
    });
    window.scrollTo(0, 0);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}

export function AppShell() {
  const { t } = useTranslation();
  const { isLoading, error, refetch } = useSession();
  useFocusOnNavigate();
  return (
    <PageLayout header={<AppHeader />} footer={<p>{t('app.footer')}</p>}>
      {isLoading ? <Loading /> : error ? <LoadError message={errorMessage(t, error)} onRetry={() => void refetch()} /> : <Outlet />}
    </PageLayout>
  );
}
