import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { CopyField } from '../../components/CopyField';
import { EmptyState } from '../../components/EmptyState';
import { TextField } from '../../components/Field';
import { LoadError, Loading } from '../../components/Loading';
import { Section } from '../../components/PageLayout';
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import { check, errorMessage, type FieldErrors } from '../../lib/errors';
import type { Org } from '../../lib/types';
import { useCreateWebhook, useWebhooks, type Webhook, type WebhookWithSecret } from './api';
import { EventTypePicker } from './EventTypePicker';
import './webhooks.css';

/** Org settings → Webhooks: the endpoints Moebius sends the organisation's events to, signed, with a delivery log each. */
export function WebhooksSection({ org }: { org: Org }) {
  const { t } = useTranslation();
  const webhooks = useWebhooks(org.slug);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<WebhookWithSecret | null>(null);
  const items = webhooks.data?.items ?? [];
  return (
    <Section
      id="webhooks"
      title={t('webhooks.title')}
      actions={
        !adding && (
          <Button variant="secondary" onClick={() => { setCreated(null); setAdding(true); }}>
            {t('webhooks.add')}
          </Button>
        )
      }
    >
      <p className="muted section-lead">{t('webhooks.lead')}</p>
      {adding && (
        <WebhookForm
          org={org}
          onCancel={() => setAdding(false)}
          onCreated={(webhook) => {
            setAdding(false);
            setCreated(webhook);
          }}
        />
      )}
      {created && <SecretOnce webhook={created} title={t('webhooks.created', { url: created.url })} onDone={() => setCreated(null)} />}
      {webhooks.isPending ? (
        <Loading />
      ) : webhooks.isError ? (
        <LoadError message={errorMessage(t, webhooks.error)} onRetry={() => void webhooks.refetch()} />
      ) : items.length === 0 ? (
        !adding && (
          <EmptyState level={3} title={t('webhooks.emptyTitle')}>
            <p>{t('webhooks.empty')}</p>
          </EmptyState>
        )
      ) : (
        <ul className="webhook-list">
          {items.map((w) => (
            <WebhookCard key={w.id} org={org} webhook={w} />
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The signing secret, shown whole only now: copy it, then it is masked for good. */
export function SecretOnce({ webhook, title, onDone }: { webhook: WebhookWithSecret; title: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="card webhook-secret">
      <Alert tone="success" title={title}>
        <p>{t('webhooks.secretOnce')}</p>
      </Alert>
      <CopyField label={t('webhooks.secret')} value={webhook.secret} hint={t('webhooks.secretHint')} />
      <Button variant="secondary" size="sm" onClick={onDone}>
        {t('webhooks.secretCopied')}
      </Button>
    </div>
  );
}

/** What a webhook sends: its event types as chips (`*` is everything). */
export function WebhookEvents({ eventTypes }: { eventTypes: string[] }) {
  const { t } = useTranslation();
  return (
    <p className="webhook-events">
      <span className="muted">{t('webhooks.sends')}</span>{' '}
      {eventTypes.map((type) => (
        <code key={type} className="chip">
          {type === '*' ? t('webhooks.everythingShort') : type}
        </code>
      ))}
    </p>
  );
}

function WebhookCard({ org, webhook }: { org: Org; webhook: Webhook }) {
  const { t } = useTranslation();
  return (
    <li className="card webhook-card">
      <div className="webhook-card-head">
        <Badge tone={webhook.active ? 'success' : 'observer'}>{webhook.active ? t('webhooks.active') : t('webhooks.paused')}</Badge>
        <code className="webhook-url">{webhook.url}</code>
      </div>
      {webhook.description && <p className="webhook-description">{webhook.description}</p>}
      <WebhookEvents eventTypes={webhook.eventTypes} />
      <p className="webhook-card-foot">
        <span className="muted">
          {t('webhooks.secretHintShort')} <code>{webhook.secretHint}</code>
        </span>
        <Link className="btn btn-secondary btn-sm" to={`/orgs/${org.slug}/settings/webhooks/${webhook.id}`} aria-label={t('webhooks.openFor', { url: webhook.url })}>
          {t('webhooks.open')}
        </Link>
      </p>
    </li>
  );
}

/** Register an endpoint: where, what for, and which events. */
function WebhookForm({ org, onCancel, onCreated }: { org: Org; onCancel: () => void; onCreated: (webhook: WebhookWithSecret) => void }) {
  const { t } = useTranslation();
  const create = useCreateWebhook(org.slug);
  const [url, setUrl] = useState('https://');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors = clientErrors ?? urlErrors(t, create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check({
      url: !/^https?:\/\/[^/\s]+/.test(url.trim()) && t('webhooks.form.urlInvalid'),
      eventTypes: events.length === 0 && t('webhooks.form.eventsMissing'),
    });
    setClientErrors(problems);
    if (problems) return;
    create.mutate({ url: url.trim(), eventTypes: events, ...(description.trim() ? { description: description.trim() } : {}) }, { onSuccess: onCreated });
  };
  return (
    <form className="card webhook-form" onSubmit={submit} noValidate aria-labelledby="webhook-form-title">
      <h3 id="webhook-form-title">{t('webhooks.form.title')}</h3>
      {create.error && !clientErrors && Object.keys(errors).length === 0 ? <Alert tone="error">{errorMessage(t, create.error)}</Alert> : null}
      <TextField label={t('webhooks.form.url')} hint={t('webhooks.form.urlHint')} type="url" inputMode="url" autoComplete="off" spellCheck={false} value={url} onChange={(e) => setUrl(e.target.value)} error={errors.url} maxLength={2000} />
      <TextField label={t('webhooks.form.description')} hint={t('webhooks.form.descriptionHint')} value={description} onChange={(e) => setDescription(e.target.value)} optional maxLength={500} />
      <EventTypePicker value={events} onChange={setEvents} error={errors.eventTypes} />
      <div className="form-actions">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={create.isPending}>
          {t('webhooks.form.submit')}
        </Button>
      </div>
    </form>
  );
}

/** The server's reasons for refusing a URL or an event type, in words. */
export function urlErrors(t: TFunction, error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  const result: FieldErrors = {};
  for (const detail of error.details) {
    const field = detail.path?.split('/')[1];
    if (field === 'url') result.url = detail.code === 'private_address' ? t('webhooks.form.urlPrivate') : t('webhooks.form.urlRefused');
    if (field === 'eventTypes') result.eventTypes = t('webhooks.form.eventsUnknown');
  }
  return result;
}
