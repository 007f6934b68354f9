import { useTranslation } from 'react-i18next';
import { Section } from '../../components/PageLayout';
import { useAssets, useNeeds } from './api';
import { useFileSize } from './file-size';
import type { Initiative } from './types';

/** "PDF", "PNG": what kind of file, in the words people use. */
const fileType = (mediaType: string) => (mediaType === 'application/pdf' ? 'PDF' : mediaType.replace(/^image\//, '').toUpperCase());

/** "Expose your weaknesses": what the host cannot solve alone, and what it shares to help. */
export function NeedsAndAssets({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const needs = useNeeds(initiative.id);
  const assets = useAssets(initiative.id);
  const size = useFileSize();
  return (
    <>
      <Section id="needs" title={t('initiatives.home.needs')}>
        {needs.data?.items.length ? (
          <ul className="plain-list">
            {needs.data.items.map((need) => (
              <li key={need.id} className="card">
                <h3>{need.title}</h3>
                <p className="pre-line">{need.problem}</p>
                {need.context && (
                  <p className="pre-line">
                    <strong>{t('initiatives.home.context')}: </strong>
                    {need.context}
                  </p>
                )}
                {need.tried && (
                  <p className="pre-line">
                    <strong>{t('initiatives.home.tried')}: </strong>
                    {need.tried}
                  </p>
                )}
                {need.constraints && (
                  <p className="pre-line">
                    <strong>{t('initiatives.home.constraints')}: </strong>
                    {need.constraints}
                  </p>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('initiatives.home.noNeeds')}</p>
        )}
      </Section>
      <Section id="assets" title={t('initiatives.home.assets')}>
        {assets.data?.items.length ? (
          <ul className="plain-list">
            {assets.data.items.map((asset) => (
              <li key={asset.id} className="card">
                <h3>
                  <a href={asset.url} rel="noopener noreferrer" target="_blank">
                    {asset.title}
                  </a>
                </h3>
                {asset.description && <p>{asset.description}</p>}
                {asset.file && <p className="muted">{t('initiatives.host.fileDetails', { type: fileType(asset.file.mediaType), size: size(asset.file.size) })}</p>}
                <p className="muted">
                  {t('initiatives.host.access')}: {t(`initiatives.access.${asset.access}`)}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('initiatives.home.noAssets')}</p>
        )}
      </Section>
    </>
  );
}
