import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextArea, TextField } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { check, errorMessage, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
import { useUpdateTheme, type Theme } from './themes-api';

/** Hosts rename a theme and say what belongs in it; the description shows above the feed filtered by it. */
export function ThemeDialog({ initiativeId, theme, onClose }: { initiativeId: string; theme: Theme | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateTheme(initiativeId);
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <Dialog open={theme !== null} onClose={close} title={t('contributions.themes.editTitle', { name: theme?.name ?? '' })} description={t('contributions.themes.editBody')}>
      {theme && <ThemeForm key={theme.id} theme={theme} update={update} onDone={close} />}
    </Dialog>
  );
}

function ThemeForm({ theme, update, onDone }: { theme: Theme; update: ReturnType<typeof useUpdateTheme>; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [name, setName] = useState(theme.name);
  const [description, setDescription] = useState(theme.description);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors = clientErrors ?? fieldErrorsOf(t, update.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check({ name: name.trim() === '' && t('validation.required') });
    setClientErrors(problems);
    if (problems) return;
    const changes = { ...(name.trim() !== theme.name ? { name: name.trim() } : {}), ...(description.trim() !== theme.description ? { description: description.trim() } : {}) };
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate({ id: theme.id, ...changes }, { onSuccess: (saved) => { toast.show(t('contributions.themes.saved', { name: saved.name })); onDone(); } });
  };
  return (
    <form onSubmit={submit} noValidate>
      {update.error && !clientErrors && !errors.name ? <Alert tone="error">{errorMessage(t, update.error)}</Alert> : null}
      <TextField label={t('contributions.themes.nameLabel')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} maxLength={80} />
      <TextArea label={t('contributions.themes.description')} hint={t('contributions.themes.descriptionHint')} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} rows={4} maxLength={2000} optional />
      <div className="form-actions">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
