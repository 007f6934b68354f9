import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './responses.css';

/** The way to "What we did with your input", as a card: the loop closes where people look. */
export function AccountabilityLink({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  return (
    <section className="card side-card accountability-link" aria-labelledby="accountability-link-title">
      <h2 id="accountability-link-title">
        <Link to={`/initiatives/${initiativeId}/accountability`}>{t('responses.accountability.title')}</Link>
      </h2>
      <p className="muted">{t('responses.accountability.linkLead')}</p>
    </section>
  );
}
