import type { ContributionBody, Room } from './contributions.js';
import type { Person } from './test-app.js';

/**
 * A labelled set of contributions about outdoor gear, in clear clusters (two of them in
 * Spanish), with drafts and the cluster each should find. Used to measure how well similar
 * contributions are found while writing and how themes are suggested.
 */
export type Cluster = 'seams' | 'straps' | 'zippers' | 'boots' | 'sleeping' | 'costuras' | 'cremallera';

interface Item {
  cluster: Cluster;
  body: Record<string, unknown>;
}

const experience = (title: string, body: string, situation: string) => ({ kind: 'experience', title, body, situation, sentiment: 'pain' });
const idea = (title: string, body: string, problem: string) => ({ kind: 'idea', title, body, problem });

export const GEAR: Item[] = [
  { cluster: 'seams', body: experience('Rain jacket leaks at the shoulder seams', 'After an hour of steady rain the seams on the shoulders let water through and my base layer was soaked.', 'Walking the coast path in Cornwall.') },
  { cluster: 'seams', body: experience('Seam tape peeling off inside the jacket', 'The waterproof tape along the seams started peeling after a few washes; now water leaks through.', 'Daily commute by bike.') },
  { cluster: 'seams', body: experience('Water gets in through the hood seam', 'In heavy rain water runs down the hood and leaks in where the hood is sewn to the jacket.', 'Fell running in the Lake District.') },
  { cluster: 'seams', body: idea('Welded seams instead of taped seams', 'Bond the seams of the jacket so no stitching holes let the rain in; taped seams always peel eventually.', 'Taped seams peel and leak after a season.') },
  { cluster: 'seams', body: experience('Wet through at the seams in a storm', 'A storm on the ridge and within minutes the jacket seams were leaking at the arms and shoulders.', 'Scrambling on a ridge in Snowdonia.') },
  { cluster: 'straps', body: experience('Backpack shoulder straps dig into my collarbones', 'On long hikes the shoulder straps of the pack cut into my collarbones; the padding is too thin.', 'A week on the West Highland Way.') },
  { cluster: 'straps', body: experience('Hip belt slips down on long descents', 'The hip belt of the backpack loosens and slides down, so all the weight hangs on my shoulders.', 'Descending from a summit with a full load.') },
  { cluster: 'straps', body: idea('Thicker padding on backpack straps', 'Wider, thicker foam padding on the shoulder straps and the hip belt would spread the load of the pack.', 'Heavy packs hurt the shoulders.') },
  { cluster: 'straps', body: experience('Load lifters on the pack do nothing', 'With a heavy backpack the load lifter straps do not pull the weight off my shoulders.', 'Carrying food for six days.') },
  { cluster: 'zippers', body: experience('Tent door zipper jams in the cold', 'The zipper on the tent door jams and sticks every frosty morning; I could barely get out.', 'Winter camping in Norway.') },
  { cluster: 'zippers', body: experience('Zipper slider broke on the tent fly', 'The slider of the fly zipper split after a week of camping and the tent would not close.', 'A festival campsite in August.') },
  { cluster: 'zippers', body: idea('Bigger zipper pulls for tents', 'Larger zipper pulls and sturdier sliders, so tent zippers work with gloves and do not jam.', 'Small pulls are impossible to use with gloves.') },
  { cluster: 'zippers', body: experience('Mesh door zipper snags on the fabric', 'The zipper of the mesh inner door keeps snagging on the tent fabric and tearing it.', 'Camping by a lake with midges.') },
  { cluster: 'boots', body: experience('Blisters on my heels after ten kilometres', 'New hiking boots gave me blisters on both heels; the heel cup rubs when walking uphill.', 'First day of a long-distance trail.') },
  { cluster: 'boots', body: experience('Boots run half a size small', 'The boots felt fine in the shop, but on the trail my toes hit the front and I got blisters.', 'Steep descents in the Dolomites.') },
  { cluster: 'boots', body: idea('Heel lock lacing guide in the box', 'Print a lacing guide for the heel lock, so boots stop rubbing and causing blisters.', 'Most blisters come from heels lifting in the boot.') },
  { cluster: 'boots', body: experience('Toe box too narrow for wide feet', 'These hiking boots squeeze my toes; wide feet get blisters and numb toes on long hikes.', 'Hiking with wide feet.') },
  { cluster: 'sleeping', body: experience('Cold at night in a bag rated to minus five', 'At two degrees I was shivering all night in a sleeping bag that claims comfort to minus five.', 'A clear night in the mountains in spring.') },
  { cluster: 'sleeping', body: experience('Cold spot along the sleeping bag zip', 'Cold air comes in along the zip of the sleeping bag all night; there is no insulated baffle.', 'Bivouac under the stars.') },
  { cluster: 'sleeping', body: idea('Honest temperature ratings for sleeping bags', 'Rate sleeping bags by the comfort temperature measured with real sleepers, not by the extreme limit.', 'People buy bags that are too cold at night.') },
  { cluster: 'sleeping', body: experience('Down sleeping bag loses its loft when damp', 'After three humid nights the down in the sleeping bag clumped and I was cold all night.', 'Camping in a damp forest.') },
  { cluster: 'costuras', body: experience('La chaqueta impermeable deja pasar el agua por las costuras', 'Con lluvia fuerte el agua entra por las costuras de los hombros de la chaqueta.', 'Caminando por Galicia en otoño.') },
  { cluster: 'costuras', body: experience('Costuras de la chaqueta despegadas tras lavarla', 'Después de lavar la chaqueta, la cinta de las costuras se despegó y ahora entra agua.', 'Uso diario en la ciudad.') },
  { cluster: 'cremallera', body: experience('Cremallera de la tienda de campaña atascada', 'La cremallera de la puerta de la tienda se atasca con el frío de la mañana.', 'Acampada en los Picos de Europa.') },
  { cluster: 'cremallera', body: experience('La cremallera de la tienda se rompió', 'El cursor de la cremallera de la tienda de campaña se partió en la montaña.', 'Travesía de tres días por Gredos.') },
];

