import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Section } from '../../components/PageLayout';
import { useToast } from '../../components/Toast';
import { errorCode, errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useFileSize } from '../initiatives/file-size';
import { useAttach } from './team-api';
import type { Attachment, Contribution } from './types';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const fileType = (mediaType: string) => (mediaType === 'application/pdf' ? 'PDF' : mediaType.replace(/^image\//, '').toUpperCase());

/** Pictures and PDFs that show what words cannot; its authors add them. */
export function AttachmentsSection({ c }: { c: Contribution }) {
  const { t } = useTranslation();
  const canAttach = c.me.canEdit && c.mergedInto === null && !c.hidden;
  if (c.attachments.length === 0 && !canAttach) return null;
  return (
    <Section id="attachments" title={t('contributions.attachments.title')}>
      {c.attachments.length > 0 ? (
        <ul className="attachment-list">
          {c.attachments.map((a) => (
            <AttachmentItem key={a.id} a={a} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('contributions.attachments.none')}</p>
      )}
      {canAttach && <AttachForm c={c} />}
    </Section>
  );
}

function AttachmentItem({ a }: { a: Attachment }) {
  const { t } = useTranslation();
  const size = useFileSize();
  const { date } = useFormat();
  const image = a.mediaType.startsWith('image/');
  return (
    <li className="attachment">
      {image && (
        <a href={a.url} target="_blank" rel="noopener noreferrer" className="attachment-thumb" tabIndex={-1} aria-hidden="true">
          <img src={a.url} alt="" loading="lazy" />
        </a>
      )}
      <div>
        <a href={a.url} target="_blank" rel="noopener noreferrer">
          {a.name}
        </a>
        <p className="muted">{t('contributions.attachments.details', { type: fileType(a.mediaType), size: size(a.size), name: a.uploadedBy.name, date: date(a.createdAt) })}</p>
      </div>
    </li>
  );
}

function AttachForm({ c }: { c: Contribution }) {
  const { t } = useTranslation();
  const toast = useToast();
  const size = useFileSize();
  const attach = useAttach(c);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const serverError = attach.error ? (['unsupported_file_type', 'body_too_large', 'file_too_large'].includes(errorCode(attach.error) ?? '') ? errorMessage(t, attach.error) : null) : null;
  const upload = () => {
    if (file === null) return setError(t('initiatives.host.fileMissing'));
    if (file.size > MAX_FILE_BYTES) return setError(t('initiatives.host.fileTooLarge', { size: size(file.size) }));
    attach.mutate(file, {
      onSuccess: () => {
        toast.show(t('contributions.attachments.added', { name: file.name }));
        setFile(null);
        if (input.current) input.current.value = '';
      },
    });
  };
  return (
    <div className="attach-form">
      {attach.error && !serverError ? <Alert tone="error">{errorMessage(t, attach.error)}</Alert> : null}
      <Field label={t('contributions.attachments.add')} hint={t('initiatives.host.fileHint')} error={error ?? serverError}>
        {(control) => (
          <input
            {...control}
            ref={input}
            className="input input-file"
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
            onChange={(e) => {
              setError(null);
              attach.reset();
              setFile(e.target.files?.[0] ?? null);
            }}
          />
        )}
      </Field>
      <Button variant="secondary" loading={attach.isPending} onClick={upload}>
        {t('contributions.attachments.upload')}
      </Button>
    </div>
  );
}
