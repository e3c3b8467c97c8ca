import { type ScenarioDetail } from '@twinhelm/contracts';
import { DecisionControlsView } from '../../components/DecisionControlsView';
import { useDecideRecommendation } from '../api/scenario-queries';
import { useWhatIf } from '../whatif-context';

interface Props {
  scenarioId: string;
  rank: number;
  decisions: ScenarioDetail['approvals'];
}

const when = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const CLASSES = {
  root: 'whatif__decision',
  approved: 'whatif__ok',
  rejected: 'whatif__rejected',
  buttons: 'whatif__row whatif__row--tight',
};

/** Who decided on a recommendation, and Approve / Reject with a comment for those who may. */
export function DecisionControls({ scenarioId, rank, decisions }: Props) {
  const { canRun } = useWhatIf();
  const decide = useDecideRecommendation(scenarioId);
  return (
    <DecisionControlsView
      rank={rank}
      latest={decisions.toSorted((a, b) => b.at - a.at)[0]}
      formatAt={(at) => when.format(at)}
      canDecide={canRun}
      pending={decide.isPending}
      error={decide.error}
      onDecide={(decision, comment, done) =>
        decide.mutate(
          { rank, body: { decision, ...(comment ? { comment } : {}) } },
          { onSuccess: done },
        )
      }
      placeholder="Comment (optional)"
      classes={CLASSES}
    />
  );
}
