import { createInitiative, type InitiativeBody } from './initiatives.js';
import type { Person, TestApp } from './test-app.js';

export const ALL_ACTIONS = ['tell_experiences', 'propose_ideas', 'build', 'support', 'comment', 'test'];

export interface ContributionBody {
  id: string;
  kind: string;
  title: string;
  body: string;
  bodyHtml: string;
  status: string;
  tags: string[];
  supportCount: number;
  commentCount: number;
  termsVersion: number;
  revision: number;
  phase: { id: string; name: string };
  mergedInto: { id: string; title: string } | null;
  me: { isAuthor: boolean; canEdit: boolean; canModerate: boolean; supported: boolean; following: boolean; coauthorInvitation: boolean };
  [key: string]: unknown;
}

export interface Room {
  host: Person;
  org: string;
  initiative: InitiativeBody;
  /** A member of `kind` who accepted the terms and may contribute. */
  participant(name: string, kind?: string): Promise<Person>;
  /** Writes a contribution as `person`; throws unless it was created. */
  contribute(person: Person, body: Record<string, unknown>): Promise<ContributionBody>;
}

export const experience = (title: string, extra: Record<string, unknown> = {}) => ({
  kind: 'experience', title, situation: 'On a wet trail in November.', sentiment: 'pain', body: `${title}. It happened on the third day.`, ...extra,
});
export const idea = (title: string, extra: Record<string, unknown> = {}) => ({ kind: 'idea', title, problem: 'Jackets leak at the seams.', body: `${title}: here is how.`, ...extra });

/** An open initiative whose one phase enables every action, with a host who accepted the terms. */
export async function openRoom(t: TestApp, audience: string[] = ['customer', 'supplier', 'community']): Promise<Room> {
  const host = await t.person('Host');
  const org = await t.org(host);
  const draft = await createInitiative(t, host, org, { overrides: { audience } });
  const planned = await host.client.request('PUT', `/api/v1/initiatives/${draft.id}/phases`, { phases: [{ name: 'Open', actions: ALL_ACTIONS }] });
  if (planned.status !== 200) throw new Error(`phases failed: ${planned.status}`);
  const launched = await host.client.post<InitiativeBody>(`/api/v1/initiatives/${draft.id}/launch`);
  if (launched.status !== 200) throw new Error(`launch failed: ${launched.status} ${JSON.stringify(launched.body)}`);
  const accept = async (person: Person) => {
    const accepted = await person.client.post(`/api/v1/initiatives/${draft.id}/terms/accept`, { version: launched.body.termsVersion });
    if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  };
  await accept(host);
  return {
    host,
    org,
    initiative: launched.body,
    async participant(name, kind = 'customer') {
      const person = await t.person(name);
      await t.join(host, org, person, 'member', kind);
      await accept(person);
      return person;
    },
    async contribute(person, body) {
      const created = await person.client.post<ContributionBody>(`/api/v1/initiatives/${draft.id}/contributions`, body);
      if (created.status !== 201) throw new Error(`contribution failed: ${created.status} ${JSON.stringify(created.body)}`);
      return created.body;
    },
  };
}

/** An open room where Ana wrote one contribution still shown and one the hosts hid. */
export async function roomWithHidden(t: TestApp): Promise<{ room: Room; ana: Person; kept: ContributionBody; hidden: ContributionBody }> {
  const room = await openRoom(t);
  const ana = await room.participant('Ana');
  const kept = await room.contribute(ana, idea('Kept in view'));
  const hidden = await room.contribute(ana, idea('Hidden by the hosts'));
  const hid = await room.host.client.post(`/api/v1/contributions/${hidden.id}/hide`, { reason: 'Off topic here.' });
  if (hid.status !== 200) throw new Error(`hide failed: ${hid.status} ${JSON.stringify(hid.body)}`);
  return { room, ana, kept, hidden };
}
