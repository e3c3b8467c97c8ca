import { type NetworkLink } from '@twinhelm/contracts';
import {
  type Candidate,
  type CandidateContext,
  passingShare,
  percent,
  windowText,
} from './candidate';

/** PRV/PSV/PBV setting changes tried, m. */
export const SETTING_STEPS_M = [5, -5] as const;

type Valve = Extract<NetworkLink, { type: 'valve' }>;

const PRESSURE_VALVES = new Set(['PRV', 'PSV', 'PBV']);
const AT_ONCE = 'Valves open or close fully at once, at the start of the window.';

const valvesOf = (ctx: CandidateContext): Valve[] =>
  ctx.topology.model.links.filter((l): l is Valve => l.type === 'valve' && !ctx.touched.has(l.id));

/** The zones a valve joins, for descriptions: its end nodes. */
const between = (v: Valve): string => `between ${v.from} and ${v.to}`;

/**
 * Boundary valves (every valve joins two parts of the network): open fully the ones that are
 * closed or regulating for some of the window, close the ones that pass flow.
 */
export function openCloseCandidates(ctx: CandidateContext): Candidate[] {
  return valvesOf(ctx).flatMap((valve) => {
    const passing = passingShare(ctx, valve.id);
    const regulating = valve.initialStatus === undefined && valve.valveKind !== 'GPV';
    const out: Candidate[] = [];
    if (passing < 1 || regulating) {
      const state =
        passing < 1
          ? `closed ${percent(1 - passing)} of the window in the baseline`
          : `a ${valve.valveKind} regulating in the baseline`;
      out.push({
        label: `Open ${valve.id}`,
        action: {
          kind: 'open-valve',
          assetIds: [valve.id],
          description: `Open ${valve.valveKind} ${valve.id} ${between(valve)} fully (${state}) ${windowText(ctx.window)}, its controls suspended meanwhile`,
          perturbations: [
            { type: 'valve-setting', assetId: valve.id, status: 'open', ...ctx.window },
          ],
        },
        assumptions: [AT_ONCE],
      });
    }
    if (passing > 0) {
      out.push({
        label: `Close ${valve.id}`,
        action: {
          kind: 'close-valve',
          assetIds: [valve.id],
          description: `Close ${valve.valveKind} ${valve.id} ${between(valve)} (passing flow ${percent(passing)} of the window in the baseline) ${windowText(ctx.window)}`,
          perturbations: [
            { type: 'valve-setting', assetId: valve.id, status: 'closed', ...ctx.window },
          ],
        },
        assumptions: [AT_ONCE],
      });
    }
    return out;
  });
}

/** Pressure-regulating valves: their setting a few metres up and down. */
export function settingCandidates(ctx: CandidateContext): Candidate[] {
  return valvesOf(ctx).flatMap((valve) => {
    if (!PRESSURE_VALVES.has(valve.valveKind)) return [];
    const from = Number(valve.setting.toFixed(2));
    return SETTING_STEPS_M.flatMap((step) => {
      const to = Number((valve.setting + step).toFixed(2));
      if (to < 0) return [];
      return [
        {
          label: `${valve.id} to ${to} m`,
          action: {
            kind: 'valve-setting' as const,
            assetIds: [valve.id],
            description: `${step > 0 ? 'Raise' : 'Lower'} ${valve.valveKind} ${valve.id}'s setting from ${from} m to ${to} m ${windowText(ctx.window)}`,
            perturbations: [
              { type: 'valve-setting' as const, assetId: valve.id, setting: to, ...ctx.window },
            ],
          },
          assumptions: [`${valve.id} holds its new setting from the start of the window.`],
        },
      ];
    });
  });
}
