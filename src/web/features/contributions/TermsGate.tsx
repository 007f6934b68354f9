import { useSession } from '../../app/session';
import { AcceptTermsDialog } from '../initiatives/AcceptTermsDialog';
import { useParticipation, useTerms } from '../initiatives/api';
import type { Initiative } from '../initiatives/types';

/** The accept-terms dialog wherever a contribution needs the current terms accepted first. */
export function TermsGateDialog({ initiative, open, onClose }: { initiative: Initiative; open: boolean; onClose: () => void }) {
  const { user } = useSession();
  const terms = useTerms(initiative.id);
  const part = useParticipation(initiative.id, user !== null && initiative.status === 'open');
  const current = terms.data?.current ?? null;
  if (!current) return null;
  return <AcceptTermsDialog initiative={initiative} terms={current} acceptedVersion={part.data?.acceptedVersion ?? null} open={open} onClose={onClose} />;
}
