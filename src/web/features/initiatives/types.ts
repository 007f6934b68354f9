/** The initiative API's shapes, taken from the server's TypeBox schemas. */
import type { Initiative, Phase, PhaseAction } from '../../../server/modules/initiatives/schemas.js';
import type { Terms, TermsVersion, Reward, HistoryItem, Worsening } from '../../../server/modules/terms/schemas.js';
import type { Need, SharedAsset, AssetAccess } from '../../../server/modules/needs/schemas.js';
import type { Participation } from '../../../server/modules/initiatives/participation.js';
import type { StyleMap } from '../../../server/modules/initiatives/style-map.js';

export type { Initiative, Phase, PhaseAction, Terms, TermsVersion, Reward, HistoryItem, Worsening, Need, SharedAsset, AssetAccess, Participation, StyleMap };

export type InitiativeSummary = Omit<Initiative, 'phases' | 'vision'>;
export type Locus = Initiative['locus'];
export type Adaptability = Initiative['adaptability'];
export type InitiativeObject = Initiative['object'];
export type Reach = Initiative['reach'];
export type InitiativeVisibility = Initiative['visibility'];
export type InitiativeStatus = Initiative['status'];

export const LOCI = ['firm', 'borders', 'community', 'third_party'] as const satisfies readonly Locus[];
export const ADAPTABILITIES = ['standard', 'customisable', 'personal'] as const satisfies readonly Adaptability[];
export const OBJECTS = ['product', 'service', 'business_model', 'operational_process', 'management_process'] as const satisfies readonly InitiativeObject[];
export const REACHES = ['process', 'business', 'ecosystem'] as const satisfies readonly Reach[];
export const INITIATIVE_VISIBILITIES = ['public', 'org', 'invite_only'] as const satisfies readonly InitiativeVisibility[];
export const ACTIONS = ['tell_experiences', 'propose_ideas', 'build', 'support', 'comment', 'test'] as const satisfies readonly PhaseAction[];
export const IP_POLICIES = ['contributor_retains_with_licence', 'assign_to_host', 'open_licence', 'joint'] as const satisfies readonly Terms['ip']['policy'][];
export const REWARD_KINDS = ['cash', 'points', 'royalty', 'recognition', 'other'] as const satisfies readonly Reward['kind'][];
export const EXCLUSIVITY = ['yes', 'no', 'with_consent'] as const satisfies readonly Terms['exclusivity'][];
export const ASSET_ACCESS = ['everyone', 'participants', 'stewards'] as const satisfies readonly AssetAccess[];

export interface TermsState {
  initiativeId: string;
  current: TermsVersion | null;
  draft: Terms | null;
  myAcceptedVersion: number | null;
}


export interface PhaseInput {
  name: string;
  description?: string;
  startsOn?: string | null;
  endsOn?: string | null;
  actions: PhaseAction[];
}
