import type { Services } from '../app.js';
import type { Actor } from '../lib/actor.js';
import { defaultTerms } from '../modules/terms/rules.js';
import type { Terms } from '../modules/terms/schemas.js';

/** A one-page PDF written by hand, so the demo needs no binary files. */
const FIELD_TEST_PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
  '4 0 obj << /Length 88 >> stream',
  'BT /F1 18 Tf 72 770 Td (Field test protocol: 30 testers, 6 weeks, 3 trails.) Tj ET',
  'endstream endobj',
  '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
].join('\n');

const rainTerms: Terms = {
  ...defaultTerms(),
  rewards: [
    { kind: 'cash', amount: 5000, currency: 'EUR', earnedBy: 'The idea the jury picks for the next jacket.' },
    { kind: 'recognition', earnedBy: 'Everyone whose experience or idea shaped the jacket is named on its label page.' },
  ],
  revenueShare: { percentage: 2, of: 'net sales of the resulting jacket', durationMonths: 36 },
  exclusivity: 'with_consent',
  coInvestment: [{ party: 'Kwame Mensah (supplier)', invests: 'Fabric samples and two days of lab testing' }],
  killCriteria: ['Fewer than 40 experiences by the end of Listen', 'Prototype return rate above 8% in the field test'],
  dataUse: 'Experiences are used for this initiative only and quoted only with the author’s name.',
};

const repairTerms: Terms = {
  ...defaultTerms(),
  rewards: [{ kind: 'points', amount: 100, earnedBy: 'Each idea the repair team tries in a shop; points buy repairs.' }],
  ip: { policy: 'open_licence', licence: 'CC-BY-4.0' },
  exclusivity: 'no',
  killCriteria: ['Fewer than 3 partner shops sign up by the end of the pilot'],
};

