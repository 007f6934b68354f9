import { useTranslation } from 'react-i18next';
import { ChoiceGroup } from '../../components/Select';
import { capitalise } from '../../lib/format';
import { VISIBILITIES, type Visibility } from '../../lib/types';

export function VisibilityChoice({ value, onChange }: { value: Visibility; onChange: (value: Visibility) => void }) {
  const { t } = useTranslation();
  return (
    <ChoiceGroup
      legend={t('fields.visibility')}
      name="visibility"
      value={value}
      onChange={onChange}
      options={VISIBILITIES.map((v) => ({ value: v, label: capitalise(t(`visibility.${v}`)), hint: t(`visibilityHints.${v}`) }))}
    />
  );
}
