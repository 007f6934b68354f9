import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { TextArea, TextField } from '../../../components/Field';
import type { PathErrors } from '../terms-form';
import { ACTIONS, type PhaseInput } from '../types';

interface Props {
  phases: PhaseInput[];
  onChange: (phases: PhaseInput[]) => void;
  errors: PathErrors;
}

export function PhasesStep({ phases, onChange, errors }: Props) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<PhaseInput>) => onChange(phases.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const move = (index: number, by: number) => {
    const next = [...phases];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    onChange(next);
  };
  const phaseError = (i: number) => errors[`/phases/${i}`] ?? errors[`/phases/${i}/endsOn`] ?? errors[`/phases/${i}/startsOn`];
  return (
    <>
      <p className="muted">{t('terms.wizard.phasesLead')}</p>
      <ol className="phase-editor">
        {phases.map((phase, i) => (
          <li key={i} className="card repeat-item">
            <h3>{t('terms.wizard.phase', { n: i + 1 })}</h3>
            <TextField label={t('terms.wizard.phaseName')} value={phase.name} onChange={(e) => set(i, { name: e.target.value })} error={errors[`/phases/${i}/name`]} required />
            <TextArea label={t('terms.wizard.phaseDescription')} rows={2} value={phase.description ?? ''} onChange={(e) => set(i, { description: e.target.value })} optional />
            <div className="form-grid">
              <TextField label={t('terms.wizard.startsOn')} type="date" value={phase.startsOn ?? ''} onChange={(e) => set(i, { startsOn: e.target.value || null })} optional />
              <TextField label={t('terms.wizard.endsOn')} type="date" value={phase.endsOn ?? ''} onChange={(e) => set(i, { endsOn: e.target.value || null })} error={phaseError(i)} optional />
            </div>
            <fieldset className="fieldset">
              <legend>{t('terms.wizard.enabled')}</legend>
              <div className="check-grid">
                {ACTIONS.map((action) => (
                  <label key={action} className="check">
                    <input
                      type="checkbox"
                      checked={phase.actions.includes(action)}
                      onChange={(e) => set(i, { actions: e.target.checked ? [...phase.actions, action] : phase.actions.filter((a) => a !== action) })}
                    />
                    {t(`initiatives.actions.${action}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="form-actions form-actions-start">
              <Button variant="ghost" size="sm" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${t('terms.wizard.up')}: ${t('terms.wizard.phase', { n: i + 1 })}`}>
                ↑ {t('terms.wizard.up')}
              </Button>
              <Button variant="ghost" size="sm" disabled={i === phases.length - 1} onClick={() => move(i, 1)} aria-label={`${t('terms.wizard.down')}: ${t('terms.wizard.phase', { n: i + 1 })}`}>
                ↓ {t('terms.wizard.down')}
              </Button>
              <Button variant="ghost" size="sm" disabled={phases.length === 1} onClick={() => onChange(phases.filter((_, n) => n !== i))} aria-label={`${t('terms.wizard.removePhase')}: ${t('terms.wizard.phase', { n: i + 1 })}`}>
                {t('terms.wizard.removePhase')}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <Button variant="secondary" onClick={() => onChange([...phases, { name: '', description: '', startsOn: null, endsOn: null, actions: ['propose_ideas', 'comment', 'support'] }])}>
        {t('terms.wizard.addPhase')}
      </Button>
    </>
  );
}
