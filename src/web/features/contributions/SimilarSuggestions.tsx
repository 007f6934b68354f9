import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { KindBadge } from './badges';
import { useSimilar, type SimilarContribution } from './search-api';
import { SupportButton } from './SupportButton';
import type { Ref, SupportState } from './types';

interface Props {
  initiativeId: string;
  title: string;
  body: string;
  canBuild: boolean;
  onBuildOn: (ref: Ref) => void;
  onTermsNeeded: () => void;
}

/** While someone writes: what others already said that sounds alike, to support or build on instead of repeating it. */
export function SimilarSuggestions({ initiativeId, title, body, canBuild, onBuildOn, onTermsNeeded }: Props) {
  const { t } = useTranslation();
  const similar = useSimilar(initiativeId, title, body);
  const items = (similar.data?.items ?? []).filter((item) => item.score >= 0.1);
  return (
    <>
      <p className="visually-hidden" role="status">
        {items.length > 0 ? t('contributions.similar.found', { count: items.length }) : ''}
      </p>
      {items.length === 0 && <p className="similar-tip">{t('contributions.similar.tip')}</p>}
      {items.length > 0 && (
        <section className="similar" aria-labelledby="similar-title">
          <h2 id="similar-title">{t('contributions.similar.title')}</h2>
          <p className="muted">{t('contributions.similar.lead')}</p>
          <ul className="similar-list">
            {items.map((item) => (
              <SimilarItem key={item.id} item={item} initiativeId={initiativeId} canBuild={canBuild} onBuildOn={onBuildOn} onTermsNeeded={onTermsNeeded} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function SimilarItem({ item, initiativeId, canBuild, onBuildOn, onTermsNeeded }: { item: SimilarContribution; initiativeId: string; canBuild: boolean; onBuildOn: (ref: Ref) => void; onTermsNeeded: () => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<SupportState | null>(null);
  return (
    <li className="similar-item">
      <div className="similar-head">
        <KindBadge kind={item.kind} />
        <Link to={`/contributions/${item.id}`} target="_blank" rel="noopener">
          {item.title}
          <span className="visually-hidden"> ({t('contributions.similar.newTab')})</span>
        </Link>
      </div>
      {item.excerpt && <p className="similar-excerpt">{item.excerpt}</p>}
      {item.sharedTerms.length > 0 && <p className="muted similar-terms">{t('contributions.similar.shared', { words: item.sharedTerms.slice(0, 5).join(', ') })}</p>}
      <div className="similar-actions">
        <SupportButton
          target={{ id: item.id, initiativeId }}
          supported={state?.supported ?? false}
          count={state?.supportCount ?? item.supportCount}
          onChange={setState}
          onTermsNeeded={onTermsNeeded}
          size="sm"
        />
        {canBuild && (
          <Button variant="secondary" size="sm" onClick={() => onBuildOn({ id: item.id, title: item.title, kind: item.kind })}>
            {t('contributions.similar.buildOn')}
          </Button>
        )}
      </div>
    </li>
  );
}
