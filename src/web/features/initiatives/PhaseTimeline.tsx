import { useTranslation } from 'react-i18next';
import type { Phase } from './types';

/** The road of an initiative: each phase, its dates, what it lets people do; the current one stands out. */
export function PhaseTimeline({ phases, currentPhaseId }: { phases: Phase[]; currentPhaseId: string | null }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => (value ? new Date(`${value}T00:00:00`).toLocaleDateString(i18n.resolvedLanguage, { day: 'numeric', month: 'short', year: 'numeric' }) : '…');
  return (
    <ol className="timeline">
      {phases.map((phase) => {
        const current = phase.id === currentPhaseId;
        return (
          <li key={phase.id} className={current ? 'timeline-phase timeline-current' : 'timeline-phase'} aria-current={current ? 'step' : undefined}>
            <div className="timeline-head">
              <h3>{phase.name}</h3>
              {current && <span className="timeline-now">{t('initiatives.home.current')}</span>}
            </div>
            {(phase.startsOn || phase.endsOn) && <p className="muted">{t('initiatives.home.dates', { from: date(phase.startsOn), to: date(phase.endsOn) })}</p>}
            {phase.description && <p>{phase.description}</p>}
            {phase.actions.length === 0 ? (
              <p className="muted">{t('initiatives.home.nothingEnabled')}</p>
            ) : (
              <p className="timeline-actions">
                <span className="muted">{t('initiatives.home.enables')} </span>
                {phase.actions.map((a) => (
                  <span key={a} className="chip">
                    {t(`initiatives.actions.${a}`)}
                  </span>
                ))}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
