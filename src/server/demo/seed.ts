import type { Services } from '../app.js';
import type { Db } from '../db/database.js';
import type { Actor } from '../lib/actor.js';
import { hashPassword } from '../modules/accounts/passwords.js';
import type { ProtagonistKind, Role } from '../modules/orgs/schemas.js';
import { seedContributions } from './contributions.js';
import { seedInitiatives } from './initiatives.js';

export const DEMO_LOGIN = { email: 'demo@moebius.local', password: 'moebius-demo' };

/** The people of Acme Outdoor: every protagonist kind and every role. */
const PEOPLE: { name: string; email: string; kind: ProtagonistKind; role: Role }[] = [
  { name: 'Tomás Ruiz', email: 'tomas@acme-outdoor.example', kind: 'employee', role: 'steward' },
  { name: 'Chloé Martin', email: 'chloe@example.com', kind: 'customer', role: 'member' },
  { name: 'Jonas Weber', email: 'jonas@example.com', kind: 'customer', role: 'member' },
  { name: 'Kwame Mensah', email: 'kwame@textile-supply.example', kind: 'supplier', role: 'member' },
  { name: 'Priya Nair', email: 'priya@trailmaps.example', kind: 'partner', role: 'member' },
  { name: 'Helen Park', email: 'helen.park@consumer-safety.example', kind: 'regulator', role: 'observer' },
  { name: 'Lars Berg', email: 'lars@hiking-club.example', kind: 'community', role: 'member' },
  { name: 'Mia Chen', email: 'mia@example.org', kind: 'other', role: 'member' },
];

const actorOf = (user: { id: string; name: string; email: string }): Actor => ({
  userId: user.id,
  name: user.name,
  email: user.email,
  via: 'session',
  sessionId: null,
  csrfToken: null,
});

export const isEmpty = async (db: Db): Promise<boolean> =>
  (await db.selectFrom('users').select('id').limit(1).execute()).length === 0;

/**
 * Seeds "Acme Outdoor" through the services, so the audit log tells its story too.
 * Returns false when the demo owner exists already (seeding twice changes nothing).
 */
export async function seedDemo(services: Services, db: Db): Promise<boolean> {
  if (await services.accounts.findUserByEmail(db, DEMO_LOGIN.email)) return false;
  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  const owner = await db.transaction().execute((trx) =>
    services.accounts.createAccount(trx, { email: DEMO_LOGIN.email, name: 'Ana García', passwordHash }),
  );
  const ana = actorOf(owner);
  const org = await services.orgs.create(ana, {
    name: 'Acme Outdoor',
    slug: 'acme-outdoor',
    visibility: 'public',
    description:
      'Outdoor gear made with the people who use it, make it and live near the trails. Customers, suppliers, partners, regulators and the hiking community shape what we build next.',
  });
  const people: Actor[] = [];
  for (const person of PEOPLE) {
    const user = await db.transaction().execute(async (trx) => {
      const created = await services.accounts.createAccount(trx, { email: person.email, name: person.name, passwordHash });
      await services.orgs.addMember(trx, { orgId: org.id, userId: created.id, kind: person.kind, role: person.role, actorId: owner.id, via: 'demo' });
      return created;
    });
    people.push(actorOf(user));
  }
  const person = (email: string) => {
    const found = people.find((p) => p.email === email);
    if (!found) throw new Error(`demo person ${email} is missing`);
    return found;
  };
  const initiatives = await seedInitiatives(services, ana, org.slug, {
    chloe: person('chloe@example.com'),
    jonas: person('jonas@example.com'),
    kwame: person('kwame@textile-supply.example'),
    lars: person('lars@hiking-club.example'),
  });
  await seedContributions(services, db, { ana, chloe: person('chloe@example.com'), jonas: person('jonas@example.com'), lars: person('lars@hiking-club.example'), priya: person('priya@trailmaps.example'), kwame: person('kwame@textile-supply.example') }, initiatives);
  await services.invitations.create(ana, org.slug, { email: 'newcomer@example.com', kind: 'customer', role: 'member', message: 'We would love your view on our new rain jackets.' });
  await services.orgs.create(ana, {
    name: 'Acme Board Room',
    slug: 'acme-board',
    visibility: 'private',
    description: 'A private organisation: only its members can see it.',
  });
  return true;
}
