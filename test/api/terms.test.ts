import { expect, it } from 'vitest';
import { canonicalJson, sha256 } from '../../src/server/modules/terms/canonical.js';
import { defaultTerms } from '../../src/server/modules/terms/rules.js';
import type { Terms } from '../../src/server/modules/terms/schemas.js';
import { createInitiative } from '../support/initiatives.js';
import { describeEachDatabase, type Person } from '../support/test-app.js';

interface TermsState { current: { version: number; hash: string; terms: Terms } | null; draft: Terms | null; myAcceptedVersion: number | null }
interface Worsening { code: string; message: string; subject?: string; from?: string; to?: string }
interface History { items: { version: number; hash: string; reason: string | null; acceptedBy: number; terms: Terms; worseForContributors: Worsening[]; diff: { op: string; text: string }[] }[] }

const generous = (): Terms => ({
  ...defaultTerms(),
  rewards: [{ kind: 'cash', amount: 5000, currency: 'EUR', earnedBy: 'The best idea, chosen by the jury.' }],
  revenueShare: { percentage: 2, of: 'net sales of the jacket', durationMonths: 36 },
  exclusivity: 'no',
});

describeEachDatabase('terms', (t) => {
  async function launched(terms: Terms = generous()) {
    const ana = await t().person('Ana');
    const org = await t().org(ana);
    const draft = await createInitiative(t(), ana, org);
    expect((await ana.client.request('PUT', `/api/v1/initiatives/${draft.id}/terms`, terms)).status).toBe(200);
    await ana.client.post(`/api/v1/initiatives/${draft.id}/launch`);
    return { ana, org, id: draft.id };
  }

  it('seals version 1 at launch: canonical JSON and its SHA-256; sealed terms cannot be edited', async () => {
    const { ana, id } = await launched();
    const state = await ana.client.get<TermsState>(`/api/v1/initiatives/${id}/terms`);
    expect(state.body.current).toMatchObject({ version: 1, terms: generous() });
    expect(state.body.current!.hash).toBe(sha256(canonicalJson(generous())));
    expect(state.body.draft).toBeNull();
    const edit = await ana.client.request('PUT', `/api/v1/initiatives/${id}/terms`, defaultTerms());
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({ error: { code: 'terms_sealed' } });
    const row = await t().db.selectFrom('termsVersions').selectAll().where('initiativeId', '=', id).executeTakeFirstOrThrow();
    expect(row.content).toBe(canonicalJson(generous()));
    expect(await t().services.ledger.verify(t().db)).toEqual([]);
  });

  it('detects a tampered version', async () => {
    const { id } = await launched();
    const original = canonicalJson(generous());
    await t().db.updateTable('termsVersions').set({ content: canonicalJson({ ...generous(), exclusivity: 'yes' }) }).where('initiativeId', '=', id).execute();
    try {
      expect(await t().services.ledger.verify(t().db)).toEqual([expect.objectContaining({ initiativeId: id, version: 1 })]);
      // The same terms in other bytes (not canonical) are caught too.
      await t().db.updateTable('termsVersions').set({ content: JSON.stringify(generous(), null, 2) }).where('initiativeId', '=', id).execute();
      expect(await t().services.ledger.verify(t().db)).toEqual([expect.objectContaining({ initiativeId: id, computed: 'not canonical JSON' })]);
    } finally {
      await t().db.updateTable('termsVersions').set({ content: original }).where('initiativeId', '=', id).execute();
    }
  });

  it('gates contributing on accepting the current version, and amendments require accepting again', async () => {
    const { ana, org, id } = await launched();
    const bea: Person = await t().person('Bea');
    await t().join(ana, org, bea, 'member', 'customer');
    const participation = async () => (await bea.client.get<{ actions: Record<string, { allowed: boolean; code: string | null }> }>(`/api/v1/initiatives/${id}/participation`)).body.actions;
    expect((await participation()).tell_experiences).toEqual({ allowed: false, code: 'terms_not_accepted' });
    await expect(t().services.gate.require({ userId: bea.user.id, name: 'Bea', email: bea.user.email, via: 'session', sessionId: null, csrfToken: null }, id, 'tell_experiences')).rejects.toMatchObject({ status: 409, code: 'terms_not_accepted' });

    expect((await bea.client.post(`/api/v1/initiatives/${id}/terms/accept`, { version: 2 })).body).toMatchObject({ error: { code: 'terms_outdated' } });
    const accepted = await bea.client.post(`/api/v1/initiatives/${id}/terms/accept`, { version: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ version: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await participation()).tell_experiences).toEqual({ allowed: true, code: null });
    expect((await participation()).propose_ideas).toEqual({ allowed: false, code: 'phase_closed' });

    const amended = await ana.client.post(`/api/v1/initiatives/${id}/terms/amendments`, { terms: { ...generous(), freeText: 'Now with a workshop.' }, reason: 'Add the workshop' });
    expect(amended.status).toBe(201);
    expect((await participation()).tell_experiences).toEqual({ allowed: false, code: 'terms_not_accepted' });
    await bea.client.post(`/api/v1/initiatives/${id}/terms/accept`, { version: 2 });
    expect((await participation()).tell_experiences!.allowed).toBe(true);
  });

  it('refuses people outside the audience and observers', async () => {
    const { ana, org, id } = await launched();
    const partner = await t().person('Partner');
    const observer = await t().person('Observer');
    await t().join(ana, org, partner, 'member', 'partner');
    await t().join(ana, org, observer, 'observer', 'customer');
    const code = async (p: Person) => (await p.client.get<{ actions: Record<string, { code: string | null }> }>(`/api/v1/initiatives/${id}/participation`)).body.actions.tell_experiences!.code;
    expect(await code(partner)).toBe('not_in_audience');
    expect(await code(observer)).toBe('not_a_participant');
  });

  it('never changes what earlier versions promised: a worse amendment governs only later contributions', async () => {
    const { ana, id } = await launched();
    const worse: Terms = { ...generous(), rewards: [{ kind: 'cash', amount: 1000, currency: 'EUR', earnedBy: 'The best idea.' }], revenueShare: { percentage: 1, of: 'net sales of the jacket', durationMonths: 12 }, ip: { policy: 'assign_to_host' }, exclusivity: 'yes' };
    const v1Hash = (await ana.client.get<TermsState>(`/api/v1/initiatives/${id}/terms`)).body.current!.hash;
    expect((await ana.client.post(`/api/v1/initiatives/${id}/terms/amendments`, { terms: worse, reason: 'Budget cut' })).status).toBe(201);
    // A contribution made under version 1 is still governed by version 1, byte for byte.
    expect(await t().services.terms.termsAt(id, 1)).toEqual(generous());
    expect(await t().services.terms.termsAt(id, 2)).toEqual(worse);
    const history = await ana.client.get<History>(`/api/v1/initiatives/${id}/terms/versions`);
    expect(history.body.items.map((v) => v.version)).toEqual([2, 1]);
    expect(history.body.items[1]!.hash).toBe(v1Hash);
    expect(history.body.items[0]!.reason).toBe('Budget cut');
    expect(history.body.items[0]!.worseForContributors.map(({ code, subject, from, to }) => ({ code, subject, from, to }))).toEqual([
      { code: 'reward_lowered', subject: 'cash', from: '5000 EUR', to: '1000 EUR' },
      { code: 'revenue_share_lowered', subject: undefined, from: '2%', to: '1%' },
      { code: 'revenue_share_shortened', subject: undefined, from: '36', to: '12' },
      { code: 'ip_weakened', subject: undefined, from: 'contributor_retains_with_licence', to: 'assign_to_host' },
      { code: 'exclusivity_weakened', subject: undefined, from: 'no', to: 'yes' },
    ]);
    expect(history.body.items[0]!.worseForContributors[0]!.message).toBe('A cash reward went down from 5000 EUR to 1000 EUR.');
    expect(history.body.items[0]!.terms).toEqual(worse);
    expect(history.body.items[1]!.terms).toEqual(generous());
    expect(history.body.items[1]!.worseForContributors).toEqual([]);
    expect(history.body.items[0]!.diff.some((d) => d.op === 'removed' && d.text.includes('5000'))).toBe(true);
    expect(history.body.items[0]!.diff.some((d) => d.op === 'added' && d.text.includes('1000'))).toBe(true);
    const log = await ana.client.get<{ items: { type: string; payload: Record<string, unknown> }[] }>(`/api/v1/orgs/${(await ana.client.get<{ org: { slug: string } }>(`/api/v1/initiatives/${id}`)).body.org.slug}/events?type=terms.amended`);
    expect(log.body.items[0]!.payload).toMatchObject({ version: 2, reason: 'Budget cut' });
  });

  it('counts acceptances per version', async () => {
    const { ana, org, id } = await launched();
    for (const name of ['A', 'B']) {
      const p = await t().person(name);
      await t().join(ana, org, p, 'member', 'customer');
      await p.client.post(`/api/v1/initiatives/${id}/terms/accept`, { version: 1 });
      await p.client.post(`/api/v1/initiatives/${id}/terms/accept`, { version: 1 });
    }
    const history = await ana.client.get<History>(`/api/v1/initiatives/${id}/terms/versions`);
    expect(history.body.items[0]!.acceptedBy).toBe(2);
  });

  it.each([
    [{ ...generous(), ip: { policy: 'open_licence' } }, '/ip/licence'],
    [{ ...generous(), confidentiality: { mode: 'nda' } }, '/confidentiality/ndaText'],
    [{ ...generous(), rewards: [{ kind: 'cash', earnedBy: 'x' }] }, '/rewards/0'],
    [{ ...generous(), rewards: [{ kind: 'cash', amount: 5, earnedBy: 'x' }] }, '/rewards/0/currency'],
    [{ ...generous(), rewards: [{ kind: 'cash', amount: -5, currency: 'EUR', earnedBy: 'x' }] }, '/rewards/0/amount'],
    [{ ...generous(), rewards: [{ kind: 'cash', amount: 5, currency: 'euro', earnedBy: 'x' }] }, '/rewards/0/currency'],
    [{ ...generous(), revenueShare: { percentage: 120, of: 'sales', durationMonths: null } }, '/revenueShare'],
    [{ ...generous(), exclusivity: 'maybe' }, '/exclusivity'],
    [{ ...generous(), secret: true }, '/secret'],
  ])('rejects bad draft terms naming the field (%#)', async (terms, path) => {
    const ana = await t().person('Ana');
    const org = await t().org(ana);
    const draft = await createInitiative(t(), ana, org);
    const response = await ana.client.request('PUT', `/api/v1/initiatives/${draft.id}/terms`, terms);
    expect(response.status).toBe(422);
    expect(JSON.stringify(response.body)).toContain(path);
  });

  it('requires a reason for an amendment and hosts to amend', async () => {
    const { ana, org, id } = await launched();
    const bea = await t().person('Bea');
    await t().join(ana, org, bea, 'member', 'customer');
    expect((await ana.client.post(`/api/v1/initiatives/${id}/terms/amendments`, { terms: generous() })).status).toBe(422);
    expect((await ana.client.post(`/api/v1/initiatives/${id}/terms/amendments`, { terms: generous(), reason: ' ' })).status).toBe(422);
    expect((await bea.client.post(`/api/v1/initiatives/${id}/terms/amendments`, { terms: generous(), reason: 'mine' })).status).toBe(403);
  });
});
