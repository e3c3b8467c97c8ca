/**
 * A JSON document produced by PostgreSQL as text (jsonb operators, `::text`), handed to the
 * client as it is: multi-MB results are never parsed or stringified on the event loop.
 */
export interface RawJson {
  readonly rawJson: string;
}

export function rawJsonResponse(body: RawJson): Response {
  return new Response(body.rawJson, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
