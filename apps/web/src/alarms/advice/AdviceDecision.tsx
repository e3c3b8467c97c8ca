'use client';

import { type AdviceRecommendation } from '@twinhelm/contracts';
import { DecisionControlsView } from '../../components/DecisionControlsView';
import { useNow } from '../../lib/use-now';
import { latestDecision, verdictText } from '../advice-shaping';
import { formatWhen } from '../alarm-format';
import { useDecideAdvice } from '../api/advice-queries';

const CLASSES = {
  root: 'advice-decision',
  approved: 'advice-decision__ok',
  rejected: 'advice-decision__rejected',
  buttons: 'alarm-form__buttons',
};

interface Props {
  siteId: string;
  alarmKey: string;
  adviceId: string;
  rec: AdviceRecommendation;
  canAct: boolean;
}

/**
 * Approve / Reject with a comment; then who decided, in demo mode what the virtual plant did,
 * and after an approval the check's verdict.
 */
export function AdviceDecision({ siteId, alarmKey, adviceId, rec, canAct }: Props) {
  const decide = useDecideAdvice(siteId, alarmKey, adviceId);
  const now = useNow(30_000);
  const latest = latestDecision(rec);
  return (
    <DecisionControlsView
      rank={rec.rank}
      latest={latest}
      formatAt={formatWhen}
      canDecide={canAct && !latest}
      pending={decide.isPending}
      error={decide.error}
      onDecide={(decision, comment, done) =>
        decide.mutate(
          { rank: rec.rank, decision, ...(comment ? { comment } : {}) },
          { onSuccess: done },
        )
      }
      placeholder="Comment (optional; say why when rejecting)"
      classes={CLASSES}
    >
      {rec.carriedOut ? (
        <p className={`advice-plant advice-plant--${rec.carriedOut.outcome}`}>
          {rec.carriedOut.summary}
        </p>
      ) : null}
      {rec.check ? (
        <p className={`advice-check advice-check--${rec.check.verdict ?? 'pending'}`}>
          {verdictText(rec.check, now)}
        </p>
      ) : null}
    </DecisionControlsView>
  );
}
