import type { Role } from '../orgs/schemas.js';

export type WebhookAction = 'manage';

/**
 * Webhooks send the organisation's whole audit trail out of Moebius, so only owners — who
 * read that trail already — register, change, test and inspect them.
 */
export function canWebhook(_action: WebhookAction, role: Role | null): boolean {
  return role === 'owner';
}
