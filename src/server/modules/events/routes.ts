import { responses, type App } from '../../lib/http.js';
import { requireActor } from '../../plugins/auth.js';
import { OrgParams } from '../orgs/schemas.js';
import type { OrgsService } from '../orgs/service.js';
import { EventPage, EventQuery } from './schemas.js';
import type { EventsService } from './service.js';

/** The audit log of an organisation, newest first (owners). */
export async function eventRoutes(app: App, opts: { events: EventsService; orgs: OrgsService }) {
  app.get('/api/v1/orgs/:org/events', {
    schema: { tags: ['events'], summary: "The organisation's audit log, newest first (owners)", params: OrgParams, querystring: EventQuery, response: responses({ 200: EventPage }) },
  }, async (request) => {
    const { org } = await opts.orgs.authorize(requireActor(request), request.params.org, 'view_events');
    return opts.events.listForOrg(org.id, request.query);
  });
}
