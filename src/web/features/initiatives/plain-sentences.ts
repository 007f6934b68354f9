import { useTranslation } from 'react-i18next';
import type { Reward, Terms } from './types';

/** Turns terms into the sentences a participant reads; the same sentences make the plain-words diff between versions. */
export function usePlainSentences() {
  const { t, i18n } = useTranslation();
  const number = (value: number) => new Intl.NumberFormat(i18n.resolvedLanguage).format(value);
  const reward = (r: Reward): string => {
    const value = r.amount !== undefined ? `${number(r.amount)}${r.currency ? ` ${r.currency}` : ''}` : r.percentage !== undefined ? `${number(r.percentage)}%` : null;
    return `${t(`initiatives.agree.rewardKind.${r.kind}`)}${value ? `: ${value}` : ''} — ${r.earnedBy}`;
  };
  /** The main promises: rights, rewards, revenue share, exclusivity and confidentiality. */
  const main = (terms: Terms, org: string): string[] => {
    const share = terms.revenueShare;
    return [
      t(`initiatives.agree.ip.${terms.ip.policy}`, { org, licence: terms.ip.licence ?? '' }) + (terms.ip.notes ? ` ${terms.ip.notes}` : ''),
      ...(terms.rewards.length === 0 ? [t('initiatives.agree.noRewards')] : terms.rewards.map(reward)),
      share === null
        ? t('initiatives.agree.noShare')
        : share.durationMonths === null
          ? t('initiatives.agree.shareForever', { percentage: share.percentage, of: share.of })
          : t('initiatives.agree.share', { percentage: share.percentage, of: share.of, months: share.durationMonths }),
      t(`initiatives.agree.exclusivity.${terms.exclusivity}`),
      t(`initiatives.agree.confidentiality.${terms.confidentiality.mode}`),
    ];
  };
  /** Every sentence, the sections' headings folded in, for comparing two versions line by line. */
  const all = (terms: Terms, org: string): string[] => [
    ...main(terms, org),
    ...(terms.confidentiality.mode === 'nda' && terms.confidentiality.ndaText ? [terms.confidentiality.ndaText] : []),
    ...terms.coInvestment.map((c) => t('initiatives.agree.invests', { party: c.party, invests: c.invests })),
    ...terms.killCriteria.map((c) => `${t('initiatives.agree.killCriteria')}: ${c}`),
    ...(terms.dataUse ? [`${t('initiatives.agree.dataUse')}: ${terms.dataUse}`] : []),
    ...(terms.freeText ? [`${t('initiatives.agree.freeText')}: ${terms.freeText}`] : []),
  ];
  return { reward, main, all };
}
