import { useTranslation } from 'react-i18next';
import { useAudienceText } from '../audience';
import { Button } from '../../../components/Button';
import { PlainTerms } from '../PlainTerms';
import { PhaseTimeline } from '../PhaseTimeline';
import { SafeMarkdown } from '../SafeMarkdown';
import { cleanTerms } from '../terms-form';
import { goalsOf, type Step, type WizardState } from './state';

interface Props {
  state: WizardState;
  orgName: string;
  onEdit: (step: Step) => void;
}

/** The whole initiative as a participant will read it, before it is launched. */
export function ReviewStep({ state, orgName, onEdit }: Props) {
  const { t } = useTranslation();
  const audienceText = useAudienceText();
  const f = state.fields;
  const edit = (step: Step, label: string) => (
    <Button variant="ghost" size="sm" onClick={() => onEdit(step)} aria-label={`${t('terms.wizard.edit')}: ${label}`}>
      {t('terms.wizard.edit')}
    </Button>
  );
  const phases = state.phases.map((p, i) => ({ ...p, id: String(i), position: i, description: p.description ?? '', startsOn: p.startsOn ?? null, endsOn: p.endsOn ?? null }));
  return (
    <div className="review">
      <p className="muted">{t('terms.wizard.reviewLead')}</p>
      <section className="card">
        <div className="review-head">
          <h3>{f.title}</h3>
          {edit('vision', t('terms.wizard.steps.vision'))}
        </div>
        <p>{f.summary}</p>
        <p className="muted">{t('initiatives.home.classification', { object: t(`initiatives.object.${f.object}`).toLowerCase(), reach: t(`initiatives.reach.${f.reach}`).toLowerCase() })}</p>
        {f.vision && (
          <SafeMarkdown>{f.vision}</SafeMarkdown>
        )}
        {goalsOf(state.goalsText).length > 0 && (
          <ul>
            {goalsOf(state.goalsText).map((g, i) => (
              <li key={i}>{g}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <div className="review-head">
          <h3>{t('terms.wizard.steps.audience')}</h3>
          {edit('audience', t('terms.wizard.steps.audience'))}
        </div>
        <p>{t('initiatives.home.audience', { kinds: audienceText(f.audience) })}</p>
        <p>
          {t('terms.wizard.visibility')} {t(`initiatives.visibility.${f.visibility}`)}
        </p>
        <p>
          {t(`initiatives.locus.${f.locus}`)} · {t(`initiatives.adaptability.${f.adaptability}`)}
        </p>
      </section>
      <section className="card">
        <div className="review-head">
          <h3>{t('terms.wizard.steps.phases')}</h3>
          {edit('phases', t('terms.wizard.steps.phases'))}
        </div>
        <PhaseTimeline phases={phases} currentPhaseId="0" />
      </section>
      <section className="card">
        <div className="review-head">
          <h3>{t('initiatives.agree.title')}</h3>
          {edit('terms', t('terms.wizard.steps.terms'))}
        </div>
        <PlainTerms terms={cleanTerms(state.terms)} orgName={orgName} />
      </section>
    </div>
  );
}
