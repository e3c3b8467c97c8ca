import { SOCKET_EVENTS } from '@twinhelm/contracts';
import type { ScenarioProgressHub } from '../scenarios/progress-hub';
import { roomOf, type TwinServer } from './attach-realtime';

/**
 * Forwards scenario status and progress (already throttled by the runner) to the scenario's
 * site room, where the console's clients joined with `site:join`. Returns the unsubscribe.
 */
export function forwardScenarioProgress(io: TwinServer, hub: ScenarioProgressHub): () => void {
  return hub.subscribe((event) => {
    io.to(roomOf(event.siteId)).emit(SOCKET_EVENTS.scenarioProgress, event);
  });
}
