import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import { api, query, type Page } from '../../lib/api';
import { webhookKeys as k } from '../../lib/queryKeys';
import type { CreateWebhookBody, Delivery, DeliveryStatus, EventTypeCatalogue, UpdateWebhookBody, Webhook, WebhookWithSecret } from '../../../server/modules/webhooks/schemas.js';

export type { CreateWebhookBody, Delivery, DeliveryStatus, UpdateWebhookBody, Webhook, WebhookWithSecret };
export type EventTypes = Static<typeof EventTypeCatalogue>;
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'dead'] as const satisfies readonly DeliveryStatus[];

const enc = encodeURIComponent;

export const useWebhooks = (slug: string) => useQuery({ queryKey: k.list(slug), queryFn: () => api<{ items: Webhook[] }>('GET', `/orgs/${enc(slug)}/webhooks`) });
export const useWebhook = (id: string) => useQuery({ queryKey: k.one(id), queryFn: () => api<Webhook>('GET', `/webhooks/${enc(id)}`) });
export const useEventTypes = () => useQuery({ queryKey: k.eventTypes, queryFn: () => api<EventTypes>('GET', '/webhooks/event-types'), staleTime: Infinity });

/** The delivery log, newest first; while something is on its way it looks again every few seconds. */
export const useDeliveries = (id: string, status: DeliveryStatus | 'all') =>
  useInfiniteQuery({
    queryKey: k.deliveries(id, status),
    queryFn: ({ pageParam }) => api<Page<Delivery>>('GET', `/webhooks/${enc(id)}/deliveries${query({ status: status === 'all' ? null : status, cursor: pageParam, limit: 50 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending' || d.status === 'failed')) ? 3_000 : 15_000),
  });

function useRefresh(slug: string) {
  const client = useQueryClient();
  return (id?: string) => {
    void client.invalidateQueries({ queryKey: k.list(slug) });
    if (id) void client.invalidateQueries({ queryKey: ['webhook', id] });
  };
}

export function useCreateWebhook(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({ mutationFn: (body: CreateWebhookBody) => api<WebhookWithSecret>('POST', `/orgs/${enc(slug)}/webhooks`, body), onSuccess: () => refresh() });
}

export function useUpdateWebhook(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({ mutationFn: (body: UpdateWebhookBody) => api<Webhook>('PATCH', `/webhooks/${enc(id)}`, body), onSuccess: () => refresh(id) });
}

export function useDeleteWebhook(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({ mutationFn: () => api<undefined>('DELETE', `/webhooks/${enc(id)}`), onSuccess: () => refresh() });
}

export function useRotateSecret(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({ mutationFn: () => api<WebhookWithSecret>('POST', `/webhooks/${enc(id)}/rotate-secret`), onSuccess: () => refresh(id) });
}

export function useSendTest(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({ mutationFn: () => api<Delivery>('POST', `/webhooks/${enc(id)}/test`), onSuccess: () => refresh(id) });
}

export function useRedeliver(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({ mutationFn: (deliveryId: string) => api<Delivery>('POST', `/webhooks/${enc(id)}/deliveries/${enc(deliveryId)}/redeliver`), onSuccess: () => refresh(id) });
}
