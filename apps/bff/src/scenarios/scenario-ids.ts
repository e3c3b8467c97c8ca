import { notFound } from '../http/http-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 404 for anything that cannot be a scenario id (they are UUIDs), before it reaches SQL. */
export function checkScenarioId(id: string): string {
  if (!UUID.test(id))
    throw notFound(
      `${id}: unknown scenario (scenario ids are UUIDs, as POST /api/sites/:siteId/scenarios returned)`,
    );
  return id.toLowerCase();
}

export const unknownScenario = (id: string) =>
  notFound(`${id}: unknown scenario: list them with GET /api/sites/:siteId/scenarios`);
