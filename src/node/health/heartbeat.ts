import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { Clock, TimerHandle } from '../../shared/clock';
import { describeError } from '../../shared/describe-error';
import { reportText, summaryLine, type HealthReport } from './health-report';

/**
 * The heartbeat: an outgoing request every few minutes to the address a monitoring service gave
 * for this kiosk. The kiosk opens no port; when the beats stop, or say `down`, the service alerts.
 *
 * - Healthchecks (healthchecks.io or self-hosted): the ping URL, POSTed to for "up" and
 *   `<ping URL>/fail` for a failure, with the full report as the body (Healthchecks keeps the
 *   first 100 kB of a ping's body to read in its event log).
 * - Uptime Kuma push monitors: the push URL (`.../api/push/<token>`) with `status=up` or
 *   `status=down` and `msg=` a one-line summary, as GET.
 */

export type HeartbeatStyle = 'healthchecks' | 'uptime-kuma';

/** Uptime Kuma's push URLs have this path; any other address is pinged as Healthchecks documents. */
export function heartbeatStyle(url: string): HeartbeatStyle {
  return /\/api\/push\/[^/?#]+/.test(new URL(url).pathname) ? 'uptime-kuma' : 'healthchecks';
}

export interface HeartbeatRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly body?: string;
}

/** Uptime Kuma shows the message in its list; a line this long is still readable there. */
const MAX_MESSAGE_CHARS = 250;

export function heartbeatRequest(url: string, report: HealthReport): HeartbeatRequest {
  const address = new URL(url);
  if (heartbeatStyle(url) === 'uptime-kuma') {
    address.searchParams.set('status', report.status);
    const message = summaryLine(report);
    address.searchParams.set(
      'msg',
      message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS - 3)}...` : message,
    );
    // The push URL Kuma shows ends with `&ping=`: a response time the kiosk does not measure.
    address.searchParams.delete('ping');
    return { method: 'GET', url: address.href };
  }
  if (report.status === 'down') address.pathname = `${address.pathname.replace(/\/+$/, '')}/fail`;
  return { method: 'POST', url: address.href, body: reportText(report) };
}

export interface SendOptions {
  /** The clinic's own certificate authority (PEM), trusted besides the usual ones. */
  readonly ca?: string;
  readonly timeoutMs: number;
  readonly userAgent: string;
}

/** What a beat came to: sent (the service answered 2xx), or why not. */
export type SendResult = { readonly ok: true } | { readonly ok: false; readonly why: string };

/** Sends one beat; never throws, never waits longer than `timeoutMs`. */
export function sendHeartbeat(beat: HeartbeatRequest, options: SendOptions): Promise<SendResult> {
  return new Promise((resolve) => {
    const url = new URL(beat.url);
    const body = beat.body === undefined ? undefined : Buffer.from(beat.body, 'utf8');
    const headers: Record<string, string> = { 'User-Agent': options.userAgent };
    if (body !== undefined) {
      headers['Content-Type'] = 'text/plain; charset=utf-8';
      headers['Content-Length'] = String(body.length);
    }
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      {
        method: beat.method,
        headers,
        timeout: options.timeoutMs,
        ...(options.ca === undefined || url.protocol !== 'https:'
          ? {}
          : { ca: [...rootCertificates, options.ca] }),
      },
      (response) => {
        // The answer is a short "OK": read and dropped, so the connection is freed.
        response.resume();
        const status = response.statusCode ?? 0;
        resolve(
          status >= 200 && status < 300
            ? { ok: true }
            : { ok: false, why: `the monitoring service answered ${status}` },
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s`)));
    request.on('error', (error) => resolve({ ok: false, why: describeError(error) }));
    request.end(body);
  });
}

export interface HeartbeatOptions {
  readonly url: string;
  readonly everyMs: number;
  readonly report: () => HealthReport;
  readonly send: (beat: HeartbeatRequest) => Promise<SendResult>;
  readonly clock: Clock;
  readonly log: { info(message: string): void; warn(message: string): void };
}

export interface Heartbeat {
  /** The kiosk's state may have changed: a beat goes out soon if up/down changed. */
  changed(): void;
  close(): void;
}

/** The first beat, once the kiosk has had a moment to show its content. */
export const FIRST_BEAT_MS = 15_000;
/** A change between up and down is told this soon (a few changes at once become one beat). */
export const CHANGE_BEAT_MS = 5_000;

/** Beats every `everyMs`, and soon after the kiosk goes down or comes back up. */
export function startHeartbeat(options: HeartbeatOptions): Heartbeat {
  const { clock, log } = options;
  let timer: TimerHandle | undefined;
  let lastStatus: HealthReport['status'] | undefined;
  let failing = false;
  let closed = false;
  let sending = false;

  function schedule(ms: number): void {
    clock.clearTimeout(timer);
    if (closed) return;
    timer = clock.setTimeout(() => {
      timer = undefined;
      void beat();
    }, ms);
  }

  async function beat(): Promise<void> {
    // The next beat is set first: a beat that hangs until its deadline never stops the ones after it.
    schedule(options.everyMs);
    if (sending) return;
    sending = true;
    try {
      const report = options.report();
      lastStatus = report.status;
      const result = await options.send(heartbeatRequest(options.url, report));
      if (!result.ok && !failing)
        log.warn(`the heartbeat could not be sent: ${result.why}; the kiosk keeps trying`);
      if (result.ok && failing) log.info('the heartbeat is sent again');
      failing = !result.ok;
    } finally {
      sending = false;
    }
  }

  schedule(Math.min(FIRST_BEAT_MS, options.everyMs));
  return {
    changed() {
      if (closed || lastStatus === undefined || options.report().status === lastStatus) return;
      schedule(CHANGE_BEAT_MS);
    },
    close() {
      closed = true;
      clock.clearTimeout(timer);
    },
  };
}
