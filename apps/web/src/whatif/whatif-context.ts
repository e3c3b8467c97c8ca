'use client';

import { createContext, useContext } from 'react';
import { type AssetWithLatest } from '@twinhelm/contracts';
import { type SiteEvents } from '../live/site-events';
import { type ColorBy } from '../scene/use-scene-controller';
import { type OverlayCoordinator } from './scene/overlay-coordinator';

/** What every what-if component needs of the console it sits in. */
export interface WhatIfEnv {
  siteId: string;
  coordinator: OverlayCoordinator;
  events: SiteEvents;
  assetsById: ReadonlyMap<string, AssetWithLatest>;
  /** The asset selected in 3D or by search (null: none). */
  selectedAssetId: string | null;
  /** What the scene colours by (the prediction fetches that metric's frames). */
  colorBy: ColorBy;
  /** The user's role may run scenarios and decide on recommendations. */
  canRun: boolean;
}

export const WhatIfContext = createContext<WhatIfEnv | null>(null);

export function useWhatIf(): WhatIfEnv {
  const env = useContext(WhatIfContext);
  if (env === null) throw new Error('useWhatIf: render inside <WhatIfContext value={…}>');
  return env;
}
