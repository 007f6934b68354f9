import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Select } from '../../components/Select';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import { useCreateTheme, useSetTheme, useThemes } from './themes-api';
import type { Contribution } from './types';

const NEW = '__new__';

/** Put the contribution in a theme, take it out, or start a new theme with it. */
export function ThemeControl({ c }: { c: Contribution }) {
  const { t } = useTranslation();
  const toast = useToast();
  const themes = useThemes(c.initiativeId);
  const setTheme = useSetTheme(c);
  const create = useCreateTheme(c.initiativeId);
  const [choice, setChoice] = useState(c.theme?.id ?? '');
  const [name, setName] = useState('');
  if (themes.isError) return null;
  const list = themes.data?.items ?? [];
  const fail = (error: unknown) => toast.show(errorMessage(t, error), 'error');
  const apply = () => {
    if (choice === NEW) {
      if (name.trim() === '') return;
      create.mutate(
        { name: name.trim(), contributionIds: [c.id] },
        { onSuccess: (theme) => { toast.show(t('contributions.themes.created', { name: theme.name })); setChoice(theme.id); setName(''); }, onError: fail },
      );
      return;
    }
    setTheme.mutate(choice === '' ? null : choice, { onSuccess: () => toast.show(choice === '' ? t('contributions.themes.removed') : t('contributions.themes.set')), onError: fail });
  };
  const unchanged = choice === (c.theme?.id ?? '');
  return (
    <div className="theme-control">
      <Select
        label={t('contributions.themes.label')}
        value={choice}
        options={[{ value: '', label: t('contributions.themes.none') }, ...list.map((th) => ({ value: th.id, label: `${th.name} (${th.contributionCount})` })), { value: NEW, label: t('contributions.themes.new') }]}
        onChange={setChoice}
      />
      {choice === NEW && <TextField label={t('contributions.themes.name')} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} />}
      <Button variant="secondary" size="sm" disabled={unchanged || (choice === NEW && name.trim() === '')} loading={setTheme.isPending || create.isPending} onClick={apply}>
        {t('contributions.themes.apply')}
      </Button>
    </div>
  );
}
