import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTerms } from './api';
import { PlainTerms, shortHash } from './PlainTerms';
import type { Initiative } from './types';

/** "What you agree to": the sealed terms in force, in plain words, with their version and fingerprint. */
export function AgreeSection({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const terms = useTerms(initiative.id);
  const current = terms.data?.current ?? null;
  const draft = terms.data?.draft ?? null;
  return (
    <section className="card agree" aria-labelledby="agree-title">
      <h2 id="agree-title">{t('initiatives.agree.title')}</h2>
      <p className="muted">{t('initiatives.agree.lead')}</p>
      {current ? (
        <>
          <p className="agree-version">
            <strong>{t('initiatives.agree.version', { version: current.version })}</strong> ·{' '}
            <span className="mono">{t('initiatives.agree.hash', { hash: shortHash(current.hash) })}</span> ·{' '}
            <Link to={`/initiatives/${initiative.id}/terms`}>{t('initiatives.agree.seeAll')}</Link>
          </p>
          <PlainTerms terms={current.terms} orgName={initiative.org.name} />
        </>
      ) : (
        <>
          <p>{t('initiatives.agree.notSealed')}</p>
          {draft && <PlainTerms terms={draft} orgName={initiative.org.name} />}
        </>
      )}
    </section>
  );
}
