import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Badge, type BadgeTone } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { LoadError, Loading } from '../../components/Loading';
import { Section } from '../../components/PageLayout';
import { useToast } from '../../components/Toast';
import { errorCode, errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import type { Org } from '../../lib/types';
import { useOrgContext } from '../orgs/OrgLayout';
import { DELIVERY_STATUSES, useDeleteWebhook, useDeliveries, useRedeliver, useRotateSecret, useSendTest, useUpdateWebhook, useWebhook, type Delivery, type DeliveryStatus, type Webhook, type WebhookWithSecret } from './api';
import { SecretOnce, WebhookEvents } from './WebhooksSection';
import '../contributions/contributions.css';
import './webhooks.css';

const STATUS_TONES: Record<DeliveryStatus, BadgeTone> = { pending: 'neutral', delivered: 'success', failed: 'warning', dead: 'danger' };

/** /orgs/:slug/settings/webhooks/:id: one endpoint — test it, pause it, rotate its secret — and its delivery log. */
export function WebhookPage() {
  const { t } = useTranslation();
  const { org } = useOrgContext();
  const { id = '' } = useParams();
  const webhook = useWebhook(id);
  useDocumentTitle(t('webhooks.logTitle'), org.name);
  if (org.me?.role !== 'owner') return <Alert tone="info">{t('orgs.settings.ownersOnly')}</Alert>;
  if (webhook.isPending) return <Loading />;
  if (webhook.isError) {
    if (errorCode(webhook.error) === 'not_found') {
      return (
        <EmptyState title={t('webhooks.notFound')} action={<Link to={`/orgs/${org.slug}/settings`}>{t('webhooks.back')}</Link>}>
          <p>{t('webhooks.notFoundBody')}</p>
        </EmptyState>
      );
    }
    return <LoadError message={errorMessage(t, webhook.error)} onRetry={() => void webhook.refetch()} />;
  }
  return <WebhookView org={org} webhook={webhook.data} />;
}

function WebhookView({ org, webhook }: { org: Org; webhook: Webhook }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const update = useUpdateWebhook(org.slug, webhook.id);
  const test = useSendTest(org.slug, webhook.id);
  const rotate = useRotateSecret(org.slug, webhook.id);
  const remove = useDeleteWebhook(org.slug, webhook.id);
  const [open, setOpen] = useState<null | 'rotate' | 'delete'>(null);
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  const fail = (error: unknown) => toast.show(errorMessage(t, error), 'error');
  return (
    <>
      <p className="webhook-back">
        <Link to={`/orgs/${org.slug}/settings#webhooks-title`}>← {t('webhooks.back')}</Link>
      </p>
      <section className="card webhook-detail" aria-labelledby="webhook-title">
        <div className="webhook-card-head">
          <Badge tone={webhook.active ? 'success' : 'observer'}>{webhook.active ? t('webhooks.active') : t('webhooks.paused')}</Badge>
          <h2 id="webhook-title" className="webhook-url">
            {webhook.url}
          </h2>
        </div>
        {webhook.description && <p className="webhook-description">{webhook.description}</p>}
        <WebhookEvents eventTypes={webhook.eventTypes} />
        <p className="muted">
          {t('webhooks.secretHintShort')} <code>{webhook.secretHint}</code>
        </p>
        {!webhook.active && <Alert tone="info">{t('webhooks.pausedNote')}</Alert>}
        <div className="webhook-actions">
          <Button
            variant="secondary"
            size="sm"
            disabled={!webhook.active}
            loading={test.isPending}
            onClick={() => test.mutate(undefined, { onSuccess: () => toast.show(t('webhooks.testSent')), onError: fail })}
          >
            {t('webhooks.test')}
          </Button>
          <Button
            variant="secondary"
            size="sm"
            loading={update.isPending}
            onClick={() =>
              update.mutate(
                { active: !webhook.active },
                { onSuccess: (w) => toast.show(w.active ? t('webhooks.resumed') : t('webhooks.pausedDone')), onError: fail },
              )
            }
          >
            {webhook.active ? t('webhooks.pause') : t('webhooks.resume')}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setOpen('rotate')}>
            {t('webhooks.rotate')}
          </Button>
          <Button variant="danger" size="sm" onClick={() => setOpen('delete')}>
            {t('webhooks.delete')}
          </Button>
        </div>
      </section>
      {secret && <SecretOnce webhook={secret} title={t('webhooks.rotated')} onDone={() => setSecret(null)} />}
      <DeliveryLog org={org} webhook={webhook} />
      <ConfirmDialog
        open={open === 'rotate'}
        onClose={() => setOpen(null)}
        title={t('webhooks.rotateTitle')}
        description={t('webhooks.rotateBody')}
        confirm={t('webhooks.rotate')}
        action={rotate}
        onConfirm={() =>
          rotate.mutate(undefined, {
            onSuccess: (w) => {
              setSecret(w);
              setOpen(null);
            },
          })
        }
      />
      <ConfirmDialog
        open={open === 'delete'}
        onClose={() => setOpen(null)}
        title={t('webhooks.deleteTitle', { url: webhook.url })}
        description={t('webhooks.deleteBody')}
        confirm={t('webhooks.delete')}
        action={remove}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              toast.show(t('webhooks.deleted'));
              void navigate(`/orgs/${org.slug}/settings`);
            },
          })
        }
      />
    </>
  );
}

