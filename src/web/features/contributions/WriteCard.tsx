import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { ButtonLink } from '../../components/Button';
import type { Initiative } from '../initiatives/types';
import { FollowInitiativeButton } from './FollowButtons';
import { useAbilities } from './participation';
import { RefusalNote } from './RefusalNote';
import { ACTION_OF_KIND, KINDS } from './types';

/** "Add your voice": the kinds the current phase invites, the terms if they stand in the way, and following. */
export function WriteCard({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { can, loaded } = useAbilities(initiative);
  if (initiative.status !== 'open') return null;
  const compose = `/initiatives/${initiative.id}/contribute`;
  if (!user) {
    return (
      <section className="card side-card" aria-labelledby="write-title">
        <h2 id="write-title">{t('contributions.write.title')}</h2>
        <p>
          <Link to={`/login?next=${encodeURIComponent(window.location.pathname)}`}>{t('contributions.write.login')}</Link>
        </p>
      </section>
    );
  }
  if (!loaded) return null;
  const abilities = KINDS.map((kind) => ({ kind, ...can(ACTION_OF_KIND[kind]) }));
  const offered = abilities.filter((a) => a.allowed || a.refusal === 'terms_not_accepted');
  const needsTerms = offered.some((a) => a.refusal === 'terms_not_accepted');
  const firstRefusal = abilities.find((a) => a.refusal !== null)?.refusal ?? 'other';
  return (
    <section className="card side-card write-card" aria-labelledby="write-title">
      <h2 id="write-title">{t('contributions.write.title')}</h2>
      {offered.length > 0 ? (
        <>
          <p className="muted">{t('contributions.write.lead')}</p>
          {needsTerms && (
            <div className="write-terms">
              <RefusalNote refusal="terms_not_accepted" initiative={initiative} />
            </div>
          )}
          <div className="host-actions">
            {offered.map((a, n) => (
              <ButtonLink key={a.kind} variant={n === 0 ? 'primary' : 'secondary'} to={`${compose}?kind=${a.kind}`}>
                {t(`contributions.write.${a.kind}`)}
              </ButtonLink>
            ))}
          </div>
        </>
      ) : (
        <RefusalNote refusal={firstRefusal} initiative={initiative} />
      )}
      <FollowInitiativeButton initiativeId={initiative.id} />
    </section>
  );
}
