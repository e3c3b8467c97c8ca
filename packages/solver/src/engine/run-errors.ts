/** Why a run stopped without a result. `engine` carries EPANET's own message and code. */
export type RunFailureKind = 'invalid' | 'engine' | 'budget' | 'cancelled' | 'worker';

export interface RunFailure {
  kind: RunFailureKind;
  message: string;
  /** EPANET's error code when the engine reported one. */
  code?: number;
  /** For `invalid`: one message per problem. */
  problems?: string[];
}

export class RunError extends Error {
  constructor(readonly failure: RunFailure) {
    super(failure.message);
    this.name = 'RunError';
  }
}

/** Turns anything thrown during a run into a RunFailure, keeping EPANET's message. */
export function toFailure(error: unknown): RunFailure {
  if (error instanceof RunError) return error.failure;
  const message = error instanceof Error ? error.message : String(error);
  const code = /EPANET Error (\d+)/.exec(message)?.[1];
  return code === undefined
    ? { kind: 'engine', message }
    : { kind: 'engine', message, code: Number(code) };
}
