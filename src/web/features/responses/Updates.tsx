import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button, ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { TextArea, TextField } from '../../components/Field';
import { LoadError, Loading } from '../../components/Loading';
import { Section } from '../../components/PageLayout';
import { useToast } from '../../components/Toast';
import { check, errorMessage, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { StatusBadge } from '../contributions/badges';
import { ContributionPicker } from '../contributions/ContributionPicker';
import { isStatus, type Ref } from '../contributions/types';
import { SafeMarkdown } from '../initiatives/SafeMarkdown';
import type { Initiative } from '../initiatives/types';
import { usePublishUpdate, useUpdates, type Update } from './api';
import './responses.css';

/** An initiative's progress updates, newest first; each is an anchor (`#update-…`) that notifications link to. */
export function UpdateList({ initiativeId, headingLevel = 2 }: { initiativeId: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const updates = useUpdates(initiativeId);
  const items = updates.data?.pages.flatMap((p) => p.items) ?? [];
  // A link to one update (from a notification) lands on it once the list has loaded.
  const { hash } = useLocation();
  const loaded = updates.isSuccess;
  useEffect(() => {
    if (!loaded || !hash.startsWith('#update-')) return;
    const target = document.getElementById(hash.slice(1));
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [loaded, hash]);
  if (updates.isPending) return <Loading />;
  if (updates.isError) return <LoadError message={errorMessage(t, updates.error)} onRetry={() => void updates.refetch()} />;
  if (items.length === 0) {
    return (
      <EmptyState level={3} title={t('responses.updates.emptyTitle')}>
        <p>{t('responses.updates.empty')}</p>
      </EmptyState>
    );
  }
  return (
    <>
      <ol className="update-list">
        {items.map((u) => (
          <li key={u.id}>
            <UpdateArticle update={u} headingLevel={headingLevel} highlighted={hash === `#update-${u.id}`} />
          </li>
        ))}
      </ol>
      {updates.hasNextPage && (
        <div className="feed-more">
          <Button variant="secondary" loading={updates.isFetchingNextPage} onClick={() => void updates.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}

export function UpdateArticle({ update, headingLevel = 2, highlighted = false }: { update: Update; headingLevel?: 2 | 3; highlighted?: boolean }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article id={`update-${update.id}`} tabIndex={-1} className={highlighted ? 'card update update-highlighted' : 'card update'} aria-labelledby={`update-${update.id}-title`}>
      <p className="update-meta">
        <time dateTime={update.createdAt}>{date(update.createdAt)}</time> · {t('responses.updates.by', { name: update.author.name })}
      </p>
      <Heading id={`update-${update.id}-title`} className="update-title">
        {update.title}
      </Heading>
      <SafeMarkdown>{update.body}</SafeMarkdown>
      {update.contributions.length > 0 && (
        <div className="update-about">
          <p className="update-about-label">{t('responses.updates.about', { count: update.contributions.length })}</p>
          <ul className="ref-list">
            {update.contributions.map((c) => (
              <li key={c.id}>
                <Link to={`/contributions/${c.id}`}>{c.title}</Link> {isStatus(c.status) && <StatusBadge status={c.status} />}
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}

/** On the initiative's home: the latest update, and the way to all of them. */
export function LatestUpdate({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const updates = useUpdates(initiative.id, { limit: 1, enabled: initiative.status !== 'draft' });
  const latest = updates.data?.pages[0]?.items[0];
  if (initiative.status === 'draft' || !latest) return null;
  return (
    <Section
      id="latest-update"
      title={t('responses.updates.latest')}
      actions={
        <ButtonLink size="sm" variant="secondary" to={`/initiatives/${initiative.id}/updates`}>
          {t('responses.updates.all')}
        </ButtonLink>
      }
    >
      <UpdateArticle update={latest} headingLevel={3} />
    </Section>
  );
}

/** Hosts report progress: a title, what happened (Markdown) and the contributions it is about, whose people hear of it. */
export function UpdateComposer({ initiative, onDone }: { initiative: Initiative; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const publish = usePublishUpdate(initiative.id);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [links, setLinks] = useState<Ref[]>([]);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const serverErrors = fieldErrorsOf(t, publish.error);
  const errors = clientErrors ?? serverErrors;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check({
      title: title.trim().length < 3 && t('responses.updates.compose.titleShort'),
      body: body.trim() === '' && t('validation.required'),
    });
    setClientErrors(problems);
    if (problems) return;
    publish.mutate(
      { title: title.trim(), body: body.trim(), ...(links.length > 0 ? { contributionIds: links.map((l) => l.id) } : {}) },
      {
        onSuccess: () => {
          toast.show(t('responses.updates.compose.done'));
          onDone();
        },
      },
    );
  };
  return (
    <form className="card update-compose" onSubmit={submit} noValidate aria-labelledby="update-compose-title">
      <h2 id="update-compose-title">{t('responses.updates.compose.title')}</h2>
      <p className="muted">{t('responses.updates.compose.lead')}</p>
      {publish.error && !clientErrors && Object.keys(serverErrors).length === 0 ? <Alert tone="error">{errorMessage(t, publish.error)}</Alert> : null}
      <TextField label={t('responses.updates.compose.titleLabel')} hint={t('responses.updates.compose.titleHint')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} maxLength={200} autoFocus />
      <TextArea label={t('responses.updates.compose.body')} hint={t('responses.updates.compose.bodyHint')} value={body} onChange={(e) => setBody(e.target.value)} error={errors.body} rows={6} maxLength={20000} />
      <ContributionPicker
        initiativeId={initiative.id}
        legend={t('responses.updates.compose.links')}
        hint={t('responses.updates.compose.linksHint')}
        value={links}
        onChange={setLinks}
        max={50}
        error={errors.contributionIds}
      />
      <div className="form-actions">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={publish.isPending}>
          {t('responses.updates.compose.submit')}
        </Button>
      </div>
    </form>
  );
}
