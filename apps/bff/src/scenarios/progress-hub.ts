import type { ScenarioProgressEvent } from '@twinhelm/contracts';

/** Scenario status and progress, from the runner and the services to whoever listens (socket.io). */
export interface ScenarioProgressHub {
  publish(event: ScenarioProgressEvent): void;
  subscribe(listener: (event: ScenarioProgressEvent) => void): () => void;
}

export function createProgressHub(): ScenarioProgressHub {
  const listeners = new Set<(event: ScenarioProgressEvent) => void>();
  return {
    publish(event) {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
