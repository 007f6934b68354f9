import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { ButtonLink } from '../../components/Button';
import { PageHeader } from '../../components/PageLayout';

/** Hidden and missing initiatives look the same (the API answers 404 for both); signed-out people may log in. */
export function InitiativeNotFound({ path }: { path: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <div className="narrow">
      <PageHeader title={t('initiatives.home.notFoundTitle')} lead={<p>{t('initiatives.home.notFound')}</p>} />
      {user ? <ButtonLink to="/orgs">{t('orgs.list.title')}</ButtonLink> : <ButtonLink to={`/login?next=${encodeURIComponent(path)}`}>{t('nav.login')}</ButtonLink>}
    </div>
  );
}
