import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageLayout';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { EraseSection } from './EraseSection';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';
import { TokensSection } from './TokensSection';
import { MyHiddenSection } from '../contributions/MyHiddenSection';
import { PreferencesSection } from '../notifications/PreferencesSection';
import './account.css';

export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  const { user } = useSession();
  if (!user) return null;
  return (
    <>
      <PageHeader title={t('account.title')} lead={<p>{t('account.lead', { email: user.email })}</p>} />
      <div className="account-grid">
        <ProfileForm key={user.name} user={user} />
        <PasswordForm />
      </div>
      <PreferencesSection />
      <TokensSection />
      <MyHiddenSection />
      <EraseSection />
    </>
  );
}
