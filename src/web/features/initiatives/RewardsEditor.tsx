import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { TextArea, TextField } from '../../components/Field';
import { Select } from '../../components/Select';
import { numberOrUndefined, type PathErrors } from './terms-form';
import { REWARD_KINDS, type Reward, type Terms } from './types';

interface Props {
  terms: Terms;
  onChange: (terms: Terms) => void;
  errors: PathErrors;
}

/** Rewards, revenue share and co-investment: what contributors get, and who puts in what. */
export function RewardsEditor({ terms, onChange, errors }: Props) {
  const { t } = useTranslation();
  const setReward = (index: number, patch: Partial<Reward>) => onChange({ ...terms, rewards: terms.rewards.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const share = terms.revenueShare;
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t('terms.editor.rewards')}</legend>
        {terms.rewards.map((reward, i) => (
          <div key={i} className="repeat-item">
            <h4>{t('terms.editor.reward', { n: i + 1 })}</h4>
            <div className="form-grid">
              <Select
                label={t('terms.editor.kind')}
                value={reward.kind}
                options={REWARD_KINDS.map((k) => ({ value: k, label: t(`initiatives.agree.rewardKind.${k}`) }))}
                onChange={(kind) => setReward(i, { kind })}
              />
              {reward.kind === 'royalty' ? (
                <TextField label={t('terms.editor.percentage')} type="number" min={0} max={100} step="any" value={reward.percentage ?? ''} onChange={(e) => setReward(i, { percentage: numberOrUndefined(e.target.value) })} error={errors[`/rewards/${i}/percentage`]} optional />
              ) : reward.kind === 'recognition' ? null : (
                <TextField label={t('terms.editor.amount')} type="number" min={0} step="any" value={reward.amount ?? ''} onChange={(e) => setReward(i, { amount: numberOrUndefined(e.target.value) })} error={errors[`/rewards/${i}/amount`]} optional />
              )}
              {reward.kind === 'cash' && (
                <TextField label={t('terms.editor.currency')} value={reward.currency ?? ''} maxLength={3} onChange={(e) => setReward(i, { currency: e.target.value.toUpperCase() })} error={errors[`/rewards/${i}/currency`]} />
              )}
            </div>
            <TextArea label={t('terms.editor.earnedBy')} rows={2} value={reward.earnedBy} onChange={(e) => setReward(i, { earnedBy: e.target.value })} error={errors[`/rewards/${i}/earnedBy`]} />
            <Button variant="ghost" size="sm" onClick={() => onChange({ ...terms, rewards: terms.rewards.filter((_, n) => n !== i) })}>
              {t('terms.editor.removeReward', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button variant="secondary" size="sm" onClick={() => onChange({ ...terms, rewards: [...terms.rewards, { kind: 'cash', currency: 'EUR', earnedBy: '' }] })}>
          {t('terms.editor.addReward')}
        </Button>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('terms.editor.revenueShare')}</legend>
        <label className="check">
          <input type="checkbox" checked={share !== null} onChange={(e) => onChange({ ...terms, revenueShare: e.target.checked ? { percentage: 1, of: '', durationMonths: null } : null })} />
          {t('terms.editor.hasShare')}
        </label>
        {share && (
          <div className="form-grid">
            <TextField label={t('terms.editor.sharePercentage')} type="number" min={0} max={100} step="any" value={share.percentage} onChange={(e) => onChange({ ...terms, revenueShare: { ...share, percentage: numberOrUndefined(e.target.value) ?? 0 } })} error={errors['/revenueShare/percentage']} />
            <TextField label={t('terms.editor.shareOf')} value={share.of} onChange={(e) => onChange({ ...terms, revenueShare: { ...share, of: e.target.value } })} error={errors['/revenueShare/of']} />
            <TextField
              label={t('terms.editor.months')}
              hint={t('terms.editor.monthsHint')}
              type="number"
              min={1}
              value={share.durationMonths ?? ''}
              onChange={(e) => onChange({ ...terms, revenueShare: { ...share, durationMonths: numberOrUndefined(e.target.value) ?? null } })}
              error={errors['/revenueShare/durationMonths']}
              optional
            />
          </div>
        )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('terms.editor.coInvestment')}</legend>
        {terms.coInvestment.map((c, i) => (
          <div key={i} className="form-grid repeat-item">
            <TextField label={t('terms.editor.party')} value={c.party} onChange={(e) => onChange({ ...terms, coInvestment: terms.coInvestment.map((x, n) => (n === i ? { ...x, party: e.target.value } : x)) })} error={errors[`/coInvestment/${i}/party`]} />
            <TextField label={t('terms.editor.invests')} value={c.invests} onChange={(e) => onChange({ ...terms, coInvestment: terms.coInvestment.map((x, n) => (n === i ? { ...x, invests: e.target.value } : x)) })} error={errors[`/coInvestment/${i}/invests`]} />
            <Button variant="ghost" size="sm" onClick={() => onChange({ ...terms, coInvestment: terms.coInvestment.filter((_, n) => n !== i) })}>
              {t('terms.editor.removeInvestment', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button variant="secondary" size="sm" onClick={() => onChange({ ...terms, coInvestment: [...terms.coInvestment, { party: '', invests: '' }] })}>
          {t('terms.editor.addInvestment')}
        </Button>
      </fieldset>
    </>
  );
}
