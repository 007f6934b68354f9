import type { InitiativeFields } from '../api';
import { emptyTerms } from '../terms-form';
import type { Initiative, PhaseInput, Terms } from '../types';

export const STEPS = ['vision', 'audience', 'phases', 'terms', 'review'] as const;
export type Step = (typeof STEPS)[number];

/** Everything the wizard holds while someone types; saved step by step, never thrown away on an error. */
export interface WizardState {
  fields: InitiativeFields & { slug: string };
  goalsText: string;
  phases: PhaseInput[];
  terms: Terms;
}

export const newState = (): WizardState => ({
  fields: {
    title: '', slug: '', summary: '', vision: '', goals: [], object: 'product', reach: 'process',
    locus: 'borders', adaptability: 'standard', audience: ['customer'], visibility: 'org',
  },
  goalsText: '',
  phases: [{ name: '', description: '', startsOn: null, endsOn: null, actions: ['tell_experiences', 'propose_ideas', 'comment', 'support'] }],
  terms: emptyTerms(),
});

export const stateOf = (initiative: Initiative, terms: Terms | null): WizardState => ({
  fields: {
    title: initiative.title, slug: initiative.slug, summary: initiative.summary, vision: initiative.vision, goals: initiative.goals,
    object: initiative.object, reach: initiative.reach, locus: initiative.locus, adaptability: initiative.adaptability,
    audience: initiative.audience, visibility: initiative.visibility,
  },
  goalsText: initiative.goals.join('\n'),
  phases: initiative.phases.length > 0
    ? initiative.phases.map((p) => ({ name: p.name, description: p.description, startsOn: p.startsOn, endsOn: p.endsOn, actions: p.actions }))
    : newState().phases,
  terms: terms ?? emptyTerms(),
});

export const goalsOf = (text: string) => text.split('\n').map((g) => g.trim()).filter((g) => g !== '');

/** Phases as the API wants them: no empty description, no empty dates. */
export const cleanPhases = (phases: PhaseInput[]): PhaseInput[] =>
  phases.map((p) => ({ name: p.name.trim(), description: p.description?.trim() ?? '', startsOn: p.startsOn || null, endsOn: p.endsOn || null, actions: p.actions }));
