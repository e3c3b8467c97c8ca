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
} from './scene-api';
