import { KINDS as PROTAGONIST_KINDS, type ProtagonistKind } from '../../lib/types';
import { isKind, type ContributionKind } from './types';

/** A reference's kind comes as a plain string; anything unexpected reads as an idea. */
export const asKind = (kind: string): ContributionKind => (isKind(kind) ? kind : 'idea');

/** An author's protagonist kind, as a key of the translated kinds. */
export const protagonistKind = (kind: string): ProtagonistKind => ((PROTAGONIST_KINDS as readonly string[]).includes(kind) ? (kind as ProtagonistKind) : 'other');
