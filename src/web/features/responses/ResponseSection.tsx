import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextArea } from '../../components/Field';
import { LoadError } from '../../components/Loading';
import { Select } from '../../components/Select';
import { useToast } from '../../components/Toast';
import { check, errorMessage, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { StatusBadge } from '../contributions/badges';
import type { Contribution, Status } from '../contributions/types';
import type { Initiative } from '../initiatives/types';
import { SafeMarkdown } from '../initiatives/SafeMarkdown';
import { NEEDS_REASON, RESPONSE_STATUSES, useRespond, useResponses, useResponseTimes, useUpdates, type Response, type ResponseStatus } from './api';
import { useDuration } from './duration';
import { toneOf } from './status-tone';
import './responses.css';

const HOUR = 3_600_000;

/**
 * What happened to a contribution, at the top of its page: where it stands on the path from
 * received to delivered, the newest answer in full (with its reason when it says no), the earlier
 * answers as a timeline, and for hosts the composer. Without an answer yet, it says how long
 * the hosts aim to take.
 */
export function ResponseSection({ c, initiative }: { c: Contribution; initiative: Initiative }) {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const responses = useResponses(c.id);
  const [composing, setComposing] = useState(hash === '#respond');
  const canRespond = c.me.canModerate && c.mergedInto === null && initiative.status !== 'archived';
  const items = responses.data?.items ?? [];
  const latest = items.at(-1);
  const earlier = items.slice(0, -1).reverse();
  if (responses.isError) return <LoadError message={errorMessage(t, responses.error)} onRetry={() => void responses.refetch()} />;
  if (responses.isPending) return null;
  // A merged contribution is answered where it was merged into; the banner above says where.
  if (!latest && c.mergedInto !== null) return null;
  return (
    <section id="answer" className={latest ? `card answer answer-${toneOf(latest.status)}` : 'card answer answer-waiting'} aria-labelledby="answer-title">
      <h2 id="answer-title">{latest ? t('responses.section.title') : t('responses.section.titleNone')}</h2>
      <StatusPath status={c.status} history={items} />
      {latest ? <LatestAnswer r={latest} /> : <Waiting c={c} />}
      <LinkedUpdates c={c} />
      {earlier.length > 0 && (
        <>
          <h3 className="answer-earlier-title">{t('responses.earlier', { count: earlier.length })}</h3>
          <ol className="response-timeline">
            {earlier.map((r) => (
              <EarlierAnswer key={r.id} r={r} />
            ))}
          </ol>
        </>
      )}
      {canRespond &&
        (composing ? (
          <ResponseComposer c={c} onDone={() => setComposing(false)} />
        ) : (
          <div className="answer-compose-open">
            <Button variant={latest ? 'secondary' : 'primary'} onClick={() => setComposing(true)}>
              {latest ? t('responses.compose.openAgain') : t('responses.compose.open')}
            </Button>
          </div>
        ))}
    </section>
  );
}

const PATH = ['received', 'under_review', 'accepted', 'in_development', 'delivered'] as const;
type PathStatus = (typeof PATH)[number];
const onPath = (s: Status): s is PathStatus => (PATH as readonly string[]).includes(s);

/** The road from received to delivered, with where this contribution is; a no or a merge ends it early. */
function StatusPath({ status, history }: { status: Status; history: Response[] }) {
  const { t } = useTranslation();
  const reached = Math.max(0, ...[status, ...history.map((r) => r.status)].map((s) => (onPath(s) ? PATH.indexOf(s) : 0)));
  const ended = !onPath(status);
  const current = onPath(status) ? PATH.indexOf(status) : -1;
  const steps = ended ? PATH.slice(0, reached + 1) : PATH;
  return (
    <ol className="status-path" aria-label={t('responses.path.label')}>
      {steps.map((s, i) => {
        const state = ended || i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li key={s} className={`status-step status-step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="status-dot" aria-hidden="true" />
            <span className="status-label">{t(`contributions.status.${s}`)}</span>
            {state !== 'current' && <span className="visually-hidden"> ({t(`responses.path.${state}`)})</span>}
          </li>
        );
      })}
      {ended && (
        <li className={`status-step status-step-current status-step-end status-step-${toneOf(status)}`} aria-current="step">
          <span className="status-dot" aria-hidden="true" />
          <span className="status-label">{t(`contributions.status.${status}`)}</span>
        </li>
      )}
    </ol>
  );
}

function LatestAnswer({ r }: { r: Response }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  return (
    <div className="answer-latest">
      <p className="answer-head">
        <StatusBadge status={r.status} />
        <span className="muted">{t('responses.answeredBy', { name: r.author.name, date: date(r.createdAt) })}</span>
      </p>
      <div className="answer-text">
        <SafeMarkdown>{r.text}</SafeMarkdown>
      </div>
      {r.reason && <Reason text={r.reason} />}
    </div>
  );
}

/** The hosts' progress updates about this contribution (among the initiative's latest hundred). */
function LinkedUpdates({ c }: { c: Contribution }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const updates = useUpdates(c.initiativeId, { limit: 100 });
  const about = (updates.data?.pages[0]?.items ?? []).filter((u) => u.contributions.some((ref) => ref.id === c.id));
  if (about.length === 0) return null;
  return (
    <div className="answer-updates">
      <p className="update-about-label">{t('responses.accountability.updates', { count: about.length })}</p>
      <ul className="ref-list">
        {about.map((u) => (
          <li key={u.id}>
            <Link to={`/initiatives/${c.initiativeId}/updates#update-${u.id}`}>{u.title}</Link> <span className="muted">({date(u.createdAt)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Reason({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <div className="answer-reason">
      <p className="answer-reason-label">{t('responses.reason')}</p>
      <p className="pre-line">{text}</p>
    </div>
  );
}

function EarlierAnswer({ r }: { r: Response }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  return (
    <li className="response-timeline-item">
      <p className="answer-head">
        <StatusBadge status={r.status} />
        <span className="muted">{t('responses.answeredBy', { name: r.author.name, date: date(r.createdAt) })}</span>
      </p>
      <SafeMarkdown>{r.text}</SafeMarkdown>
      {r.reason && <Reason text={r.reason} />}
    </li>
  );
}

/** No answer yet: since when, and what the hosts promise. */
function Waiting({ c }: { c: Contribution }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const duration = useDuration();
  const times = useResponseTimes(c.initiativeId);
  // The moment the page was opened: good enough for "it has waited 9 days".
  const [now] = useState(() => Date.now());
  const waited = (now - Date.parse(c.createdAt)) / HOUR;
  const target = times.data?.targetHours;
  return (
    <div className="answer-latest">
      <p>{t('responses.waiting', { date: date(c.createdAt) })}</p>
      {target !== undefined &&
        (waited > target ? (
          <p className="answer-overdue">{t('responses.overdue', { waited: duration(waited), target: duration(target) })}</p>
        ) : (
          <p className="muted">{t('responses.promise', { target: duration(target) })}</p>
        ))}
    </div>
  );
}

/** Hosts answer with a status; declining or "not now" needs a reason, which the field asks for as soon as it is chosen. */
function ResponseComposer({ c, onDone }: { c: Contribution; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const respond = useRespond(c);
  const first = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<ResponseStatus>(c.status === 'merged' ? 'received' : c.status);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const needsReason = NEEDS_REASON.includes(status);
  const serverErrors = fieldErrorsOf(t, respond.error);
  if (serverErrors.reason) serverErrors.reason = t('responses.compose.reasonMissing');
  const errors = clientErrors ?? serverErrors;

  useEffect(() => {
    first.current?.querySelector('select')?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check({
      text: text.trim() === '' && t('validation.required'),
      reason: needsReason && reason.trim() === '' && t('responses.compose.reasonMissing'),
    });
    setClientErrors(problems);
    if (problems) return;
    respond.mutate(
      { status, text: text.trim(), ...(needsReason ? { reason: reason.trim() } : {}) },
      {
        onSuccess: () => {
          toast.show(t('responses.compose.done'));
          onDone();
        },
      },
    );
  };

  return (
    <form className="answer-compose" onSubmit={submit} noValidate aria-labelledby="compose-answer-title">
      <h3 id="compose-answer-title">{t('responses.compose.title')}</h3>
      <p className="muted">{t('responses.compose.lead')}</p>
      {respond.error && !clientErrors && Object.keys(serverErrors).length === 0 ? <Alert tone="error">{errorMessage(t, respond.error)}</Alert> : null}
      <div ref={first}>
        <Select
          label={t('responses.compose.status')}
          hint={t(`responses.statusHint.${status}`)}
          value={status}
          options={RESPONSE_STATUSES.map((s) => ({ value: s, label: s === c.status ? t('responses.compose.unchanged', { status: t(`contributions.status.${s}`) }) : t(`contributions.status.${s}`) }))}
          onChange={(value) => {
            setStatus(value);
            setClientErrors(null);
          }}
        />
      </div>
      {needsReason && (
        <TextArea label={t('responses.compose.reason')} hint={t('responses.compose.reasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} rows={3} maxLength={5000} required />
      )}
      <TextArea label={t('responses.compose.text')} hint={t('responses.compose.textHint')} value={text} onChange={(e) => setText(e.target.value)} error={errors.text} rows={5} maxLength={10000} required />
      <div className="form-actions">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={respond.isPending}>
          {t('responses.compose.submit')}
        </Button>
      </div>
    </form>
  );
}
