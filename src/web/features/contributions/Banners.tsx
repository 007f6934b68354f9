import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button, ButtonLink } from '../../components/Button';
import { TextArea } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useAppeal } from './moderation-api';
import { useAnswerCoauthor } from './team-api';
import type { Contribution } from './types';

/** A merged duplicate points to where the conversation continues; nothing of it was lost. */
export function MergedBanner({ c }: { c: Contribution }) {
  const { t } = useTranslation();
  if (!c.mergedInto) return null;
  return (
    <Alert tone="info" title={t('contributions.merged.title')} action={<ButtonLink variant="secondary" size="sm" to={`/contributions/${c.mergedInto.id}`}>{t('contributions.merged.go')}</ButtonLink>}>
      <p>
        {t('contributions.merged.into')} <Link to={`/contributions/${c.mergedInto.id}`}>{c.mergedInto.title}</Link>. {t('contributions.merged.kept')}
      </p>
    </Alert>
  );
}

/** Hidden by the hosts: the reason, always; for its authors, the way to appeal and where the appeal stands. */
export function HiddenBanner({ c }: { c: Contribution }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const m = c.moderation;
  if (!m) return null;
  const appeal = m.appeal;
  return (
    <>
    <Alert tone="warning" title={t('contributions.hidden.title')}>
      <p>
        <strong>{t('contributions.hidden.reason')}: </strong>
        <span className="hidden-reason">{m.reason}</span>
      </p>
      <p className="muted-on-alert">{t('contributions.hidden.when', { date: dateTime(m.hiddenAt) })}</p>
      {c.me.isAuthor ? (
        <>
          <p>{t('contributions.hidden.forAuthor')}</p>
          {appeal?.status === 'open' && <p>{t('contributions.hidden.appealOpen', { text: appeal.text })}</p>}
          {appeal?.status === 'rejected' && <p>{t('contributions.hidden.appealRejected', { note: appeal.decisionNote ?? '' })}</p>}
        </>
      ) : (
        <>
          <p>{t('contributions.hidden.forHost')}</p>
          {appeal?.status === 'open' && (
            <p>
              {t('contributions.hidden.hostAppeal', { text: appeal.text })} <Link to={`/initiatives/${c.initiativeId}/moderation`}>{t('contributions.hidden.toQueue')}</Link>
            </p>
          )}
        </>
      )}
    </Alert>
    {c.me.isAuthor && appeal?.status !== 'open' && <AppealForm id={c.id} again={appeal !== null} />}
    </>
  );
}

function AppealForm({ id, again }: { id: string; again: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const appeal = useAppeal('contribution', id);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errors = fieldErrorsOf(t, appeal.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '') return setError(t('validation.required'));
    setError(null);
    appeal.mutate(text.trim(), {
      onSuccess: () => {
        toast.show(t('contributions.appeal.sent'));
        setText('');
      },
    });
  };
  return (
    <form className="card appeal-form" onSubmit={submit} noValidate aria-labelledby={`appeal-${id}`}>
      <h2 id={`appeal-${id}`} className="appeal-title">
        {again ? t('contributions.appeal.again') : t('contributions.appeal.title')}
      </h2>
      {appeal.error && !errors.text ? <Alert tone="error">{errorMessage(t, appeal.error)}</Alert> : null}
      <TextArea label={t('contributions.appeal.text')} hint={t('contributions.appeal.hint')} value={text} onChange={(e) => setText(e.target.value)} error={error ?? errors.text} rows={3} maxLength={2000} />
      <Button type="submit" loading={appeal.isPending}>
        {t('contributions.appeal.submit')}
      </Button>
    </form>
  );
}

/** Someone invited you to co-author: accept to share the credit (and the right to edit), or decline. */
export function CoauthorInvitation({ c }: { c: Contribution }) {
  const { t } = useTranslation();
  const toast = useToast();
  const answer = useAnswerCoauthor(c);
  const respond = (accept: boolean) =>
    answer.mutate(accept, {
      onSuccess: () => toast.show(accept ? t('contributions.coauthors.accepted') : t('contributions.coauthors.declined')),
      onError: (error) => toast.show(errorMessage(t, error), 'error'),
    });
  return (
    <Alert
      tone="info"
      title={t('contributions.coauthors.invitedTitle')}
      action={
        <span className="alert-buttons">
          <Button size="sm" loading={answer.isPending && answer.variables} onClick={() => respond(true)}>
            {t('contributions.coauthors.accept')}
          </Button>
          <Button size="sm" variant="secondary" loading={answer.isPending && !answer.variables} onClick={() => respond(false)}>
            {t('contributions.coauthors.decline')}
          </Button>
        </span>
      }
    >
      <p>{t('contributions.coauthors.invitedBody', { name: c.author.name })}</p>
    </Alert>
  );
}
