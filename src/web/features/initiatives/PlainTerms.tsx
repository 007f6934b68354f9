import { useTranslation } from 'react-i18next';
import { usePlainSentences } from './plain-sentences';
import type { Terms } from './types';

/** The sealed (or draft) terms as sentences a participant understands without legal training. */
export function PlainTerms({ terms, orgName }: { terms: Terms; orgName: string }) {
  const { t } = useTranslation();
  const sentences = usePlainSentences();
  return (
    <div className="plain-terms">
      <ul className="plain-terms-main">
        {sentences.main(terms, orgName).map((sentence, i) => (
          <li key={i}>{sentence}</li>
        ))}
      </ul>
      {terms.confidentiality.mode === 'nda' && terms.confidentiality.ndaText && <blockquote className="plain-terms-nda">{terms.confidentiality.ndaText}</blockquote>}
      {terms.coInvestment.length > 0 && (
        <>
          <h3>{t('initiatives.agree.coInvestment')}</h3>
          <ul>
            {terms.coInvestment.map((c, i) => (
              <li key={i}>{t('initiatives.agree.invests', { party: c.party, invests: c.invests })}</li>
            ))}
          </ul>
        </>
      )}
      {terms.killCriteria.length > 0 && (
        <>
          <h3>{t('initiatives.agree.killCriteria')}</h3>
          <ul>
            {terms.killCriteria.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
      {terms.dataUse && (
        <>
          <h3>{t('initiatives.agree.dataUse')}</h3>
          <p>{terms.dataUse}</p>
        </>
      )}
      {terms.freeText && (
        <>
          <h3>{t('initiatives.agree.freeText')}</h3>
          <p className="pre-line">{terms.freeText}</p>
        </>
      )}
    </div>
  );
}

export const shortHash = (hash: string) => hash.slice(0, 12);