/** Drafts someone might be writing, and the cluster holding the contributions they duplicate. */
export const DRAFTS: { title: string; body?: string; expect: Cluster | null }[] = [
  { title: 'My jacket leaks at the seams in heavy rain', expect: 'seams' },
  { title: 'Shoulder straps of my pack hurt', body: 'The backpack straps press hard on my shoulders after a few hours.', expect: 'straps' },
  { title: 'Tent zipper stuck', body: 'The zipper of the tent door got stuck on a frosty morning.', expect: 'zippers' },
  { title: 'Blisters from new boots', body: 'My heels were covered in blisters after the first hike in these boots.', expect: 'boots' },
  { title: 'Freezing in my sleeping bag', body: 'The temperature rating of the bag is far too optimistic; I was cold all night.', expect: 'sleeping' },
  { title: 'Agua entra por las costuras de mi chaqueta', expect: 'costuras' },
  { title: 'La cremallera de la tienda no cierra', body: 'La cremallera de la tienda de campaña está rota.', expect: 'cremallera' },
  { title: 'Hip belt keeps slipping', body: 'The belt of my backpack slides down my hips.', expect: 'straps' },
  { title: 'Taped seams peel off', body: 'The seam tape comes off and the jacket leaks.', expect: 'seams' },
  { title: 'Better coffee in the flagship store café', body: 'The espresso machine is always broken on Saturdays.', expect: null },
  { title: 'Solar charger for phones', body: 'A foldable panel to charge a phone on multi-day trips.', expect: null },
];

/** Writes the whole set into a room, spread over three participants; returns each with its cluster. */
export async function writeGear(room: Room, people: Person[]): Promise<{ contribution: ContributionBody; cluster: Cluster }[]> {
  const written: { contribution: ContributionBody; cluster: Cluster }[] = [];
  for (const [i, item] of GEAR.entries()) written.push({ contribution: await room.contribute(people[i % people.length]!, item.body), cluster: item.cluster });
  return written;
}
