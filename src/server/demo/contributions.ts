import type { Services } from '../app.js';
import type { Db } from '../db/database.js';
import type { Actor } from '../lib/actor.js';
import type { CreateContributionBody } from '../modules/contributions/schemas.js';

export interface DemoPeople {
  ana: Actor;
  chloe: Actor;
  jonas: Actor;
  lars: Actor;
  priya: Actor;
  kwame: Actor;
}

/**
 * A lively "repair service" initiative: experiences, ideas and a build that cite each other,
 * supports and a conversation, a co-authored idea, a duplicate merged into its twin, and a
 * contribution the stewards hid whose author appealed. The rain jackets hear a few experiences.
 */
export async function seedContributions(services: Services, db: Db, people: DemoPeople, ids: { rain: string; repair: string }): Promise<void> {
  const { ana, chloe, jonas, lars, priya, kwame } = people;
  const { contributions: c, support, comments } = services;
  for (const person of [ana, chloe, jonas, lars, priya]) await services.terms.accept(person, ids.repair, 2);
  const write = (who: Actor, body: CreateContributionBody) => c.create(who, ids.repair, body);

  const sole = await write(lars, {
    kind: 'experience', title: 'My sole came off on day two of the Haute Route', sentiment: 'pain',
    situation: 'A hut-to-hut trek, three days from the nearest town.',
    body: 'The glue gave up in the wet. I walked **two days** with the sole taped on, and the boots went in the bin at home.',
    wish: 'A hut that could glue it back, or a shop on the way.', tags: ['boots', 'hut to hut'],
  });
  const zipGood = await write(chloe, {
    kind: 'experience', title: 'A shop by the campsite fixed my zip in an hour', sentiment: 'delight',
    situation: 'Camping near Chamonix, the tent zip split on the first night.',
    body: 'The outdoor shop in the village replaced the slider while I had lunch. I still use that tent.', tags: ['zips'],
  });
  const zipBad = await write(jonas, {
    kind: 'experience', title: 'Nobody would repair my jacket zip, so I threw the jacket away', sentiment: 'pain',
    situation: 'At home after a wet autumn.', body: 'Three shops said a new zip costs more than the jacket. It still makes me angry.',
    wish: 'Jackets whose zips are meant to be replaced.', tags: ['zips'],
  });
  const corners = await write(priya, {
    kind: 'idea', title: 'Repair corners in partner shops along the main trails',
    problem: 'Broken gear ends hikes and ends up in the bin, because repair happens far from the trail.',
    body: 'Each partner shop on the main trails keeps a **repair corner**: a workbench, spare zips, glue and patches, and someone trained by Acme.\n\n- walk in, get it fixed in an hour\n- Acme pays for the parts of its own gear',
    expectedValue: 'Fewer ruined hikes, less waste, and walkers who come back to the shop.', tags: ['partner shops'], cites: [sole.id, zipGood.id],
  });
  await services.team.inviteCoauthor(priya, corners.id, lars.userId);
  await services.team.answer(lars, corners.id, true);
  await c.update(priya, corners.id, { body: `${corners.body}\n- the hiking club trains volunteers for the huts`, note: 'Added the hiking club, after talking to Lars.' });
  const kits = await write(lars, {
    kind: 'idea', title: 'A repair kit in every mountain hut',
    problem: 'Between huts there is no shop: a broken sole or strap has to last until the valley.',
    body: 'A small box in each hut: glue, thread, a needle, straps and a few sole screws, with a card that explains each fix.', tags: ['huts', 'kits'], cites: [sole.id],
  });
  const twin = await write(chloe, { kind: 'idea', title: 'Put a repair kit in each hut', problem: 'You cannot buy anything between huts.', body: 'Glue and thread in every hut would have saved a lot of trips.', tags: ['kits'] });
  await write(jonas, {
    kind: 'build', title: 'Shops restock the hut kits on their weekly delivery',
    body: 'The partner shops already drive supplies up to the huts every week: they can refill the repair kits on the same trip and note what was used.',
    buildsOn: [corners.id, kits.id], tags: ['kits', 'partner shops'],
  });
  const offTopic = await write(jonas, { kind: 'idea', title: 'Just sell cheaper gear', problem: 'Repairs cost too much.', body: 'Cheaper jackets mean nobody needs a repair.' });

  for (const [who, id] of [[chloe, corners.id], [jonas, corners.id], [kwame, corners.id], [chloe, kits.id], [priya, kits.id], [jonas, twin.id], [priya, twin.id], [chloe, sole.id], [priya, zipBad.id]] as const) {
    if (who === kwame) continue; // a supplier, outside this initiative's audience
    await support.support(who, id);
  }
  await services.merges.merge(ana, twin.id, kits.id, 'The same idea as "A repair kit in every mountain hut": one place to support and discuss it.');

  await services.themes.create(ana, ids.repair, { name: 'Repair on the trail', description: 'Fixing gear where it breaks: huts, shops and kits.', contributionIds: [corners.id, kits.id, sole.id] });
  await services.themes.create(ana, ids.repair, { name: 'Zips', description: 'The part that fails first.', contributionIds: [zipGood.id, zipBad.id] });

  const thread = await comments.create(lars, corners.id, { body: 'The Refuge du Goûter already has a workbench — the warden would join.' });
  await comments.create(priya, corners.id, { body: 'Wonderful. Could you introduce us next week?', parentId: thread.id });
  await comments.create(ana, corners.id, { body: 'We can pay for the parts of Acme gear from the first day. Which shops would start?' });
  await comments.create(chloe, zipBad.id, { body: 'Same here with a rucksack. A replaceable zip would change everything.' });
  // A sales pitch among the comments, hidden by the hosts after it reached Priya's inbox: there
  // it now shows as withheld (its words gone, the reason said), as it left the page.
  const pitch = await comments.create(jonas, corners.id, { body: 'Selling my old jackets cheap, 20 € each, message me!' });
  await services.dispatch.worker.drain();
  await services.moderation.hiding.hide(ana, 'comment', pitch.id, 'Selling things is not what these comments are for.');

  await services.moderation.flags.flag(chloe, 'contribution', offTopic.id, { reason: 'off_topic', note: 'This is about buying, not repairing.' });
  await services.moderation.hiding.hide(ana, 'contribution', offTopic.id, 'Off topic: this initiative is about repairing gear, not buying it. Tell us what repair costs you instead?');
  await services.moderation.appeals.appeal(jonas, 'contribution', offTopic.id, 'I meant: repairs are so expensive that cheap gear wins. That is a repair problem.');

  // The stewards answer most of it; one experience has waited past the 7-day target, one is new.
  const respond = (id: string, status: 'received' | 'under_review' | 'accepted', text: string) => services.responses.respond(ana, id, { status, text });
  await respond(kits.id, 'accepted', 'Yes. Five huts on the Haute Route will pilot the kits this winter; the hiking club checks them monthly.');
  await respond(corners.id, 'under_review', 'We are talking to the first three partner shops about space and training.');
  await respond(zipGood.id, 'received', 'Thank you — stories like this are why we started the repair service.');
  await services.updates.publish(ana, ids.repair, { title: 'Five huts will pilot the repair kits', body: 'The kits go up with the December supplies. Each holds glue, thread, straps and sole screws, with a **card for every fix**.', contributionIds: [kits.id, sole.id] });
  await services.updates.publish(ana, ids.repair, { title: 'First talks with partner shops', body: 'Three shops in Chamonix, Zermatt and Cortina want a repair corner. We visit them in January.', contributionIds: [corners.id] });
  const nineDaysAgo = new Date(Date.now() - 9 * 86_400_000).toISOString();
  await db.updateTable('contributions').set({ createdAt: nineDaysAgo, lastActivityAt: nineDaysAgo }).where('id', '=', sole.id).execute();

  for (const person of [ana, kwame]) await services.terms.accept(person, ids.rain, 2);
  const soaked = await c.create(chloe, ids.rain, {
    kind: 'experience', title: 'Soaked at the shoulders after two hours of rain', sentiment: 'pain',
    situation: 'A day hike in the Lake District in steady rain, with a 20-litre pack.', body: 'The shoulders wetted out where the straps press. Everywhere else stayed dry.',
    wish: 'Stronger fabric where the straps sit.', tags: ['shoulders', 'fabric'],
  });
  await c.create(kwame, ids.rain, {
    kind: 'experience', title: 'Our seam tape lets go below −5 °C', sentiment: 'mixed',
    situation: 'Cold-chamber tests at our mill, on last year’s tape.', body: 'Adhesion drops by half at −5 °C. A new tape holds, but it is stiffer.', tags: ['seams', 'cold'],
  });
  await support.support(kwame, soaked.id);
  await comments.create(ana, soaked.id, { body: 'Thank you — the field test will put a pack on every tester.' });
}