/** Two launched initiatives with amended terms and one draft, so the charter can be seen at once. */
export async function seedInitiatives(services: Services, ana: Actor, orgSlug: string, people: { chloe: Actor; jonas: Actor; kwame: Actor; lars: Actor }): Promise<{ rain: string; repair: string }> {
  const { chloe, jonas } = people;
  const rain = await services.initiatives.create(ana, orgSlug, {
    title: 'Rain jackets that last',
    slug: 'rain-jackets',
    summary: 'Design our next rain jacket with the people who wear it, make it and repair it.',
    vision: 'A jacket you **repair**, not replace.\n\nWe want a jacket that keeps you dry for ten years — and we cannot get there alone.',
    goals: ['Halve returns for leaks', 'Double the life of a jacket', 'Make every part replaceable'],
    object: 'product', reach: 'business', locus: 'borders', adaptability: 'customisable',
    audience: ['customer', 'supplier', 'community', 'employee'], visibility: 'public',
  });
  await services.lifecycle.setPhases(ana, rain.id, { phases: [
    { name: 'Listen', description: 'Tell us what happened to your jacket.', startsOn: '2026-11-01', endsOn: '2026-12-15', actions: ['tell_experiences', 'comment', 'support'] },
    { name: 'Ideas', description: 'Propose and build on ideas.', startsOn: '2026-12-16', endsOn: '2027-02-01', actions: ['propose_ideas', 'build', 'comment', 'support'] },
    { name: 'Field test', description: 'Wear the prototype on the trail.', startsOn: '2027-02-02', endsOn: '2027-04-01', actions: ['test', 'comment'] },
  ] });
  await services.terms.putDraft(ana, rain.id, rainTerms);
  await services.lifecycle.launch(ana, rain.id);
  // Chloé and Jonas accept version 1; after the amendment Chloé accepts again, Jonas has yet to.
  await services.terms.accept(chloe, rain.id, 1);
  await services.terms.accept(jonas, rain.id, 1);
  await services.terms.amend(ana, rain.id, {
    terms: { ...rainTerms, rewards: [...rainTerms.rewards, { kind: 'cash', amount: 1000, currency: 'EUR', earnedBy: 'A second prize for the best build on another person’s idea.' }] },
    reason: 'Members asked to reward builds too: a second prize of 1,000 EUR.',
  });
  await services.terms.accept(chloe, rain.id, 2);
  await services.needs.createNeed(ana, rain.id, {
    title: 'Taped seams peel off after a cold winter',
    problem: 'One jacket in six comes back because the seam tape lets go below −5 °C.',
    context: 'Returns 2024–2026, mostly from the northern trails.',
    tried: 'Three tape suppliers and a thicker tape; the thicker tape made the jacket stiff.',
    constraints: 'No PFAS; the jacket must still pack into its own pocket.',
  });
  await services.needs.createAsset(ana, rain.id, { title: 'Returns data 2024–2026 (anonymised)', description: 'Every leak return with temperature and trail.', url: 'https://example.org/acme/returns.csv', access: 'participants' });
  await services.needs.createFileAsset(ana, rain.id, { title: 'Field test protocol (PDF)', description: 'How the prototype will be tested on the trail.', access: 'everyone' }, { bytes: Buffer.from(FIELD_TEST_PDF), name: 'field-test-protocol.pdf' });
  await services.needs.createAsset(ana, rain.id, { title: 'Current jacket pattern', description: 'The cutting pattern of the current model.', url: 'https://example.org/acme/pattern.pdf', access: 'everyone' });

  const repair = await services.initiatives.create(ana, orgSlug, {
    title: 'A repair service on every trail',
    slug: 'trail-repair',
    summary: 'With hiking clubs and partner shops, fix gear where people walk.',
    vision: 'Broken gear should never end a hike, nor end up in a bin.',
    goals: ['Ten partner shops on the main trails', 'Repairs within 48 hours'],
    object: 'service', reach: 'ecosystem', locus: 'community', adaptability: 'personal',
    audience: ['customer', 'community', 'partner'], visibility: 'public',
  });
  await services.lifecycle.setPhases(ana, repair.id, { phases: [
    { name: 'Ideas', actions: ['tell_experiences', 'propose_ideas', 'build', 'comment', 'support'] },
    { name: 'Pilot', actions: ['test', 'comment'] },
  ] });
  await services.terms.putDraft(ana, repair.id, repairTerms);
  await services.lifecycle.launch(ana, repair.id);
  await services.terms.amend(ana, repair.id, {
    terms: { ...repairTerms, rewards: repairTerms.rewards.map((r) => ({ ...r, amount: 60 })) },
    reason: 'The points budget was set too high; ideas made before today keep 100 points.',
  });

  const code = await services.initiatives.create(ana, orgSlug, {
    title: 'A supplier code of conduct we write together',
    slug: 'supplier-code',
    summary: 'Draft: the rules we and our suppliers hold each other to.',
    vision: 'Fair pay, safe work and clean water **all along the chain** — written with the people who make our gear, not for them.',
    goals: ['A code every supplier signed', 'One yearly visit, reported openly'],
    object: 'management_process', reach: 'ecosystem', locus: 'firm', adaptability: 'standard',
    audience: ['supplier', 'employee'], visibility: 'org',
  });
  await services.lifecycle.setPhases(ana, code.id, { phases: [
    { name: 'What happens on the ground', description: 'Suppliers and employees tell what they see.', actions: ['tell_experiences', 'comment', 'support'] },
    { name: 'Draft the code together', actions: ['propose_ideas', 'build', 'comment', 'support'] },
  ] });

  await seedPrototypeLab(services, ana, orgSlug, people);
  return { rain: rain.id, repair: repair.id };
}

/** An invite-only initiative: only the stewards and the two people invited see it. */
async function seedPrototypeLab(services: Services, ana: Actor, orgSlug: string, people: { kwame: Actor; lars: Actor }): Promise<void> {
  const lab = await services.initiatives.create(ana, orgSlug, {
    title: 'Prototype lab: a shell for 2027',
    slug: 'shell-2027',
    summary: 'A closed circle tests an early shell before anyone else sees it.',
    vision: 'An early, confidential look at the next shell — we want blunt feedback from people who know fabric and weather.',
    goals: ['Three wearable prototypes by March'],
    object: 'product', reach: 'process', locus: 'firm', adaptability: 'customisable',
    audience: ['supplier', 'community'], visibility: 'invite_only',
  });
  await services.lifecycle.setPhases(ana, lab.id, { phases: [{ name: 'Test the prototypes', actions: ['test', 'comment', 'build'] }] });
  await services.terms.putDraft(ana, lab.id, {
    ...defaultTerms(),
    ip: { policy: 'assign_to_host', notes: 'In return, testers get the first production shell.' },
    confidentiality: { mode: 'nda', ndaText: 'What you see in the lab stays in the lab until Acme Outdoor announces the shell.' },
    rewards: [{ kind: 'other', earnedBy: 'Every tester receives the first production shell.' }],
  });
  for (const person of [people.kwame, people.lars]) await services.invitees.add(ana, lab.id, person.userId);
  await services.lifecycle.launch(ana, lab.id);
}
