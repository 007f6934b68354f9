import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useResponseTimes, type ResponseTimes } from './api';
import { useDuration } from './duration';
import './responses.css';

/** The response-time figures of an initiative as a small card: fetched here, for pages that do not have them. */
export function ResponseTimesCard({ initiativeId, headingLevel = 2, footer }: { initiativeId: string; headingLevel?: 2 | 3; footer?: ReactNode }) {
  const times = useResponseTimes(initiativeId);
  if (!times.data) return null;
  return <ResponseTimesView times={times.data} headingLevel={headingLevel} footer={footer} />;
}

/**
 * How fast the hosts answer, readable at a glance: a ring for the share answered within the
 * target, and two bars (half answered within…, nine in ten within…) against a line at the
 * target. Every figure is also written out, so the picture is never the only way to read it.
 */
export function ResponseTimesView({ times, headingLevel = 2, footer }: { times: ResponseTimes; headingLevel?: 2 | 3; footer?: ReactNode }) {
  const { t } = useTranslation();
  const { percent } = useFormat();
  const duration = useDuration();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { medianHours: median, p90Hours: p90, targetHours: target, withinTargetShare: share } = times;
  const scale = Math.max(target, p90 ?? 0) * 1.15;
  const at = (hours: number) => `${Math.min(100, (hours / scale) * 100)}%`;
  return (
    <section className="card side-card times" aria-labelledby="times-title">
      <Heading id="times-title">{t('responses.times.title')}</Heading>
      {share === null ? (
        <p className="muted">{times.answered === 0 && times.waiting === 0 ? t('responses.times.nothingYet') : t('responses.times.noneDue', { target: duration(target) })}</p>
      ) : (
        <div className="times-share">
          <Ring share={share} />
          <p>
            <strong className="times-share-number">{percent(share)}</strong> {t('responses.times.within', { target: duration(target) })}
          </p>
        </div>
      )}
      {median !== null && p90 !== null && (
        <div className="times-bars">
        <dl>
          {[
            { label: t('responses.times.median'), hours: median },
            { label: t('responses.times.p90'), hours: p90 },
          ].map((bar) => (
            <div key={bar.label} className="times-bar">
              <dt>{bar.label}</dt>
              <dd>
                <span className="times-track" aria-hidden="true">
                  <span className={bar.hours > target ? 'times-fill times-fill-late' : 'times-fill'} style={{ width: `max(4px, ${at(bar.hours)})` }} />
                  <span className="times-target" style={{ left: at(target) }} />
                </span>
                <span className="times-value">{duration(bar.hours)}</span>
              </dd>
            </div>
          ))}
        </dl>
          <p className="times-target-legend" aria-hidden="true">
            <span className="times-target-swatch" /> {t('responses.times.targetLine', { target: duration(target) })}
          </p>
        </div>
      )}
      <p className="times-counts">
        {t('responses.times.answered', { count: times.answered })} · {t('responses.times.waiting', { count: times.waiting })}
        {times.overdue > 0 && (
          <>
            {' · '}
            <strong className="times-overdue">{t('responses.times.overdue', { count: times.overdue })}</strong>
          </>
        )}
      </p>
      {footer}
    </section>
  );
}

/** The share answered within the target, as a ring; decorative (the number is written beside it). */
function Ring({ share }: { share: number }) {
  const r = 15.9155; // circumference 100
  return (
    <svg className="times-ring" viewBox="0 0 36 36" aria-hidden="true" focusable="false">
      <circle cx="18" cy="18" r={r} className="times-ring-track" />
      <circle cx="18" cy="18" r={r} className={share >= 0.8 ? 'times-ring-fill' : share >= 0.5 ? 'times-ring-fill times-ring-mid' : 'times-ring-fill times-ring-low'} strokeDasharray={`${Math.max(share * 100, 0.001)} 100`} transform="rotate(-90 18 18)" />
    </svg>
  );
}
