import type { AlarmPriority } from '@twinhelm/contracts';

/** The outline every badge has (contrast on any background) and the glyph colour on solid fills. */
export const BADGE_DARK = '#1b1e22';

/** Badge shapes: colour is never the only cue (colour-blind operators, glare on a wall). */
export type BadgeShape = 'square' | 'diamond' | 'triangle' | 'circle';

/**
 * Priority → colour, shape and draw rank (higher is drawn on top and picked first). Critical
 * uses the console's `--alarm` red; the web app's priority colours should come from here
 * (`ALARM_BADGE_STYLE[p].color`) so the list and the 3D badges match.
 */
export const ALARM_BADGE_STYLE: Record<
  AlarmPriority,
  { color: string; shape: BadgeShape; rank: number; label: string }
> = {
  critical: { color: '#ff6b5e', shape: 'square', rank: 3, label: 'Critical' },
  high: { color: '#ff9d3a', shape: 'diamond', rank: 2, label: 'High' },
  medium: { color: '#f7d54a', shape: 'triangle', rank: 1, label: 'Medium' },
  low: { color: '#5aa9ff', shape: 'circle', rank: 0, label: 'Low' },
};

/** Atlas row order of the priorities. */
export const BADGE_PRIORITIES: readonly AlarmPriority[] = ['critical', 'high', 'medium', 'low'];

export function isAlarmPriority(value: unknown): value is AlarmPriority {
  return typeof value === 'string' && Object.hasOwn(ALARM_BADGE_STYLE, value);
}

/**
 * Unacknowledged badges alternate between solid and hollow once per period (1 Hz: inside the
 * 0.5–2 Hz ISA-101 guidance, far from the 3 Hz photosensitivity limit); all blink in phase.
 */
export const BLINK_PERIOD_MS = 1000;

/** Whether an unacknowledged badge shows its solid face at this clock time. */
export function blinkLit(nowMs: number): boolean {
  const phase = (((nowMs % BLINK_PERIOD_MS) + BLINK_PERIOD_MS) % BLINK_PERIOD_MS) / BLINK_PERIOD_MS;
  return phase < 0.5;
}

/** Badge size: CSS px per CSS px of the canvas's shorter side, clamped. */
const SIZE_SHARE = 0.034;
const MIN_CSS_PX = 32;
const MAX_CSS_PX = 80;
/** Smallest tap target (CSS px) around a badge, for touch screens. */
export const MIN_HIT_CSS_PX = 44;

/**
 * Badge size in render (device) pixels: 32 CSS px on a laptop or a portrait tablet and
 * 73 px on a 3840×2160 wall screen (legible from across the room), converted to device pixels
 * with Babylon's hardware scaling level (1 / device pixel ratio).
 */
export function badgePx(
  renderWidth: number,
  renderHeight: number,
  hardwareScaling: number,
): number {
  const scaling = Number.isFinite(hardwareScaling) && hardwareScaling > 0 ? hardwareScaling : 1;
  const cssSide = Math.max(0, Math.min(renderWidth, renderHeight)) * scaling;
  const css = Math.min(MAX_CSS_PX, Math.max(MIN_CSS_PX, cssSide * SIZE_SHARE));
  return Math.round(css / scaling);
}

/** Counts shown as a number inside the badge; more shows "9+". */
export const MAX_SHOWN_COUNT = 9;
