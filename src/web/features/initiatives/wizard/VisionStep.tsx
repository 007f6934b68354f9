import { useTranslation } from 'react-i18next';
import { TextArea, TextField } from '../../../components/Field';
import { Select } from '../../../components/Select';
import { slugify } from '../../../lib/slug';
import type { PathErrors } from '../terms-form';
import { OBJECTS, REACHES } from '../types';
import type { WizardState } from './state';

interface Props {
  state: WizardState;
  onChange: (state: WizardState) => void;
  errors: PathErrors;
  /** The address can be chosen only before the draft exists. */
  slugLocked: boolean;
  slugEdited: boolean;
  onSlugEdited: () => void;
}

export function VisionStep({ state, onChange, errors, slugLocked, slugEdited, onSlugEdited }: Props) {
  const { t } = useTranslation();
  const f = state.fields;
  const set = (patch: Partial<WizardState['fields']>) => onChange({ ...state, fields: { ...f, ...patch } });
  return (
    <>
      <TextField
        label={t('terms.wizard.titleField')}
        value={f.title}
        onChange={(e) => set(slugLocked || slugEdited ? { title: e.target.value } : { title: e.target.value, slug: slugify(e.target.value).slice(0, 60) })}
        error={errors['/title']}
        required
      />
      <TextField
        label={t('terms.wizard.slug')}
        hint={t('terms.wizard.slugHint')}
        value={f.slug}
        disabled={slugLocked}
        onChange={(e) => {
          onSlugEdited();
          set({ slug: e.target.value });
        }}
        error={errors['/slug']}
        required
      />
      <TextArea label={t('terms.wizard.summary')} hint={t('terms.wizard.summaryHint')} rows={2} value={f.summary} onChange={(e) => set({ summary: e.target.value })} error={errors['/summary']} required />
      <TextArea label={t('terms.wizard.vision')} hint={t('terms.wizard.visionHint')} rows={8} value={f.vision} onChange={(e) => set({ vision: e.target.value })} error={errors['/vision']} optional />
      <TextArea
        label={t('terms.wizard.goals')}
        hint={t('terms.wizard.goalsHint')}
        value={state.goalsText}
        onChange={(e) => onChange({ ...state, goalsText: e.target.value })}
        error={Object.entries(errors).find(([path]) => path.startsWith('/goals'))?.[1]}
        optional
      />
      <div className="form-grid">
        <Select label={t('terms.wizard.object')} value={f.object} options={OBJECTS.map((o) => ({ value: o, label: t(`initiatives.object.${o}`) }))} onChange={(object) => set({ object })} />
        <Select label={t('terms.wizard.reach')} value={f.reach} options={REACHES.map((r) => ({ value: r, label: t(`initiatives.reach.${r}`) }))} onChange={(reach) => set({ reach })} />
      </div>
    </>
  );
}
