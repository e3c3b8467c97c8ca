// The bench's socket.io clients, in a process of their own (forked by ingest.ts) so decoding
// 50 copies of every delta never delays the orchestrator's polling or the BFF's event loop.
import { toSparse, type SparseHistogram } from './latency-histogram';
import { connectSocketClients, type SocketClients } from './socket-clients';

export type ClientsCommand =
  | { type: 'connect'; baseUrl: string; token: string; siteId: string; count: number }
  | { type: 'measure'; from: number; until: number }
  | { type: 'finish' };

export interface ClientsSummary {
  /** publish → client, every value timed. */
  latency: SparseHistogram;
  /** value ts → delta emitted by the BFF (first client only), and emit → client handling it. */
  toEmit: SparseHistogram;
  delivery: SparseHistogram;
  deltas: number;
  versionGaps: number;
  disconnects: number;
}

export type ClientsReport =
  { type: 'ready' } | { type: 'failed'; error: string } | ({ type: 'summary' } & ClientsSummary);

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
        reply(
          { type: 'failed', error: error instanceof Error ? error.message : String(error) },
          () => process.exit(1),
        ),
      );
  } else if (command.type === 'measure') clients?.measure(command.from, command.until);
  else if (clients) {
    const summary: ClientsReport = {
      type: 'summary',
      latency: toSparse(clients.latency),
      toEmit: toSparse(clients.toEmit),
      delivery: toSparse(clients.delivery),
      deltas: clients.deltas,
      versionGaps: clients.versionGaps,
      disconnects: clients.disconnects,
    };
    clients.close();
    reply(summary, () => process.exit(0));
  }
});
