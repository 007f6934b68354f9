import type { Person, TestApp } from './test-app.js';

export interface InitiativeBody {
  id: string;
  status: string;
  termsVersion: number;
  currentPhaseId: string | null;
  phases: { id: string; name: string; actions: string[] }[];
  [key: string]: unknown;
}

let counter = 0;

export const initiativeBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Rain jackets that last',
  slug: `rain-${process.pid}-${++counter}`,
  summary: 'Design the next rain jacket with the people who wear it.',
  vision: 'A jacket you **repair**, not replace.',
  goals: ['Halve returns', 'Double the life of a jacket'],
  object: 'product',
  reach: 'business',
  locus: 'borders',
  adaptability: 'customisable',
  audience: ['customer', 'supplier'],
  visibility: 'public',
  ...overrides,
});

export const PHASES = [
  { name: 'Listen', description: 'Tell us what happened to your jacket.', actions: ['tell_experiences', 'comment', 'support'] },
  { name: 'Ideas', actions: ['propose_ideas', 'build', 'comment', 'support'] },
];

/** A draft initiative of `slug` owned by `host`, with a planned timeline; launched if asked. */
export async function createInitiative(t: TestApp, host: Person, orgSlug: string, options: { launch?: boolean; overrides?: Record<string, unknown> } = {}): Promise<InitiativeBody> {
  const created = await host.client.post<InitiativeBody>(`/api/v1/orgs/${orgSlug}/initiatives`, initiativeBody(options.overrides));
  if (created.status !== 201) throw new Error(`initiative failed: ${created.status} ${JSON.stringify(created.body)}`);
  const planned = await host.client.request<InitiativeBody>('PUT', `/api/v1/initiatives/${created.body.id}/phases`, { phases: PHASES });
  if (planned.status !== 200) throw new Error(`phases failed: ${planned.status} ${JSON.stringify(planned.body)}`);
  if (!options.launch) return planned.body;
  const launched = await host.client.post<InitiativeBody>(`/api/v1/initiatives/${created.body.id}/launch`);
  if (launched.status !== 200) throw new Error(`launch failed: ${launched.status} ${JSON.stringify(launched.body)}`);
  return launched.body;
}
