/** What the live connection needs of a socket: the seam the tests replace with a fake. */
export interface TransportHandlers {
  onConnect(): void;
  /** `reason` is socket.io's ("io server disconnect", "transport close", …). */
  onDisconnect(reason: string): void;
  onConnectError(message: string): void;
  /** A raw twin:delta payload, not yet validated. */
  onDelta(payload: unknown): void;
  /** Other events of the site's room (scenario progress, nowcast), raw. */
  onSiteEvent?(event: SiteEventName, payload: unknown): void;
}

/** Room events besides the twin's deltas that the console listens to (alarm changes: src/alarms). */
export type SiteEventName = 'scenario:progress' | 'twin:nowcast' | 'alarm:changes';

export interface TwinTransport {
  /** Attach the handlers and open the connection. */
  start(handlers: TransportHandlers): void;
  /** Emit site:join; `done` gets an error text (timeout, transport) or the raw ack. */
  join(siteId: string, done: (error: string | null, ack: unknown) => void): void;
  /** Open again after the server closed the connection (socket.io does not retry that case). */
  reconnect(): void;
  close(): void;
}
