import { AssetIdSchema } from '@twinhelm/contracts';
import { z } from 'zod';
import { type HydraulicEngine } from './hydraulic-engine';
import { type HandEdit } from './link-holds';
import { type NetworkLink } from './network-elements';
import { hint, SimulatorRequestError } from './simulator-requests';

const PSI_PER_M = 1 / 0.70307;
const duration = z
  .number()
  .positive('durationS must be > 0 plant seconds (leave it out to hold until handed back)')
  .max(7 * 86_400, 'durationS: at most a week of plant time')
  .optional();

/**
 * What an operator does in the plant, in the shape of the solver's perturbations (an approved
 * recommendation's pump-speed and valve-setting steps carry over as they are): held by hand,
 * the link's controls and rules suspended, for durationS plant seconds or until `automatic`.
 */
export const PlantActionSchema = z.discriminatedUnion('type', [
  /** Relative speed: 1 nominal, 0 stops the pump. */
  z.strictObject({
    type: z.literal('pump-speed'),
    assetId: AssetIdSchema,
    speed: z.number().min(0, 'speed must be ≥ 0 (0 stops the pump)').max(3, 'speed: at most 3'),
    durationS: duration,
  }),
  /** A valve opened or closed, or its setting (PRV/PSV/PBV m, FCV L/s, TCV loss coefficient). */
  z
    .strictObject({
      type: z.literal('valve-setting'),
      assetId: AssetIdSchema,
      status: z.enum(['open', 'closed']).optional(),
      setting: z.number().min(0, 'setting must be ≥ 0').optional(),
      durationS: duration,
    })
    .refine((a) => (a.status === undefined) !== (a.setting === undefined), {
      message: 'valve-setting: give exactly one of status (open/closed) or setting',
      path: ['status'],
    }),
  /** Hands a pump or valve back to its controls and rules. */
  z.strictObject({ type: z.literal('automatic'), assetId: AssetIdSchema }),
]);
export type PlantAction = z.input<typeof PlantActionSchema>;
type ParsedAction = z.output<typeof PlantActionSchema>;

/** A pump or valve held by hand. */
export interface HandSetting {
  assetId: string;
  action: Exclude<ParsedAction, { type: 'automatic' }>;
  plantStartS: number;
  /** null: until handed back. */
  plantEndS: number | null;
}

/** The hand settings of one plant: validates actions, applies them, ends them on time. */
export class HandControl {
  private readonly settings = new Map<string, HandSetting & { link: NetworkLink }>();

  constructor(
    private readonly engine: HydraulicEngine,
    private readonly siteId: string,
  ) {}

  list(): HandSetting[] {
    return [...this.settings.values()].map(({ link: _link, ...setting }) => setting);
  }

  /** Validates every action first (nothing is applied when one is refused), then applies them in order. */
  apply(actions: unknown, nowS: number): HandSetting[] {
    const parsed = z.array(PlantActionSchema).min(1, 'no actions given').safeParse(actions);
    if (!parsed.success) {
      const issues = parsed.error.issues.map(
        (i) => `${i.path.join('.') || 'actions'}: ${i.message}`,
      );
      throw new SimulatorRequestError('invalid', `invalid actions: ${issues.join('; ')}`);
    }
    const steps = parsed.data.map((action) => ({ action, link: this.linkOf(action) }));
    for (const { action, link } of steps) {
      if (action.type === 'automatic') {
        this.engine.handBack(link.index);
        this.settings.delete(link.id);
        continue;
      }
      this.engine.setByHand(link.index, this.editOf(action, link));
      this.settings.set(link.id, {
        assetId: link.id,
        action,
        plantStartS: nowS,
        plantEndS: action.durationS === undefined ? null : nowS + action.durationS,
        link,
      });
    }
    return this.list();
  }

  /** Hands back the settings whose duration has run out; returns their asset ids. */
  expire(nowS: number): string[] {
    const ended = [...this.settings.values()].filter(
      (s) => s.plantEndS !== null && s.plantEndS <= nowS,
    );
    for (const setting of ended) {
      this.engine.handBack(setting.link.index);
      this.settings.delete(setting.assetId);
    }
    return ended.map((s) => s.assetId);
  }

  /** A trip overrides a hand setting: forget it (the engine already dropped it). */
  forget(assetId: string): void {
    this.settings.delete(assetId);
  }

  private linkOf(action: ParsedAction): NetworkLink {
    const kind =
      action.type === 'pump-speed' ? 'pump' : action.type === 'valve-setting' ? 'valve' : undefined;
    const candidates = this.engine.links.filter((l) =>
      kind === undefined ? l.kind === 'pump' || l.kind === 'valve' : l.kind === kind,
    );
    const link = candidates.find((l) => l.id === action.assetId);
    const what = kind === undefined ? 'pump or valve' : kind;
    if (link === undefined)
      throw new SimulatorRequestError(
        'unknown_asset',
        `${action.assetId}: not a ${what} in site ${this.siteId}${hint(
          action.assetId,
          candidates.map((l) => l.id),
          `${what}s`,
        )}`,
      );
    if (this.engine.isForcedClosed(link.index))
      throw new SimulatorRequestError(
        'invalid',
        `${link.id} is tripped: clear its fault first, then act on it`,
      );
    if (action.type === 'automatic' && !this.settings.has(link.id))
      throw new SimulatorRequestError(
        'invalid',
        `${link.id} is not held by hand: it already follows its controls`,
      );
    return link;
  }

  private editOf(
    action: Exclude<ParsedAction, { type: 'automatic' }>,
    link: NetworkLink,
  ): HandEdit {
    if (action.type === 'pump-speed')
      return action.speed === 0 ? { status: 0 } : { status: 1, setting: action.speed };
    if (action.status !== undefined) return { status: action.status === 'open' ? 1 : 0 };
    return { setting: this.settingInFileUnits(action.setting ?? 0, link) };
  }

  private settingInFileUnits(setting: number, link: NetworkLink): number {
    const { units } = this.engine;
    if (link.valveType === 'FCV') return setting / units.flowToLps;
    if (link.valveType === 'PRV' || link.valveType === 'PSV' || link.valveType === 'PBV')
      return units.lengthToM === 1 ? setting : setting * PSI_PER_M;
    return setting;
  }
}
