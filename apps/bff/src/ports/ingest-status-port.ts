import type { Health } from '@twinhelm/contracts';

/** What /api/health reports about the broker connection and the ingest pipeline. */
export interface IngestStatusPort {
  broker(): Health['broker'];
  ingest(): Health['ingest'];
}
