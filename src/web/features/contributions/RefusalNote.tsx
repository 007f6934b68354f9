import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import type { Initiative } from '../initiatives/types';
import type { Refusal } from './participation';
import { TermsGateDialog } from './TermsGate';

/** Why something cannot be done now, in a sentence, with the way through when there is one. */
export function RefusalNote({ refusal, initiative }: { refusal: Refusal; initiative: Initiative }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (refusal === 'unauthorized') {
    return (
      <p>
        <Link to={`/login?next=${encodeURIComponent(window.location.pathname)}`}>{t('contributions.refusal.unauthorized')}</Link>
      </p>
    );
  }
  if (refusal === 'terms_not_accepted') {
    return (
      <>
        <p>{t('contributions.refusal.terms_not_accepted')}</p>
        <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
          {t('initiatives.part.accept')}
        </Button>
        <TermsGateDialog initiative={initiative} open={open} onClose={() => setOpen(false)} />
      </>
    );
  }
  const phase = initiative.phases.find((p) => p.id === initiative.currentPhaseId)?.name ?? '';
  return <p>{t(`contributions.refusal.${refusal}`, { phase })}</p>;
}
