import { describe, expect, it, vi } from 'vitest';
import type { HealthReport } from '../../../../src/node/health/health-report';
import {
  CHANGE_BEAT_MS,
  FIRST_BEAT_MS,
  heartbeatRequest,
  heartbeatStyle,
  startHeartbeat,
  type HeartbeatRequest,
} from '../../../../src/node/health/heartbeat';
import { FakeClock } from '../../support/fake-clock';

const report = (status: 'up' | 'down' = 'up'): HealthReport => ({
  status,
  reasons: status === 'down' ? ['the standby screen is showing: there is no content to show'] : [],
  name: 'north',
  version: '1.2.0',
  time: 0,
  mode: 'open',
  standby: status === 'down',
  slides: status === 'down' ? 0 : 6,
  revision: null,
  newestRevision: null,
  lastUpdateAt: null,
  currentAt: null,
  problems: { errors: 0, warnings: 0, first: [] },
  uptimeSeconds: 60,
  startedAt: 0,
  recovery: {
    failures: {},
    reloads: 0,
    windowRecreations: 0,
    crashLoops: 0,
    watchdogReloads: 0,
    gpuCrashes: 0,
    pageFailures: 0,
  },
});

describe('the heartbeat request', () => {
  it('pings Healthchecks with a POST of the report, and /fail when the kiosk is down', () => {
    const url = 'https://hc-ping.com/0f4d6a54-5d6f-4f36-8f0a-7e1e1f1b2c3d';
    expect(heartbeatStyle(url)).toBe('healthchecks');
    const up = heartbeatRequest(url, report('up'));
    expect([up.method, up.url]).toEqual(['POST', url]);
    expect(up.body).toContain('status: up\n');
    const down = heartbeatRequest(url, report('down'));
    expect([down.method, down.url]).toEqual(['POST', `${url}/fail`]);
    expect(down.body).toContain('reason: the standby screen is showing');
    expect(
      heartbeatRequest('https://hc.clinic.example/ping/key/north-kiosk?create=1', report('down')).url,
    ).toBe('https://hc.clinic.example/ping/key/north-kiosk/fail?create=1');
  });

  it('pushes to Uptime Kuma with status and a one-line message, as the push URL it shows', () => {
    const url = 'https://kuma.clinic.example/api/push/Xk2PqL9Ab?status=up&msg=OK&ping=';
    expect(heartbeatStyle(url)).toBe('uptime-kuma');
    const beat = heartbeatRequest(url, report('down'));
    const sent = new URL(beat.url);
    expect(beat.method).toBe('GET');
    expect(sent.pathname).toBe('/api/push/Xk2PqL9Ab');
    expect(sent.searchParams.get('status')).toBe('down');
    expect(sent.searchParams.get('msg')).toBe(
      'north 1.2.0: down, standby screen, 0 slides, 0 errors, running 1 min, 0 page failures; the standby screen is showing: there is no content to show',
    );
    expect(sent.searchParams.has('ping')).toBe(false);
  });
});

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the heartbeat', () => {
  const start = (status: () => 'up' | 'down') => {
    const clock = new FakeClock();
    const sent: HeartbeatRequest[] = [];
    const lines: string[] = [];
    let answer: { ok: true } | { ok: false; why: string } = { ok: true };
    const heartbeat = startHeartbeat({
      url: 'https://hc-ping.com/uuid',
      everyMs: 5 * 60_000,
      report: () => report(status()),
      send: (beat) => {
        sent.push(beat);
        return Promise.resolve(answer);
      },
      clock,
      log: { info: (line) => lines.push(line), warn: (line) => lines.push(line) },
    });
    return {
      clock,
      sent,
      lines,
      heartbeat,
      fail: (why: string) => (answer = { ok: false, why }),
      recover: () => (answer = { ok: true }),
    };
  };

  it('beats soon after start, then every interval', async () => {
    const { clock, sent, heartbeat } = start(() => 'up');
    clock.advance(FIRST_BEAT_MS - 1);
    expect(sent).toHaveLength(0);
    clock.advance(1);
    expect(sent).toHaveLength(1);
    await settle();
    clock.advance(5 * 60_000);
    expect(sent).toHaveLength(2);
    heartbeat.close();
    clock.advance(60 * 60_000);
    expect(sent).toHaveLength(2);
  });

  it('tells a change between up and down within seconds, not at the next interval', async () => {
    let status: 'up' | 'down' = 'up';
    const { clock, sent, heartbeat } = start(() => status);
    clock.advance(FIRST_BEAT_MS);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    heartbeat.changed();
    clock.advance(CHANGE_BEAT_MS);
    expect(sent).toHaveLength(1);
    status = 'down';
    heartbeat.changed();
    clock.advance(CHANGE_BEAT_MS);
    expect(sent.map((beat) => beat.url)).toEqual([
      'https://hc-ping.com/uuid',
      'https://hc-ping.com/uuid/fail',
    ]);
  });

  it('says once that beats cannot be sent, and once that they can again', async () => {
    const { clock, lines, fail, recover } = start(() => 'up');
    fail('connect ECONNREFUSED');
    for (let beat = 0; beat < 3; beat += 1) {
      clock.advance(5 * 60_000);
      await Promise.resolve();
    }
    recover();
    clock.advance(5 * 60_000);
    await vi.waitFor(() => expect(lines).toHaveLength(2));
    expect(lines).toEqual([
      'the heartbeat could not be sent: connect ECONNREFUSED; the kiosk keeps trying',
      'the heartbeat is sent again',
    ]);
  });
});
