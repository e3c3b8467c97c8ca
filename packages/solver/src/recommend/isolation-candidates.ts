import { type Perturbation } from '@twinhelm/contracts';
import { type Candidate, type CandidateContext, windowText } from './candidate';
import {
  isolationSegment,
  MAX_SEGMENT_SHARE,
  type Segment,
  SMALL_SEGMENT_NODES,
} from './valve-segments';

const list = (ids: readonly string[], max = 6): string =>
  ids.length <= max
    ? ids.join(', ')
    : `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;

/**
 * For each burst of the scenario: isolate the burst's valve segment (close exactly its
 * boundary valves and pumps), from the burst's start to its end. Without valves near the
 * burst, each pipe end at the junction is taken as a valve position and its pipes are closed.
 */
export function isolationCandidates(ctx: CandidateContext): Candidate[] {
  const { graph } = ctx.topology;
  return ctx.scenario.perturbations.flatMap((p) => {
    if (p.type !== 'burst') return [];
    const segment = isolationSegment(graph, p.assetId);
    const closes = segment.boundary.filter((id) => !ctx.touched.has(id));
    if (closes.length === 0) return [];
    const window = { startS: Math.max(ctx.window.startS, p.startS), endS: p.endS };
    if (window.startS >= window.endS) return [];
    const perturbations: Perturbation[] = closes.map((id) =>
      graph.links[graph.linkIndex.get(id) ?? -1]?.type === 'valve'
        ? { type: 'valve-setting', assetId: id, status: 'closed', ...window }
        : { type: 'asset-outage', assetId: id, ...window },
    );
    const others = segment.nodes.length - 1;
    const cutOff = others > 0 ? ` and cuts off ${others} more node${others > 1 ? 's' : ''}` : '';
    return [
      {
        label: `Isolate ${p.assetId}`,
        action: {
          kind: 'isolate-segment',
          assetIds: closes,
          description: `Isolate the burst at ${p.assetId}: close ${list(closes)} ${windowText(window)} (the segment holds ${p.assetId}${cutOff})`,
          perturbations,
        },
        assumptions: segmentAssumptions(
          segment,
          ctx.topology.graph.links.some((l) => l.type === 'valve'),
        ),
      },
    ];
  });
}

function segmentAssumptions(segment: Segment, hasValves: boolean): string[] {
  const closing =
    'The closed links shut tightly at once; customers inside the segment lose supply while it is isolated.';
  if (segment.bounds === 'valves') return [closing];
  const why = hasValves
    ? `the model's valves do not bound a segment around ${segment.origin} without a tank or reservoir inside and small enough (at most ${MAX_SEGMENT_SHARE * 100} % of the junctions or ${SMALL_SEGMENT_NODES} nodes)`
    : 'the model has no valves';
  return [
    `No isolation valves near ${segment.origin} (${why}): each pipe end at ${segment.origin} is taken as a valve position, so its pipes are closed.`,
    closing,
  ];
}
