import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { ButtonLink } from '../components/Button';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { Logo } from '../components/Logo';
import { UserMenu } from '../components/UserMenu';
import { useLogout } from '../features/auth/api';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useSession } from './session';
import '../components/Header.css';

export function AppHeader() {
  const { t } = useTranslation();
  const { user } = useSession();
  const logout = useLogout();

  // A full page load to the landing page: nothing of the session stays in memory, and no
  // sign-in guard of the page being left can redirect to the login page first.
  const logOut = () =>
    logout.mutate(undefined, {
      onSettled: () => window.location.replace('/'),
    });

  return (
    <>
      <Link to={user ? '/orgs' : '/'} className="header-brand" aria-label={t('nav.home')}>
        <Logo />
      </Link>
      {user && (
        <nav className="header-nav" aria-label={t('nav.main')}>
          <ul>
            <li>
              <NavLink to="/orgs" end={false}>
                {t('nav.orgs')}
              </NavLink>
            </li>
          </ul>
        </nav>
      )}
      <div className="header-tools">
        <LanguageSwitcher />
        {user && <NotificationBell />}
        {user ? (
          <UserMenu name={user.name} email={user.email}>
            <li>
              <Link to="/account">{t('nav.account')}</Link>
            </li>
            <li>
              <Link to="/notifications">{t('nav.notifications')}</Link>
            </li>
            <li>
              <button type="button" onClick={logOut}>
                {t('nav.logout')}
              </button>
            </li>
          </UserMenu>
        ) : (
          <div className="header-auth">
            <ButtonLink to="/login" variant="secondary" size="sm">
              {t('nav.login')}
            </ButtonLink>
            <ButtonLink to="/signup" variant="primary" size="sm">
              {t('nav.signup')}
            </ButtonLink>
          </div>
        )}
      </div>
    </>
  );
}
