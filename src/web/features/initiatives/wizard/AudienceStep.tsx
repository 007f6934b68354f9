import { useTranslation } from 'react-i18next';
import { ChoiceGroup } from '../../../components/Select';
import { KINDS } from '../../../lib/types';
import { useStyleMap } from '../api';
import { StyleMap } from '../StyleMap';
import type { PathErrors } from '../terms-form';
import { ADAPTABILITIES, INITIATIVE_VISIBILITIES, LOCI } from '../types';
import type { WizardState } from './state';

interface Props {
  slug: string;
  state: WizardState;
  onChange: (state: WizardState) => void;
  errors: PathErrors;
}

export function AudienceStep({ slug, state, onChange, errors }: Props) {
  const { t } = useTranslation();
  const map = useStyleMap(slug);
  const f = state.fields;
  const set = (patch: Partial<WizardState['fields']>) => onChange({ ...state, fields: { ...f, ...patch } });
  const audienceError = Object.entries(errors).find(([path]) => path.startsWith('/audience'))?.[1];
  return (
    <>
      <fieldset className={audienceError ? 'fieldset field-invalid' : 'fieldset'} aria-describedby={audienceError ? 'audience-error' : undefined}>
        <legend>{t('terms.wizard.audience')}</legend>
        <div className="check-grid">
          {KINDS.map((kind) => (
            <label key={kind} className="check">
              <input
                type="checkbox"
                checked={f.audience.includes(kind)}
                onChange={(e) => set({ audience: e.target.checked ? [...f.audience, kind] : f.audience.filter((k) => k !== kind) })}
              />
              {t(`kindsPlural.${kind}`)}
            </label>
          ))}
        </div>
        {audienceError && (
          <p className="field-error" id="audience-error">
            {audienceError}
          </p>
        )}
      </fieldset>
      <ChoiceGroup
        legend={t('terms.wizard.visibility')}
        name="visibility"
        value={f.visibility}
        options={INITIATIVE_VISIBILITIES.map((v) => ({ value: v, label: t(`initiatives.visibility.${v}`) }))}
        onChange={(visibility) => set({ visibility })}
      />
      <div className="wizard-map">
        <div>
          <ChoiceGroup
            legend={t('terms.wizard.locus')}
            name="locus"
            value={f.locus}
            options={LOCI.map((l) => ({ value: l, label: t(`initiatives.locus.${l}`), hint: t(`initiatives.locusHint.${l}`) }))}
            onChange={(locus) => set({ locus })}
          />
          <ChoiceGroup
            legend={t('terms.wizard.adaptability')}
            name="adaptability"
            value={f.adaptability}
            options={ADAPTABILITIES.map((a) => ({ value: a, label: t(`initiatives.adaptability.${a}`), hint: t(`initiatives.adaptabilityHint.${a}`) }))}
            onChange={(adaptability) => set({ adaptability })}
          />
        </div>
        <div>
          <h3>{t('terms.wizard.mapPosition')}</h3>
          <StyleMap map={map.data} highlight={{ locus: f.locus, adaptability: f.adaptability }} withList={false} />
        </div>
      </div>
    </>
  );
}
