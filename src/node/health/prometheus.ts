import type { Clock, TimerHandle } from '../../shared/clock';
import { describeError } from '../../shared/describe-error';
import type { HealthMode, HealthReport } from './health-report';

/**
 * The health report as a Prometheus textfile, for node_exporter's textfile collector
 * (`--collector.textfile.directory`): written atomically, so node_exporter never reads half a
 * file. Every series carries the kiosk's name as `kiosk`; times are Unix seconds.
 */

const MODES: readonly HealthMode[] = ['starting', 'open', 'closed', 'staff', 'notice'];

/** A label value as the exposition format wants it: backslash, quote and newline escaped. */
function label(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

const seconds = (epochMs: number) => String(Math.floor(epochMs / 1000));

export function prometheusText(report: HealthReport): string {
  const kiosk = `kiosk="${label(report.name)}"`;
  const lines: string[] = [];
  const metric = (
    name: string,
    help: string,
    type: 'gauge' | 'counter',
    samples: readonly (readonly [string, string | number])[],
  ) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples)
      lines.push(`${name}{${[kiosk, labels].filter((part) => part !== '').join(',')}} ${value}`);
  };
  const revision = report.revision;
  metric('clinic_kiosk_info', 'The kiosk, its version and the content revision on screen.', 'gauge', [
    [`version="${label(report.version)}",revision="${revision === null ? '' : label(revision.sha)}"`, 1],
  ]);
  metric('clinic_kiosk_healthy', '1 when the heartbeat would say up; 0 when it would say down.', 'gauge', [
    ['', report.status === 'up' ? 1 : 0],
  ]);
  metric('clinic_kiosk_standby', '1 while the standby screen shows: there is no content to show.', 'gauge', [
    ['', report.standby ? 1 : 0],
  ]);
  metric(
    'clinic_kiosk_mode',
    'What the screen is doing: 1 for the current mode.',
    'gauge',
    MODES.map((mode) => [`mode="${mode}"`, report.mode === mode ? 1 : 0] as const),
  );
  metric('clinic_kiosk_slides', 'Slides on screen.', 'gauge', [['', report.slides]]);
  metric('clinic_kiosk_content_problems', 'Problems with the content, by severity.', 'gauge', [
    ['severity="error"', report.problems.errors],
    ['severity="warning"', report.problems.warnings],
  ]);
  if (revision !== null) {
    metric(
      'clinic_kiosk_content_revision_timestamp_seconds',
      'When the revision on screen was committed.',
      'gauge',
      [['', seconds(revision.committedAt)]],
    );
  }
  if (report.newestRevision !== null) {
    metric(
      'clinic_kiosk_repository_revision_timestamp_seconds',
      "When the repository's newest revision, as the kiosk last heard, was committed.",
      'gauge',
      [['', seconds(report.newestRevision.committedAt)]],
    );
  }
  if (report.lastUpdateAt !== null) {
    metric(
      'clinic_kiosk_last_update_success_timestamp_seconds',
      'When the content repository last answered.',
      'gauge',
      [['', seconds(report.lastUpdateAt)]],
    );
  }
  if (report.currentAt !== null) {
    metric(
      'clinic_kiosk_content_current_timestamp_seconds',
      "When the kiosk last knew it showed the repository's newest revision.",
      'gauge',
      [['', seconds(report.currentAt)]],
    );
  }
  metric('clinic_kiosk_start_time_seconds', 'When the kiosk started.', 'gauge', [
    ['', seconds(report.startedAt)],
  ]);
  metric(
    'clinic_kiosk_report_timestamp_seconds',
    'When this file was written: a kiosk that stopped stops updating it.',
    'gauge',
    [['', seconds(report.time)]],
  );
  metric(
    'clinic_kiosk_page_failures_total',
    'Failures of the page since the kiosk started, by reason.',
    'counter',
    Object.entries(report.recovery.failures).map(
      ([reason, count]) => [`reason="${label(reason)}"`, count] as const,
    ),
  );
  metric('clinic_kiosk_recoveries_total', 'What the kiosk did to heal itself since it started.', 'counter', [
    ['action="reload"', report.recovery.reloads],
    ['action="new_window"', report.recovery.windowRecreations],
    ['action="crash_loop"', report.recovery.crashLoops],
    ['action="watchdog_reload"', report.recovery.watchdogReloads],
    ['action="gpu_crash"', report.recovery.gpuCrashes],
  ]);
  return `${lines.join('\n')}\n`;
}

export interface PrometheusFileOptions {
  readonly file: string;
  readonly everyMs: number;
  readonly report: () => HealthReport;
  readonly write: (file: string, text: string) => Promise<void>;
  readonly clock: Clock;
  readonly log: { warn(message: string): void; info(message: string): void };
}

/** Node_exporter reads the file at each scrape: once a minute keeps it fresh. */
export const PROMETHEUS_EVERY_MS = 60_000;

/** Writes the file now and every `everyMs`; says once when it cannot, and once when it can again. */
export function startPrometheusFile(options: PrometheusFileOptions): {
  write(): Promise<void>;
  close(): void;
} {
  let timer: TimerHandle | undefined;
  let closed = false;
  let failing = false;
  async function write(): Promise<void> {
    try {
      await options.write(options.file, prometheusText(options.report()));
      if (failing) options.log.info(`the Prometheus file ${options.file} is written again`);
      failing = false;
    } catch (error) {
      if (!failing)
        options.log.warn(`the Prometheus file ${options.file} could not be written: ${describeError(error)}`);
      failing = true;
    }
  }
  const tick = () => {
    if (closed) return;
    void write().finally(() => {
      if (!closed) timer = options.clock.setTimeout(tick, options.everyMs);
    });
  };
  tick();
  return {
    write,
    close() {
      closed = true;
      options.clock.clearTimeout(timer);
    },
  };
}
