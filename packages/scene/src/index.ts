export { SceneController } from './scene-controller';
export type {
  SceneControllerOptions,
  AssetInspection,
  ExtendedSceneStats,
} from './scene-controller';
export type {
  ColorBy,
  LegendEntry,
  SceneViewState,
  SceneStats,
  SceneControllerApi,
  ViewInsets,
  OverlayKind,
  OverlayMetric,
  OverlayFill,
  SceneOverlay,
  OverlayViewState,
  HighlightRole,
  AssetHighlight,
  HighlightLegendEntry,
  AssetMatchReport,
  AlarmBadge,
} from './scene-api';
export type { AlarmBadgeInspection } from './badges/alarm-badges';
export { ALARM_BADGE_STYLE } from './badges/badge-style';
