'use client';

import { useCallback, useEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import type {
  AssetHighlight,
  ColorBy,
  HighlightRole,
  OverlayMetric,
  SceneControllerApi,
  SceneOverlay,
  SceneViewState,
} from '@twinhelm/scene';

/** The only file that touches @twinhelm/scene: everything else takes these types from here. */
export type {
  AssetHighlight,
  ColorBy,
  HighlightRole,
  OverlayMetric,
  SceneControllerApi,
  SceneOverlay,
  SceneViewState,
};
export type Legend = SceneViewState['legend'];

export const COLOR_BY_OPTIONS: readonly { value: ColorBy; label: string }[] = [
  { value: 'pressure', label: 'Pressure' },
  { value: 'flow', label: 'Flow' },
  { value: 'velocity', label: 'Velocity' },
  { value: 'level', label: 'Level' },
];

export type SceneMount =
  | { status: 'starting'; controller: null }
  | { status: 'ready'; controller: SceneControllerApi }
  | { status: 'failed'; controller: null; error: string };

/**
 * Creates the scene controller on the canvas when it mounts and disposes it on unmount. Babylon
 * is loaded lazily, so it never runs during the static export and stays out of the other pages.
 */
export function useSceneController(canvasRef: RefObject<HTMLCanvasElement | null>): SceneMount {
  const [mount, setMount] = useState<SceneMount>({ status: 'starting', controller: null });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null) return;
    let controller: SceneControllerApi | null = null;
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    import('@twinhelm/scene')
      .then(({ SceneController: Controller }) => {
        if (cancelled) return;
        const created: SceneControllerApi = Controller.create(canvas);
        controller = created;
        observer = new ResizeObserver(() => created.resize());
        observer.observe(canvas);
        setMount({ status: 'ready', controller: created });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const reason = error instanceof Error ? error.message : String(error);
        setMount({
          status: 'failed',
          controller: null,
          error: `The 3D view could not start (${reason}). Live values and search still work; try a browser with WebGL 2.`,
        });
      });
    return () => {
      cancelled = true;
      observer?.disconnect();
      controller?.dispose();
      setMount({ status: 'starting', controller: null });
    };
  }, [canvasRef]);

  return mount;
}

/** Coarse scene state (selection, colouring, legend) for React; null until the scene exists. */
export function useSceneViewState(controller: SceneControllerApi | null): SceneViewState | null {
  const subscribe = useCallback(
    (listener: () => void) => (controller ? controller.subscribe(listener) : () => undefined),
    [controller],
  );
  const getSnapshot = useCallback(() => (controller ? controller.getState() : null), [controller]);
  return useSyncExternalStore(subscribe, getSnapshot, () => null);
}
