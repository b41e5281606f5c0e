import type { ServerResponse } from 'node:http';
import { securityHeaders } from '../node/http/security-headers';

/** A comment line now and then keeps idle connections from being dropped by anything in between. */
const KEEP_ALIVE_MS = 15_000;
/** A few browser tabs of staff checking content; beyond this, a page is asked to try again later. */
export const MAX_EVENT_CLIENTS = 16;

/** One Server-Sent Event: the content has no name (`message`), the schedule is named. */
export interface StreamEvent {
  readonly event?: string;
  readonly data: string;
}

/**
 * Server-Sent Events for the preview page: every connection is sent the current content and
 * schedule at once (so a page that reconnects after the server restarted catches up), then each
 * change.
 */
export function createEventStream() {
  const clients = new Set<ServerResponse>();
  let closed = false;
  const keepAlive = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, KEEP_ALIVE_MS);
  keepAlive.unref();

  const message = ({ event, data }: StreamEvent) =>
    `${event === undefined ? '' : `event: ${event}\n`}data: ${data.replaceAll('\n', '\ndata: ')}\n\n`;

  return {
    connect(response: ServerResponse, current: readonly StreamEvent[]): void {
      // A page reconnecting while the preview shuts down must not hold the server open.
      if (closed || clients.size >= MAX_EVENT_CLIENTS) {
        response.writeHead(503, securityHeaders({ 'Retry-After': '5' })).end();
        return;
      }
      response.writeHead(
        200,
        securityHeaders({ 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' }),
      );
      // Reconnect quickly when the preview is restarted.
      response.write(`retry: 1000\n${current.map(message).join('')}`);
      clients.add(response);
      response.on('close', () => clients.delete(response));
    },
    broadcast(event: StreamEvent): void {
      for (const client of clients) client.write(message(event));
    },
    close(): void {
      closed = true;
      clearInterval(keepAlive);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
