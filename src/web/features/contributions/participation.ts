import { useSession } from '../../app/session';
import { useParticipation } from '../initiatives/api';
import type { Initiative, PhaseAction } from '../initiatives/types';

export type Refusal = 'terms_not_accepted' | 'phase_closed' | 'not_in_audience' | 'not_a_participant' | 'initiative_not_open' | 'unauthorized' | 'blocked' | 'other';
const REFUSALS: readonly string[] = ['terms_not_accepted', 'phase_closed', 'not_in_audience', 'not_a_participant', 'initiative_not_open', 'unauthorized', 'blocked'];

export interface Ability {
  allowed: boolean;
  /** Why not, when not; 'terms_not_accepted' is the one a person can fix at once. */
  refusal: Refusal | null;
}

/** What the signed-in person may do now in an initiative, action by action (from the participation gate). */
export function useAbilities(initiative: Initiative | undefined) {
  const { user } = useSession();
  const part = useParticipation(initiative?.id ?? '', user !== null && initiative?.status === 'open');
  const can = (action: PhaseAction): Ability => {
    if (!user) return { allowed: false, refusal: 'unauthorized' };
    if (initiative?.status !== 'open') return { allowed: false, refusal: 'initiative_not_open' };
    const state = part.data?.actions[action];
    if (!state) return { allowed: false, refusal: null };
    const code = state.code;
    return { allowed: state.allowed, refusal: state.allowed ? null : code !== null && REFUSALS.includes(code) ? (code as Refusal) : 'other' };
  };
  return { can, loaded: part.data !== undefined || !user || initiative?.status !== 'open', participation: part.data };
}
