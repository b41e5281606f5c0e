import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupHealth } from '../../src/main/health';
import type { ModeTracker } from '../../src/main/kiosk-mode';
import type { KioskWindows } from '../../src/main/recovery';
import { forkAgent } from '../../src/node/content/agent-fork';
import { createMemoryLastGoodStore } from '../../src/node/content/last-good';
import type { HealthSettings } from '../../src/node/kiosk-settings';
import {
  startRepositoryContent,
  type RepositoryContentService,
} from '../../src/node/source/repository-content';
import { systemClock } from '../../src/shared/clock';
import type { KioskMode } from '../../src/shared/ipc';
import { app } from '../unit/electron-mock';
import { silenceLog } from '../unit/main/log-support';
import { startRepositoryBench, type RepositoryBench } from '../support/content-repository';

/**
 * The kiosk's health as a monitoring service receives it: the main process's health reporting
 * (Electron replaced by the test double) over a content repository served by git's http-backend,
 * beating to a receiver on 127.0.0.1 that records each request as Healthchecks or Uptime Kuma
 * would see it.
 */
const BUILT = resolve('out/main');

interface Beat {
  readonly method: string;
  readonly url: URL;
  readonly body: string;
}

let bench: RepositoryBench;
let receiver: Server;
let beats: Beat[];
let base: string;
let content: RepositoryContentService | undefined;

beforeEach(async () => {
  silenceLog();
  bench = await startRepositoryBench();
  beats = [];
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      beats.push({
        method: request.method ?? '',
        url: new URL(request.url ?? '/', 'http://127.0.0.1'),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.end('OK');
    });
  });
  await new Promise<void>((ready) => receiver.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterEach(async () => {
  app.emit('will-quit');
  content?.close();
  content = undefined;
  await new Promise((done) => receiver.close(done));
  await bench.close();
});

async function kiosk(path = '') {
  content = await startRepositoryContent({
    settings: bench.settings({ path }),
    folder: bench.kioskFolder('kiosk'),
    spawnAgent: forkAgent(BUILT),
    store: createMemoryLastGoodStore(),
    clock: systemClock,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    env: { PATH: process.env.PATH },
    waitForFirstUpdate: true,
  });
  return content;
}

function watch(service: RepositoryContentService, health: HealthSettings, mode: KioskMode = 'attract') {
  const modes: ModeTracker = { current: () => mode, onChange: () => () => undefined };
  const windows = {
    counts: () => ({
      failures: { crashed: 1 },
      reloads: 1,
      windowRecreations: 0,
      crashLoops: 0,
      watchdogReloads: 0,
    }),
  } as unknown as KioskWindows;
  setupHealth({
    settings: { name: 'North waiting room', health },
    content: service,
    source: service.source,
    mode: modes,
    windows,
    gpu: { crashes: () => 0, softwareRendering: () => false },
    startedAt: Date.now(),
  });
}

const HEARTBEAT_MS = 1000;

describe('the heartbeat, as a monitoring service receives it', { timeout: 30_000 }, () => {
  it('pings Healthchecks with the revision on screen and "up", then "/fail" while the kiosk is on standby', async () => {
    const service = await kiosk();
    watch(service, { heartbeatUrl: `${base}/ping/north-uuid`, heartbeatMs: HEARTBEAT_MS });
    await vi.waitFor(() => expect(beats.length).toBeGreaterThan(0), { timeout: 5000 });
    const [up] = beats;
    expect(up?.method).toBe('POST');
    expect(up?.url.pathname).toBe('/ping/north-uuid');
    expect(up?.body).toContain('status: up\n');
    expect(up?.body).toContain('kiosk: North waiting room\n');
    expect(up?.body).toContain(`revision: ${bench.first} `);
    expect(up?.body).toContain('mode: open\n');
    expect(up?.body).toMatch(/^last update: \d{4}-\d\d-\d\d \d\d:\d\d UTC$/m);
    expect(up?.body).toContain('page failures: 1 {"crashed":1}\n');

    // A kiosk pointed at a folder the repository does not have has nothing to show: its standby
    // screen is up, and the beats say so.
    app.emit('will-quit');
    content?.close();
    const standby = await kiosk('sites/north');
    watch(standby, { heartbeatUrl: `${base}/ping/north-uuid`, heartbeatMs: HEARTBEAT_MS });
    await vi.waitFor(() => expect(beats.some((beat) => beat.url.pathname.endsWith('/fail'))).toBe(true), {
      timeout: 5000,
    });
    const down = beats.find((beat) => beat.url.pathname === '/ping/north-uuid/fail');
    expect(down?.body).toContain('status: down\n');
    expect(down?.body).toContain('reason: the standby screen is showing: there is no content to show\n');
    expect(down?.body).toContain('mode: standby\n');
  });

  it('pushes to Uptime Kuma status=up with the revision, and status=down while on standby', async () => {
    const service = await kiosk();
    watch(
      service,
      { heartbeatUrl: `${base}/api/push/Xk2PqL9Ab?status=up&msg=OK&ping=`, heartbeatMs: HEARTBEAT_MS },
      'closed',
    );
    await vi.waitFor(() => expect(beats.length).toBeGreaterThan(0), { timeout: 5000 });
    const [up] = beats;
    expect(up?.method).toBe('GET');
    expect(up?.url.pathname).toBe('/api/push/Xk2PqL9Ab');
    expect(up?.url.searchParams.get('status')).toBe('up');
    expect(up?.url.searchParams.get('msg')).toMatch(
      new RegExp(`^North waiting room 0\\.0\\.0-test: up, closed, revision ${bench.first.slice(0, 7)} \\(`),
    );

    app.emit('will-quit');
    content?.close();
    const standby = await kiosk('sites/none');
    watch(standby, {
      heartbeatUrl: `${base}/api/push/Xk2PqL9Ab?status=up&msg=OK&ping=`,
      heartbeatMs: HEARTBEAT_MS,
    });
    await vi.waitFor(
      () => expect(beats.some((beat) => beat.url.searchParams.get('status') === 'down')).toBe(true),
      {
        timeout: 5000,
      },
    );
    const down = beats.find((beat) => beat.url.searchParams.get('status') === 'down');
    expect(down?.url.searchParams.get('msg')).toContain('standby screen');
  });

  it('writes the same figures to a Prometheus textfile', async () => {
    const service = await kiosk();
    const file = join(bench.base, 'clinic_kiosk.prom');
    watch(service, { prometheusFile: file, heartbeatMs: HEARTBEAT_MS });
    await vi.waitFor(() =>
      expect(readFileSync(file, 'utf8')).toContain('clinic_kiosk_healthy{kiosk="North waiting room"} 1'),
    );
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(
      `clinic_kiosk_info{kiosk="North waiting room",version="0.0.0-test",revision="${bench.first}"} 1`,
    );
    expect(text).toContain('clinic_kiosk_standby{kiosk="North waiting room"} 0');
    expect(text).toMatch(
      /^clinic_kiosk_last_update_success_timestamp_seconds\{kiosk="North waiting room"\} \d{10}$/m,
    );
  });
});
