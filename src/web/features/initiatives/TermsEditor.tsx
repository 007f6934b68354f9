import { useTranslation } from 'react-i18next';
import { TextArea, TextField } from '../../components/Field';
import { ChoiceGroup } from '../../components/Select';
import { RewardsEditor } from './RewardsEditor';
import type { PathErrors } from './terms-form';
import { EXCLUSIVITY, IP_POLICIES, type Terms } from './types';

interface Props {
  terms: Terms;
  onChange: (terms: Terms) => void;
  errors: PathErrors;
}

/** Every clause of the terms, used by the wizard (draft) and by the amendment form. */
export function TermsEditor({ terms, onChange, errors }: Props) {
  const { t } = useTranslation();
  return (
    <div className="terms-editor">
      <ChoiceGroup
        legend={t('terms.editor.ip')}
        name="ip-policy"
        value={terms.ip.policy}
        options={IP_POLICIES.map((p) => ({ value: p, label: t(`terms.editor.ipPolicy.${p}`) }))}
        onChange={(policy) => onChange({ ...terms, ip: { ...terms.ip, policy } })}
      />
      {terms.ip.policy === 'open_licence' && (
        <TextField label={t('terms.editor.licence')} value={terms.ip.licence ?? ''} onChange={(e) => onChange({ ...terms, ip: { ...terms.ip, licence: e.target.value } })} error={errors['/ip/licence']} />
      )}
      <TextArea label={t('terms.editor.ipNotes')} rows={2} value={terms.ip.notes ?? ''} onChange={(e) => onChange({ ...terms, ip: { ...terms.ip, notes: e.target.value } })} error={errors['/ip/notes']} optional />
      <RewardsEditor terms={terms} onChange={onChange} errors={errors} />
      <ChoiceGroup
        legend={t('terms.editor.confidentiality')}
        name="confidentiality"
        value={terms.confidentiality.mode}
        options={(['public', 'nda'] as const).map((m) => ({ value: m, label: t(`terms.editor.mode.${m}`) }))}
        onChange={(mode) => onChange({ ...terms, confidentiality: { ...terms.confidentiality, mode } })}
      />
      {terms.confidentiality.mode === 'nda' && (
        <TextArea
          label={t('terms.editor.ndaText')}
          value={terms.confidentiality.ndaText ?? ''}
          onChange={(e) => onChange({ ...terms, confidentiality: { ...terms.confidentiality, ndaText: e.target.value } })}
          error={errors['/confidentiality/ndaText'] ?? errors['/confidentiality']}
        />
      )}
      <ChoiceGroup
        legend={t('terms.editor.exclusivity')}
        name="exclusivity"
        value={terms.exclusivity}
        options={EXCLUSIVITY.map((x) => ({ value: x, label: t(`terms.editor.exclusivityOption.${x}`) }))}
        onChange={(exclusivity) => onChange({ ...terms, exclusivity })}
      />
      <TextArea
        label={t('terms.editor.killCriteria')}
        hint={t('terms.editor.killHint')}
        value={terms.killCriteria.join('\n')}
        onChange={(e) => onChange({ ...terms, killCriteria: e.target.value.split('\n') })}
        error={Object.entries(errors).find(([path]) => path.startsWith('/killCriteria'))?.[1]}
        optional
      />
      <TextArea label={t('terms.editor.dataUse')} value={terms.dataUse} onChange={(e) => onChange({ ...terms, dataUse: e.target.value })} error={errors['/dataUse']} optional />
      <TextArea label={t('terms.editor.freeText')} value={terms.freeText} onChange={(e) => onChange({ ...terms, freeText: e.target.value })} error={errors['/freeText']} optional />
    </div>
  );
}
