import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field, TextArea, TextField } from '../../components/Field';
import { ChoiceGroup, Select } from '../../components/Select';
import { useToast } from '../../components/Toast';
import { errorCode, errorMessage, fieldErrorsOf } from '../../lib/errors';
import { useCreateAsset, useCreateNeed, type AssetInput } from './api';
import { useFileSize } from './file-size';
import { ASSET_ACCESS } from './types';

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

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const EMPTY_ASSET: AssetInput = { title: '', description: '', url: '', access: 'everyone', file: null };

/** Share a link or upload a file (a picture or a PDF up to 10 MB), and say who may open it. */
export function AssetDialog({ initiativeId, open, onClose }: FormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const size = useFileSize();
  const create = useCreateAsset(initiativeId);
  const [v, setV] = useState<AssetInput>(EMPTY_ASSET);
  const [source, setSource] = useState<'link' | 'file'>('link');
  const [fileError, setFileError] = useState<string | null>(null);
  const errors = fieldErrorsOf(t, create.error);
  const close = () => {
    create.reset();
    setFileError(null);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (source === 'file' && v.file === null) return setFileError(t('initiatives.host.fileMissing'));
    if (source === 'file' && v.file !== null && v.file.size > MAX_FILE_BYTES) return setFileError(t('initiatives.host.fileTooLarge', { size: size(v.file.size) }));
    create.mutate(source === 'link' ? { ...v, file: null } : { ...v, url: '' }, {
      onSuccess: () => {
        toast.show(t('initiatives.host.assetShared'));
        setV(EMPTY_ASSET);
        close();
      },
    });
  };
  const serverFileError = errors.file ?? (create.error && ['unsupported_file_type', 'body_too_large'].includes(errorCode(create.error) ?? '') ? errorMessage(t, create.error) : undefined);
  const shownErrors = Object.keys(errors).length > 0 || serverFileError !== undefined;
  return (
    <Dialog open={open} onClose={close} title={t('initiatives.host.asset')}>
      <form onSubmit={submit} noValidate>
        {create.error && !shownErrors ? <Alert tone="error">{errorMessage(t, create.error)}</Alert> : null}
        <TextField label={t('initiatives.host.assetTitle')} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={errors.title} required />
        <TextArea label={t('initiatives.host.assetDescription')} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} optional />
        <ChoiceGroup
          legend={t('initiatives.host.source')}
          name="asset-source"
          value={source}
          options={[
            { value: 'link', label: t('initiatives.host.sourceLink') },
            { value: 'file', label: t('initiatives.host.sourceFile'), hint: t('initiatives.host.fileHint') },
          ]}
          onChange={setSource}
        />
        {source === 'link' ? (
          <TextField label={t('initiatives.host.url')} type="url" value={v.url} onChange={(e) => setV({ ...v, url: e.target.value })} error={errors.url} required />
        ) : (
          <Field label={t('initiatives.host.file')} hint={v.file ? `${v.file.name} · ${size(v.file.size)}` : undefined} error={fileError ?? serverFileError}>
            {(control) => (
              <input
                {...control}
                className="input input-file"
                type="file"
                accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
                onChange={(e) => {
                  setFileError(null);
                  create.reset();
                  setV({ ...v, file: e.target.files?.[0] ?? null });
                }}
              />
            )}
          </Field>
        )}
        <Select
          label={t('initiatives.host.access')}
          value={v.access}
          options={ASSET_ACCESS.map((a) => ({ value: a, label: t(`initiatives.access.${a}`) }))}
          onChange={(access) => setV({ ...v, access })}
        />
        <div className="form-actions">
          <Button variant="secondary" onClick={close}>
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
