import type {
  HighlightLegendEntry,
  HighlightRole,
  OverlayKind,
  OverlayFill,
  OverlayViewState,
} from '../scene-api';

/**
 * How a non-live overlay looks: the background takes a tint and a dashed frame in the accent
 * surrounds the network, so a wall screen showing a prediction cannot pass for live. Accents
 * are light and unlike the data ramps (muted blues, amber, purple).
 */
export const OVERLAY_LOOK: Record<
  OverlayKind,
  { accent: string; background: string; title: string }
> = {
  prediction: { accent: '#c9b3ff', background: '#241d31', title: 'PREDICTION' },
  modelled: { accent: '#7fdccb', background: '#15292b', title: 'MODELLED' },
};

export function overlayViewState(
  kind: OverlayKind,
  label: string,
  fill: OverlayFill,
): OverlayViewState {
  return { kind, label, fill, accent: OVERLAY_LOOK[kind].accent };
}

/** Legend order and the text shown for each role. */
export const HIGHLIGHT_ROLES: readonly HighlightRole[] = [
  'close',
  'open',
  'start',
  'stop',
  'change',
  'affected',
];

/** Saturated marker colours (rings and pins), distinct from the muted data palette. */
export const HIGHLIGHT_STYLE: Record<HighlightRole, { color: string; label: string }> = {
  close: { color: '#ff5a5f', label: 'Closes' },
  open: { color: '#3ddc84', label: 'Opens' },
  start: { color: '#18e0ff', label: 'Starts' },
  stop: { color: '#ffd54f', label: 'Stops' },
  change: { color: '#ffffff', label: 'Setting changes' },
  affected: { color: '#ff8ad8', label: 'Affected' },
};

/** Roles that are actions: ring plus pin, pulsing. 'affected' gets a still ring only. */
export function isAction(role: HighlightRole): boolean {
  return role !== 'affected';
}

export function highlightLegend(
  counts: ReadonlyMap<HighlightRole, number>,
): HighlightLegendEntry[] {
  return HIGHLIGHT_ROLES.filter((role) => (counts.get(role) ?? 0) > 0).map((role) => ({
    role,
    label: HIGHLIGHT_STYLE[role].label,
    color: HIGHLIGHT_STYLE[role].color,
    count: counts.get(role) ?? 0,
  }));
}
