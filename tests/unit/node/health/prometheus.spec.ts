import { describe, expect, it, vi } from 'vitest';
import type { HealthReport } from '../../../../src/node/health/health-report';
import { prometheusText, startPrometheusFile } from '../../../../src/node/health/prometheus';
import { FakeClock } from '../../support/fake-clock';

const report: HealthReport = {
  status: 'down',
  reasons: ['the standby screen is showing'],
  name: 'North "waiting" room',
  version: '1.2.0',
  time: Date.parse('2026-03-02T12:00:00Z'),
  mode: 'closed',
  standby: true,
  slides: 0,
  revision: { sha: 'a'.repeat(40), subject: 'x', committedAt: Date.parse('2026-03-02T10:00:00Z') },
  newestRevision: { sha: 'b'.repeat(40), committedAt: Date.parse('2026-03-02T11:00:00Z') },
  lastUpdateAt: Date.parse('2026-03-02T11:59:00Z'),
  currentAt: Date.parse('2026-03-02T10:30:00Z'),
  problems: { errors: 2, warnings: 1, first: [] },
  uptimeSeconds: 3600,
  startedAt: Date.parse('2026-03-02T11:00:00Z'),
  recovery: {
    failures: { crashed: 2 },
    reloads: 1,
    windowRecreations: 1,
    crashLoops: 0,
    watchdogReloads: 0,
    gpuCrashes: 0,
    pageFailures: 2,
  },
};

describe('the Prometheus textfile', () => {
  it('has every figure, each series named for the kiosk, in the exposition format', () => {
    const text = prometheusText(report);
    const kiosk = 'kiosk="North \\"waiting\\" room"';
    expect(text).toContain(`# TYPE clinic_kiosk_healthy gauge\nclinic_kiosk_healthy{${kiosk}} 0\n`);
    expect(text).toContain(`clinic_kiosk_info{${kiosk},version="1.2.0",revision="${'a'.repeat(40)}"} 1\n`);
    expect(text).toContain(`clinic_kiosk_standby{${kiosk}} 1\n`);
    expect(text).toContain(`clinic_kiosk_mode{${kiosk},mode="closed"} 1\n`);
    expect(text).toContain(`clinic_kiosk_mode{${kiosk},mode="open"} 0\n`);
    expect(text).toContain(`clinic_kiosk_content_problems{${kiosk},severity="error"} 2\n`);
    expect(text).toContain(`clinic_kiosk_content_revision_timestamp_seconds{${kiosk}} 1772445600\n`);
    expect(text).toContain(`clinic_kiosk_repository_revision_timestamp_seconds{${kiosk}} 1772449200\n`);
    expect(text).toContain(`clinic_kiosk_content_current_timestamp_seconds{${kiosk}} 1772447400\n`);
    expect(text).toContain(`clinic_kiosk_page_failures_total{${kiosk},reason="crashed"} 2\n`);
    expect(text).toContain(`clinic_kiosk_recoveries_total{${kiosk},action="new_window"} 1\n`);
    for (const line of text.trimEnd().split('\n')) {
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+\{[^}]*\} \d+)$/);
    }
  });

  it('is written at once and every minute, and says once when it cannot be', async () => {
    const clock = new FakeClock();
    const write = vi.fn(() => Promise.reject(new Error('EACCES')));
    const warn = vi.fn();
    const file = startPrometheusFile({
      file: '/x.prom',
      everyMs: 60_000,
      report: () => report,
      write,
      clock,
      log: { warn, info: vi.fn() },
    });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(60_000);
    await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(2));
    expect(warn).toHaveBeenCalledTimes(1);
    file.close();
  });
});
