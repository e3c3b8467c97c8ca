'use client';

import { useEffect, useRef, useState } from 'react';
import { type SceneControllerApi } from '../scene/use-scene-controller';

/**
 * Keeps the URL's ?asset= and the scene's selection in step. The URL wins on load and on
 * history navigation (the camera flies to the asset); a pick in 3D updates the URL.
 * Returns a notice when the URL names an asset the network does not have.
 */
export function useSceneSelectionSync(
  controller: SceneControllerApi | null,
  sceneLoaded: boolean,
  picked: string | null,
  urlAsset: string | null,
  showAsset: (id: string | null) => void,
): string | null {
  const [notice, setNotice] = useState<string | null>(null);
  const lastPicked = useRef<string | null>(null);

  useEffect(() => {
    if (!controller || !sceneLoaded) return;
    if (urlAsset === null || controller.getState().selectedAssetId === urlAsset) {
      setNotice(null);
      return;
    }
    setNotice(
      controller.focusAsset(urlAsset)
        ? null
        : `${urlAsset} is not in this site's 3D network model, so it cannot be shown in the view.`,
    );
  }, [controller, sceneLoaded, urlAsset]);

  useEffect(() => {
    if (picked === lastPicked.current) return;
    lastPicked.current = picked;
    if (picked !== urlAsset) showAsset(picked);
    // Only a change of the scene's selection should move the URL.
  }, [picked]);

  return notice;
}
