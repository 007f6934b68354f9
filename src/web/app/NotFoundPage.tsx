import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/Button';
import { PageHeader } from '../components/PageLayout';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="narrow">
      <PageHeader title={t('notFound.title')} lead={<p>{t('notFound.body')}</p>} />
      <ButtonLink to="/">{t('notFound.home')}</ButtonLink>
    </div>
  );
}
