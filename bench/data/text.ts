import { int, pick, type Rng } from './random.js';

// Plausible civic-participation text, so search and similar-while-writing have real words to find.
const FIRST = ['Ana', 'Luis', 'Carmen', 'Javier', 'Lucía', 'Pablo', 'Elena', 'Diego', 'Marta', 'Sergio', 'Irene', 'Raúl', 'Sara', 'Hugo', 'Nuria', 'Óscar', 'Paula', 'Adrián', 'Laura', 'Iván', 'Chloé', 'Kwame', 'Priya', 'Jonas', 'Mia', 'Lars', 'Amina', 'Wei', 'Fatima', 'Tomás'];
const LAST = ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Álvarez', 'Romero', 'Navarro', 'Torres', 'Domínguez', 'Gil', 'Vázquez', 'Serrano', 'Mensah', 'Nair', 'Weber', 'Chen', 'Berg'];
const SUBJECTS = ['bike lanes', 'street trees', 'bus stops', 'night buses', 'public fountains', 'library hours', 'playgrounds', 'recycling points', 'pedestrian crossings', 'market squares', 'sports courts', 'community gardens', 'street lighting', 'benches', 'school routes', 'noise at night', 'parking for vans', 'public toilets', 'shade in summer', 'accessible ramps', 'food waste', 'repair cafés', 'river banks', 'metro lifts', 'cycle parking'];
const PLACES = ['Lavapiés', 'Chamberí', 'Vallecas', 'Carabanchel', 'Tetuán', 'Usera', 'Retiro', 'Salamanca', 'Moratalaz', 'Hortaleza', 'Latina', 'Arganzuela', 'Barajas', 'Villaverde', 'Fuencarral', 'the city centre', 'every district', 'the old town'];
const IDEA_VERBS = ['More', 'Better', 'Safer', 'Greener', 'Quieter', 'Free', 'Shared', 'Longer hours for', 'Repair the', 'Open up the'];
const FEELINGS = ['I waited forty minutes', 'my daughter almost fell', 'it was the best afternoon of the summer', 'nobody knew who to call', 'the neighbours organised it themselves', 'it flooded again after the storm', 'there was nowhere to sit', 'the lights were off all week'];
const REASONS = ['older people', 'children walking to school', 'people in wheelchairs', 'shift workers', 'small shops', 'families without a car', 'visitors', 'cyclists', 'everyone who lives here'];
const COMMENTS = ['I agree, this happens in my street too.', 'Has anyone asked the district board about this?', 'We tried something similar in 2019 and it worked for a year.', 'Could this be done with the existing budget?', 'Please add the exact location so it can be checked.', 'Strong support from our neighbourhood association.', 'I am not sure this is the priority, but the idea is good.', 'The same problem exists near the market on weekends.', 'A pilot in one district first would show if it works.', 'Thanks for writing this up so clearly.'];
export const TAGS = ['mobility', 'green', 'safety', 'accessibility', 'culture', 'sport', 'youth', 'elderly', 'cleaning', 'noise', 'housing', 'education', 'health', 'shops', 'transport', 'water', 'energy', 'lighting', 'parks', 'cycling'];

export const personName = (rng: Rng): string => `${pick(rng, FIRST)} ${pick(rng, LAST)}`;

export function contributionText(rng: Rng, kind: 'experience' | 'idea' | 'build', n: number): { title: string; body: string } {
  const subject = pick(rng, SUBJECTS);
  const place = pick(rng, PLACES);
  const title =
    kind === 'experience' ? `${subject[0]?.toUpperCase()}${subject.slice(1)} in ${place}: what happened (#${n})`
    : kind === 'idea' ? `${pick(rng, IDEA_VERBS)} ${subject} in ${place} (#${n})`
    : `Building on it: ${subject} for ${pick(rng, REASONS)} (#${n})`;
  const body = [
    `About the ${subject} in ${place}: ${pick(rng, FEELINGS)}.`,
    `This matters for ${pick(rng, REASONS)} and for ${pick(rng, REASONS)}.`,
    int(rng, 2) === 0 ? `It would take little to change: the ${pick(rng, SUBJECTS)} nearby show how.` : `Please look at the ${pick(rng, SUBJECTS)} too.`,
  ].join(' ');
  return { title, body };
}

export const situation = (rng: Rng): string => `Near the ${pick(rng, SUBJECTS)} in ${pick(rng, PLACES)}, ${pick(rng, FEELINGS)}.`;
export const wish = (rng: Rng): string => `I wish the ${pick(rng, SUBJECTS)} worked for ${pick(rng, REASONS)}.`;
export const problem = (rng: Rng): string => `Today the ${pick(rng, SUBJECTS)} do not serve ${pick(rng, REASONS)}.`;
export const expectedValue = (rng: Rng): string => `Fewer complaints and more use by ${pick(rng, REASONS)}.`;
export const commentText = (rng: Rng): string => (int(rng, 3) === 0 ? `${pick(rng, COMMENTS)} ${pick(rng, COMMENTS)}` : pick(rng, COMMENTS));
export const initiativeTitle = (n: number): string => `${['Madrid', 'Participatory budget', 'Clean air', 'Green streets', 'Open city'][n % 5]} ${n + 1}`;
