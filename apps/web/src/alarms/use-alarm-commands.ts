'use client';

import { useState } from 'react';
import { type AlarmAction, type AlarmView } from '@twinhelm/contracts';
import { ApiRequestError } from '../api/api-error';
import { useAlarmAction, useBulkAlarmAction } from './api/alarm-queries';

/**
 * Actions started from the list and the shortcuts (acknowledge one, a group): one alarm goes
 * to its own route, several to the bulk route. `problem` is the server's sentence (for a bulk
 * action: how many were refused and the first reason).
 */
export function useAlarmCommands(siteId: string, onActed: (alarm: AlarmView) => void) {
  const single = useAlarmAction(siteId, onActed);
  const bulk = useBulkAlarmAction(siteId, onActed);
  const [problem, setProblem] = useState<string | null>(null);

  const fail = (error: Error) =>
    setProblem(
      error instanceof ApiRequestError
        ? error.message
        : `The action was not recorded (${error.message}); check the connection and try again.`,
    );

  const act = (keys: readonly string[], action: AlarmAction) => {
    setProblem(null);
    const [first] = keys;
    if (first === undefined) return;
    if (keys.length === 1) {
      single.mutate({ key: first, action }, { onError: fail });
      return;
    }
    bulk.mutate(
      { keys: [...keys], action },
      {
        onError: fail,
        onSuccess: ({ results }) => {
          const refused = results.filter((r) => !r.ok);
          const reason = refused[0];
          if (reason && !reason.ok)
            setProblem(
              `${refused.length} of ${results.length} not done: ${reason.key}: ${reason.error}`,
            );
        },
      },
    );
  };

  return {
    act,
    busy: single.isPending || bulk.isPending,
    problem,
    dismiss: () => setProblem(null),
  };
}
