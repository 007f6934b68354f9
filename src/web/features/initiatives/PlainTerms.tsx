import { useTranslation } from 'react-i18next';
import type { Reward, Terms } from './types';

function useRewardText() {
  const { t, i18n } = useTranslation();
  const number = (value: number) => new Intl.NumberFormat(i18n.resolvedLanguage).format(value);
  return (reward: Reward): string => {
    const value =
      reward.amount !== undefined
        ? `${number(reward.amount)}${reward.currency ? ` ${reward.currency}` : ''}`
        : reward.percentage !== undefined
          ? `${number(reward.percentage)}%`
          : null;
    const kind = t(`initiatives.agree.rewardKind.${reward.kind}`);
    return `${kind}${value ? `: ${value}` : ''} — ${reward.earnedBy}`;
  };
}

/** The sealed (or draft) terms as sentences a participant understands without legal training. */
export function PlainTerms({ terms, orgName }: { terms: Terms; orgName: string }) {
  const { t } = useTranslation();
  const reward = useRewardText();
  const share = terms.revenueShare;
  return (
    <div className="plain-terms">
      <ul className="plain-terms-main">
        <li>
          {t(`initiatives.agree.ip.${terms.ip.policy}`, { org: orgName, licence: terms.ip.licence ?? '' })}
          {terms.ip.notes ? <span className="muted"> {terms.ip.notes}</span> : null}
        </li>
        {terms.rewards.length === 0 ? <li>{t('initiatives.agree.noRewards')}</li> : terms.rewards.map((r, i) => <li key={i}>{reward(r)}</li>)}
        <li>
          {share === null
            ? t('initiatives.agree.noShare')
            : share.durationMonths === null
              ? t('initiatives.agree.shareForever', { percentage: share.percentage, of: share.of })
              : t('initiatives.agree.share', { percentage: share.percentage, of: share.of, months: share.durationMonths })}
        </li>
        <li>{t(`initiatives.agree.exclusivity.${terms.exclusivity}`)}</li>
        <li>{t(`initiatives.agree.confidentiality.${terms.confidentiality.mode}`)}</li>
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
