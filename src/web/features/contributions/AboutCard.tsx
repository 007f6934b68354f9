import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import { useMembers } from '../members/api';
import type { Initiative } from '../initiatives/types';
import { StatusBadge } from './badges';
import { useInviteCoauthor, useRemoveCoauthor } from './team-api';
import type { Contribution } from './types';

/** The facts that govern a contribution: the terms it was made under, its phase, status and everyone credited. */
export function AboutCard({ c, initiative }: { c: Contribution; initiative: Initiative }) {
  const { t } = useTranslation();
  return (
    <section className="card side-card" aria-labelledby="about-title">
      <h2 id="about-title">{t('contributions.about.title')}</h2>
      <dl className="facts">
        <dt>{t('contributions.about.status')}</dt>
        <dd>
          <StatusBadge status={c.status} />
        </dd>
        <dt>{t('contributions.about.terms')}</dt>
        <dd>
          {t('contributions.about.termsVersion', { version: c.termsVersion })} · <Link to={`/initiatives/${initiative.id}/terms`}>{t('contributions.about.readTerms')}</Link>
          <span className="facts-note">{t('contributions.about.termsNote', { version: c.termsVersion })}</span>
        </dd>
        <dt>{t('contributions.about.phase')}</dt>
        <dd>{c.phase.name}</dd>
        <dt>{t('contributions.about.authors')}</dt>
        <dd>
          <ul className="plain-people">
            <li>
              {c.author.name} <span className="muted">({t('contributions.about.author')})</span>
            </li>
            {c.coauthors.map((a) => (
              <li key={a.id}>
                {a.name} <span className="muted">({t(`contributions.coauthors.status.${a.status}`)})</span>
                {c.me.isAuthor && a.status !== 'declined' && <RemoveCoauthor c={c} userId={a.id} name={a.name} />}
              </li>
            ))}
          </ul>
        </dd>
        {c.credited.length > 0 && (
          <>
            <dt>{t('contributions.about.credited')}</dt>
            <dd>
              <ul className="plain-people">
                {c.credited.map((p) => (
                  <li key={`${p.id}-${p.via.id}`}>
                    {p.name}{' '}
                    <span className="muted">
                      ({t('contributions.about.via')} <Link to={`/contributions/${p.via.id}`}>{p.via.title}</Link>)
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {c.me.isAuthor && c.mergedInto === null && !c.hidden && initiative.status === 'open' && <InviteCoauthor c={c} orgSlug={initiative.org.slug} />}
    </section>
  );
}

function RemoveCoauthor({ c, userId, name }: { c: Contribution; userId: string; name: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const toast = useToast();
  const remove = useRemoveCoauthor(c);
  const self = user?.id === userId;
  return (
    <Button
      variant="ghost"
      size="sm"
      loading={remove.isPending}
      aria-label={self ? t('contributions.coauthors.leave') : t('contributions.coauthors.removeFor', { name })}
      onClick={() => remove.mutate(userId, { onSuccess: () => toast.show(self ? t('contributions.coauthors.left') : t('contributions.coauthors.removed', { name })), onError: (e) => toast.show(errorMessage(t, e), 'error') })}
    >
      {self ? t('contributions.coauthors.leave') : t('contributions.coauthors.remove')}
    </Button>
  );
}

function InviteCoauthor({ c, orgSlug }: { c: Contribution; orgSlug: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState('');
  const members = useMembers(orgSlug, open);
  const invite = useInviteCoauthor(c);
  const taken = new Set([c.author.id, ...c.coauthors.filter((a) => a.status !== 'declined').map((a) => a.id), user?.id ?? '']);
  const options = (members.data?.pages.flatMap((p) => p.items) ?? []).filter((m) => !taken.has(m.userId) && m.role !== 'observer');
  if (!open) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        {t('contributions.coauthors.invite')}
      </Button>
    );
  }
  return (
    <form
      className="invitee-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (userId === '') return;
        const name = options.find((m) => m.userId === userId)?.name ?? '';
        invite.mutate(userId, {
          onSuccess: () => {
            toast.show(t('contributions.coauthors.invited', { name }));
            setUserId('');
            setOpen(false);
          },
          onError: (error) => toast.show(errorMessage(t, error), 'error'),
        });
      }}
    >
      <Select label={t('contributions.coauthors.who')} hint={t('contributions.coauthors.hint')} value={userId} options={[{ value: '', label: t('initiatives.invitees.choose') }, ...options.map((m) => ({ value: m.userId, label: m.name }))]} onChange={setUserId} />
      <Button type="submit" size="sm" loading={invite.isPending} disabled={userId === ''}>
        {t('contributions.coauthors.send')}
      </Button>
    </form>
  );
}