/** What was sent, how the endpoint answered, how often it was tried and when it will be tried again; anything can be sent once more. */
function DeliveryLog({ org, webhook }: { org: Org; webhook: Webhook }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const toast = useToast();
  const [status, setStatus] = useState<DeliveryStatus | 'all'>('all');
  const log = useDeliveries(webhook.id, status);
  const redeliver = useRedeliver(org.slug, webhook.id);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const statusLabel = (d: Delivery) => t(`webhooks.status.${d.status}`);
  return (
    <Section id="deliveries" title={t('webhooks.logTitle')}>
      <p className="muted section-lead">{t('webhooks.logLead')}</p>
      <div className="sort-buttons webhook-filter" role="group" aria-label={t('webhooks.filter')}>
        {(['all', ...DELIVERY_STATUSES] as const).map((s) => (
          <button key={s} type="button" className="sort-button" aria-pressed={s === status} onClick={() => setStatus(s)}>
            {s === 'all' ? t('webhooks.allDeliveries') : t(`webhooks.status.${s}`)}
          </button>
        ))}
      </div>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <LoadError message={errorMessage(t, log.error)} onRetry={() => void log.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState level={3} title={t('webhooks.noDeliveriesTitle')}>
          <p>{t('webhooks.noDeliveries')}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t('webhooks.logCaption', { url: webhook.url })}
          rows={items}
          rowKey={(d) => d.id}
          title={{
            label: t('webhooks.columns.event'),
            cell: (d) => (
              <>
                <code className="cell-primary">{d.eventType}</code>
                <span className="cell-secondary">{dateTime(d.createdAt)}</span>
              </>
            ),
          }}
          columns={[
            { label: t('webhooks.columns.status'), cell: (d) => <Badge tone={STATUS_TONES[d.status]}>{statusLabel(d)}</Badge> },
            {
              label: t('webhooks.columns.response'),
              cell: (d) => (
                <>
                  {d.attempts === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <span className={d.responseStatus !== null && d.responseStatus < 300 ? 'response-code response-ok' : 'response-code'}>{d.responseStatus ?? t('webhooks.noResponse')}</span>
                  )}
                  {d.durationMs !== null && <span className="cell-secondary">{t('webhooks.duration', { ms: d.durationMs })}</span>}
                  {(d.error || d.responseExcerpt) && (
                    <details className="delivery-details">
                      <summary>{t('webhooks.details')}</summary>
                      {d.error && <p className="delivery-error">{d.error}</p>}
                      {d.responseExcerpt && <pre className="delivery-excerpt">{d.responseExcerpt}</pre>}
                    </details>
                  )}
                </>
              ),
            },
            { label: t('webhooks.columns.attempts'), cell: (d) => d.attempts },
            {
              label: t('webhooks.columns.when'),
              cell: (d) => (
                <>
                  <span>{d.lastAttemptAt ? dateTime(d.lastAttemptAt) : t('webhooks.notYet')}</span>
                  {d.nextAttemptAt && <span className="cell-secondary">{t('webhooks.nextAttempt', { when: dateTime(d.nextAttemptAt) })}</span>}
                </>
              ),
            },
          ]}
          actions={(d) => (
            <Button
              variant="ghost"
              size="sm"
              disabled={!webhook.active}
              loading={redeliver.isPending && redeliver.variables === d.id}
              onClick={() => redeliver.mutate(d.id, { onSuccess: () => toast.show(t('webhooks.redelivering')), onError: (error) => toast.show(errorMessage(t, error), 'error') })}
              aria-label={t('webhooks.redeliverFor', { type: d.eventType, when: dateTime(d.createdAt) })}
            >
              {t('webhooks.redeliver')}
            </Button>
          )}
        />
      )}
      {log.hasNextPage && (
        <div className="feed-more">
          <Button variant="secondary" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </Section>
  );
}
