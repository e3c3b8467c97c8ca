// The bench's socket.io clients, in a process of their own (forked by ingest.ts) so decoding
// 50 copies of every delta never delays the orchestrator's polling or the BFF's event loop.
import { connectSocketClients, type SocketClients } from './socket-clients';

export type ClientsCommand =
  | { type: 'connect'; baseUrl: string; token: string; siteId: string; count: number }
  | { type: 'measure'; from: number; until: number }
  | { type: 'finish' };

export interface ClientsSummary {
  values: number;
  /** p50/p95 of value ts → delta emitted by the BFF, and of delta emitted → client handling it. */
  toEmit: { p50: number; p95: number };
  delivery: { p50: number; p95: number };
  p50: number;
  p95: number;
  p99: number;
  max: number;
  deltas: number;
  versionGaps: number;
  disconnects: number;
}

export type ClientsReport =
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  | ({ type: 'summary' } & ClientsSummary);

let clients: SocketClients | undefined;
const reply = (report: ClientsReport, then: () => void = () => undefined) =>
  process.send?.(report, undefined, {}, then);

process.on('message', (command: ClientsCommand) => {
  if (command.type === 'connect') {
    connectSocketClients(command)
      .then((connected) => {
        clients = connected;
        reply({ type: 'ready' });
      })
      .catch((error: unknown) =>
        reply({ type: 'failed', error: error instanceof Error ? error.message : String(error) }, () =>
          process.exit(1),
        ),
      );
  } else if (command.type === 'measure') clients?.measure(command.from, command.until);
  else if (clients) {
    const { latency } = clients;
    const summary: ClientsReport = {
      type: 'summary',
      values: latency.count,
      toEmit: { p50: clients.toEmit.percentile(50), p95: clients.toEmit.percentile(95) },
      delivery: { p50: clients.delivery.percentile(50), p95: clients.delivery.percentile(95) },
      p50: latency.percentile(50),
      p95: latency.percentile(95),
      p99: latency.percentile(99),
      max: latency.max,
      deltas: clients.deltas,
      versionGaps: clients.versionGaps,
      disconnects: clients.disconnects,
    };
    clients.close();
    reply(summary, () => process.exit(0));
  }
});
