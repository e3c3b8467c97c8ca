import { HttpError } from '../../http/http-error';
import type { ScenarioDeps } from '../scenario-deps';
import { unknownScenario } from '../scenario-ids';
import type { RawJson } from '../raw-json';

/**
 * Runs a query of one scenario that yields { status, body } (body: JSON text built by
 * PostgreSQL from the stored result): 404 when there is no such scenario, 409 while it has no
 * result yet (queued, running, failed, cancelled).
 */
export async function scenarioJson(
  s: ScenarioDeps,
  id: string,
  text: string,
  params: readonly unknown[],
): Promise<RawJson> {
  const { rows } = await s.sql.query<{ status: string; body: string | null }>(text, params);
  const row = rows[0];
  if (!row) throw unknownScenario(id);
  if (row.body === null)
    throw new HttpError(
      409,
      'not_ready',
      `scenario ${id} is ${row.status}: results exist once it has succeeded${row.status === 'queued' || row.status === 'running' ? ' (follow scenario:progress on the socket, or GET /api/scenarios/' + id + ')' : ''}`,
    );
  return { rawJson: row.body };
}
