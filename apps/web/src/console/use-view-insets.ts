'use client';

import { useEffect, type RefObject } from 'react';
import { unionOf, viewInsets, type Box } from '../lib/view-insets';
import { type SceneControllerApi } from '../scene/use-scene-controller';

/** The opaque UI over the canvas: the top bar, the side column's cards, the asset, what-if or alarm panel. */
const COVERS = ['.console__top', '.console__side', '.panel', '.whatif', '.alarms'] as const;

function coverBox(root: HTMLElement, selector: string): Box | null {
  const element = root.querySelector<HTMLElement>(selector);
  if (!element) return null;
  // The side column spans the full height but only its cards are opaque.
  const parts = selector === '.console__side' ? [...element.children] : [element];
  return unionOf(parts.map((part) => part.getBoundingClientRect()));
}

/**
 * Tells the scene which shares of the canvas the panels cover, so the camera centres and fits
 * the network in the rest. Re-measures when the layout changes size or `layoutKey` changes
 * (a panel opened, closed or collapsed).
 */
export function useViewInsets(
  controller: SceneControllerApi | null,
  rootRef: RefObject<HTMLElement | null>,
  canvasRef: RefObject<HTMLCanvasElement | null>,
  layoutKey: string,
): void {
  useEffect(() => {
    const root = rootRef.current;
    const canvas = canvasRef.current;
    if (!controller || !root || !canvas) return;
    const measure = () =>
      controller.setViewInsets(
        viewInsets(
          canvas.getBoundingClientRect(),
          COVERS.map((selector) => coverBox(root, selector)),
        ),
      );
    const observer = new ResizeObserver(measure);
    observer.observe(canvas);
    for (const selector of COVERS) {
      const element = root.querySelector(selector);
      if (element) observer.observe(element);
    }
    for (const card of root.querySelector('.console__side')?.children ?? []) observer.observe(card);
    measure();
    return () => observer.disconnect();
  }, [controller, rootRef, canvasRef, layoutKey]);
}
