import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { app } from 'electron';
import { writeFileAtomically } from '../node/atomic-write';
import { healthReport, type HealthReport } from '../node/health/health-report';
import { heartbeatStyle, sendHeartbeat, startHeartbeat } from '../node/health/heartbeat';
import { PROMETHEUS_EVERY_MS, startPrometheusFile } from '../node/health/prometheus';
import type { KioskSettingsFile } from '../node/kiosk-settings';
import type { ContentSource } from '../node/source/repository-content';
import { systemClock, type Clock } from '../shared/clock';
import type { LiveContent } from './content';
import type { GpuStatus } from './gpu';
import type { ModeTracker } from './kiosk-mode';
import { describeError, log } from './log';
import type { KioskWindows } from './recovery';

export interface HealthOptions {
  readonly settings: KioskSettingsFile | undefined;
  readonly content: LiveContent;
  readonly source?: ContentSource;
  readonly mode: ModeTracker;
  readonly windows: KioskWindows;
  readonly gpu: GpuStatus;
  readonly startedAt: number;
  readonly clock?: Clock;
}

/** A beat that gets no answer within this is given up; the next one comes at its time. */
const HEARTBEAT_TIMEOUT_MS = 10_000;
/** A certificate file is a few kilobytes. */
const MAX_CA_BYTES = 1024 * 1024;

/**
 * Health you can watch from elsewhere, as the settings file asks: a heartbeat to a monitoring
 * service (Healthchecks or Uptime Kuma) and a Prometheus textfile for node_exporter. Both are
 * written by the kiosk; neither opens a port. What they carry is in src/node/health.
 */
export function setupHealth(options: HealthOptions): void {
  const health = options.settings?.health;
  if (health === undefined || (health.heartbeatUrl === undefined && health.prometheusFile === undefined))
    return;
  const clock = options.clock ?? systemClock;
  const name = options.settings?.name ?? hostname();
  const version = app.getVersion();
  const report = (): HealthReport =>
    healthReport({
      name,
      version,
      now: clock.now(),
      startedAt: options.startedAt,
      content: options.content.getContent(),
      ...(options.source === undefined ? {} : { source: options.source.status() }),
      mode: options.mode.current(),
      recovery: { ...options.windows.counts(), gpuCrashes: options.gpu.crashes() },
    });
  const stops: (() => void)[] = [];

  if (health.heartbeatUrl !== undefined) {
    const ca = readCa(health.caFile);
    const heartbeat = startHeartbeat({
      url: health.heartbeatUrl,
      everyMs: health.heartbeatMs,
      report,
      send: (beat) =>
        sendHeartbeat(beat, {
          timeoutMs: HEARTBEAT_TIMEOUT_MS,
          userAgent: `clinic-kiosk/${version}`,
          ...(ca === undefined ? {} : { ca }),
        }),
      clock,
      log,
    });
    stops.push(
      () => heartbeat.close(),
      options.content.onChange(() => heartbeat.changed()),
      options.mode.onChange(() => heartbeat.changed()),
      ...(options.source === undefined ? [] : [options.source.onStatus(() => heartbeat.changed())]),
    );
    // The ping address itself lets anyone send beats for this kiosk: only where it goes is logged.
    log.info('sending a heartbeat', {
      to: new URL(health.heartbeatUrl).origin,
      style: heartbeatStyle(health.heartbeatUrl),
      everyMinutes: health.heartbeatMs / 60_000,
    });
  }
  if (health.prometheusFile !== undefined) {
    const file = startPrometheusFile({
      file: health.prometheusFile,
      everyMs: PROMETHEUS_EVERY_MS,
      report,
      write: (path, text) => writeFileAtomically(path, text, { mode: 0o644 }),
      clock,
      log,
    });
    stops.push(() => file.close());
    log.info('writing the Prometheus textfile', { file: health.prometheusFile });
  }
  app.once('will-quit', () => {
    for (const stop of stops) stop();
  });
}

/** The clinic's certificate authority for the heartbeat's HTTPS; without it, the usual ones only. */
function readCa(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  try {
    const text = readFileSync(file, 'utf8');
    if (text.length > MAX_CA_BYTES) throw new Error('far too big to be a certificate file');
    return text;
  } catch (error) {
    log.error(
      'the certificate authority file cannot be read: the heartbeat trusts the usual authorities only',
      {
        file,
        error: describeError(error),
      },
    );
    return undefined;
  }
}
