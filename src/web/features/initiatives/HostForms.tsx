import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextArea, TextField } from '../../components/Field';
import { Select } from '../../components/Select';
import { useToast } from '../../components/Toast';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { useCreateAsset, useCreateNeed } from './api';
import { ASSET_ACCESS, type AssetAccess } from './types';

interface FormProps {
  initiativeId: string;
  open: boolean;
  onClose: () => void;
}

export function NeedDialog({ initiativeId, open, onClose }: FormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const create = useCreateNeed(initiativeId);
  const [v, setV] = useState({ title: '', problem: '', context: '', tried: '', constraints: '' });
  const errors = fieldErrorsOf(t, create.error);
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(v, {
      onSuccess: () => {
        toast.show(t('initiatives.host.needPublished'));
        setV({ title: '', problem: '', context: '', tried: '', constraints: '' });
        onClose();
      },
    });
  };
  return (
    <Dialog open={open} onClose={onClose} title={t('initiatives.host.need')}>
      <form onSubmit={submit} noValidate>
        {create.error && !errors.title && !errors.problem ? <Alert tone="error">{errorMessage(t, create.error)}</Alert> : null}
        <TextField label={t('initiatives.host.needTitle')} value={v.title} onChange={set('title')} error={errors.title} required />
        <TextArea label={t('initiatives.host.problem')} value={v.problem} onChange={set('problem')} error={errors.problem} required />
        <TextArea label={t('initiatives.host.context')} value={v.context} onChange={set('context')} optional />
        <TextArea label={t('initiatives.host.tried')} value={v.tried} onChange={set('tried')} optional />
        <TextArea label={t('initiatives.host.constraints')} value={v.constraints} onChange={set('constraints')} optional />
        <div className="form-actions">
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('initiatives.host.need')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function AssetDialog({ initiativeId, open, onClose }: FormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const create = useCreateAsset(initiativeId);
  const [v, setV] = useState({ title: '', description: '', url: '', access: 'everyone' as AssetAccess });
  const errors = fieldErrorsOf(t, create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(v, {
      onSuccess: () => {
        toast.show(t('initiatives.host.assetShared'));
        setV({ title: '', description: '', url: '', access: 'everyone' });
        onClose();
      },
    });
  };
  return (
    <Dialog open={open} onClose={onClose} title={t('initiatives.host.asset')}>
      <form onSubmit={submit} noValidate>
        {create.error && Object.keys(errors).length === 0 ? <Alert tone="error">{errorMessage(t, create.error)}</Alert> : null}
        <TextField label={t('initiatives.host.assetTitle')} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={errors.title} required />
        <TextArea label={t('initiatives.host.assetDescription')} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} optional />
        <TextField label={t('initiatives.host.url')} type="url" value={v.url} onChange={(e) => setV({ ...v, url: e.target.value })} error={errors.url} required />
        <Select
          label={t('initiatives.host.access')}
          value={v.access}
          options={ASSET_ACCESS.map((a) => ({ value: a, label: t(`initiatives.access.${a}`) }))}
          onChange={(access) => setV({ ...v, access })}
        />
        <div className="form-actions">
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('initiatives.host.asset')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
