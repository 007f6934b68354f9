import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { Button, ButtonLink } from '../../components/Button';
import { AcceptTermsDialog } from './AcceptTermsDialog';
import { useParticipation, useTerms } from './api';
import { ACTIONS, type Initiative } from './types';

type KnownCode = 'terms_not_accepted' | 'phase_closed' | 'not_in_audience' | 'not_a_participant' | 'initiative_not_open' | 'unauthorized' | 'blocked';
const KNOWN: readonly string[] = ['terms_not_accepted', 'phase_closed', 'not_in_audience', 'not_a_participant', 'initiative_not_open', 'unauthorized', 'blocked'] satisfies KnownCode[];
const WRITE_ACTIONS = [
  { kind: 'experience', action: 'tell_experiences' },
  { kind: 'idea', action: 'propose_ideas' },
  { kind: 'build', action: 'build' },
] as const;
const isKnown = (code: string | null): code is KnownCode => code !== null && KNOWN.includes(code);

/** What you can do in the current phase, and the way through the terms if they stand in the way. */
export function YourPart({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const part = useParticipation(initiative.id, user !== null && initiative.status === 'open');
  const terms = useTerms(initiative.id);
  if (initiative.status !== 'open') return null;
  if (!user) {
    return (
      <section className="card side-card" aria-labelledby="your-part">
        <h2 id="your-part">{t('initiatives.part.title')}</h2>
        <p>
          <Link to={`/login?next=${encodeURIComponent(`/initiatives/${initiative.id}`)}`}>{t('initiatives.part.login')}</Link>
        </p>
      </section>
    );
  }
  if (!part.data) return null;
  const actions = ACTIONS.map((a) => ({ action: a, ...(part.data.actions[a] ?? { allowed: false, code: null }) }));
  const needsTerms = actions.some((a) => a.code === 'terms_not_accepted');
  // The kinds of contribution the phase invites and this person may write now.
  const writable = WRITE_ACTIONS.filter((w) => actions.some((a) => a.action === w.action && a.allowed));
  const current = terms.data?.current ?? null;
  return (
    <section className="card side-card" aria-labelledby="your-part">
      <h2 id="your-part">{t('initiatives.part.title')}</h2>
      {part.data.phase && <p className="muted">{t('initiatives.part.phase', { phase: part.data.phase.name })}</p>}
      {needsTerms && current && (
        <Alert tone="warning" action={<Button onClick={() => setOpen(true)}>{t('initiatives.part.accept')}</Button>}>
          {part.data.acceptedVersion ? t('initiatives.part.amended', { version: current.version }) : t('initiatives.part.mustAccept', { version: current.version })}
        </Alert>
      )}
      {!needsTerms && part.data.acceptedVersion !== null && <p className="muted">{t('initiatives.part.accepted', { version: part.data.acceptedVersion })}</p>}
      <ul className="part-list">
        {actions.map((a) => (
          <li key={a.action} className={a.allowed ? 'part-allowed' : 'part-denied'}>
            <span aria-hidden="true">{a.allowed ? '✓' : '–'}</span> {t(`initiatives.actions.${a.action}`)}
            <span className="visually-hidden">: {a.allowed ? t('initiatives.part.allowed') : t('initiatives.part.notAllowed')}</span>
            {!a.allowed && <span className="muted"> ({t(`initiatives.part.codes.${isKnown(a.code) ? a.code : 'other'}`)})</span>}
          </li>
        ))}
      </ul>
      {writable.length > 0 && (
        <div className="host-actions part-write">
          {writable.map((w, n) => (
            <ButtonLink key={w.kind} variant={n === 0 ? 'primary' : 'secondary'} to={`/initiatives/${initiative.id}/contribute?kind=${w.kind}`}>
              {t(`contributions.write.${w.kind}`)}
            </ButtonLink>
          ))}
        </div>
      )}
      {current && <AcceptTermsDialog initiative={initiative} terms={current} acceptedVersion={part.data.acceptedVersion} open={open} onClose={() => setOpen(false)} />}
    </section>
  );
}
