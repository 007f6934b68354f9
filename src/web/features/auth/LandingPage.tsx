import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { ButtonLink } from '../../components/Button';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { LandingArt } from './LandingArt';
import './landing.css';

const PEOPLE = ['customer', 'employee', 'supplier', 'partner', 'regulator', 'community'] as const;

/** For people who are not signed in: what Moebius is, in three sentences, and the way in. */
export function LandingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('landing.documentTitle'));
  const [params] = useSearchParams();
  return (
    <div className="landing">
      {params.get('account') === 'erased' && <Alert tone="success">{t('account.erase.done')}</Alert>}
      <div className="landing-hero">
        <div className="landing-hero-text">
          <p className="landing-kicker">{t('landing.kicker')}</p>
          <h1 tabIndex={-1}>{t('landing.title')}</h1>
          <p className="landing-lead">{t('landing.p1')}</p>
          <p className="landing-lead">{t('landing.p2')}</p>
          <div className="landing-actions">
            <ButtonLink to="/signup">{t('landing.signup')}</ButtonLink>
            <ButtonLink to="/login" variant="secondary">
              {t('landing.login')}
            </ButtonLink>
          </div>
        </div>
        <LandingArt />
      </div>
      <section className="landing-people" aria-labelledby="landing-people-title">
        <h2 id="landing-people-title">{t('landing.whoTitle')}</h2>
        <ul>
          {PEOPLE.map((kind) => (
            <li key={kind}>
              <span className="landing-person">{t(`kindsPlural.${kind}`)}</span>
              <span className="landing-person-line">{t(`landing.who.${kind}`)}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
