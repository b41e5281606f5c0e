// @ts-check
/**
 * Reading a Chromium trace (chrome://tracing JSON, as Playwright's browser.stopTracing returns it).
 * Categories the benchmark records: see TRACE_CATEGORIES.
 */

/**
 * What the benchmark reads of a frame's PipelineReporter event.
 * @typedef {{ frame_sequence?: number | string; state?: string }} FrameReporter
 */

/**
 * One event of a Chromium trace, with the fields the benchmark reads.
 * @typedef {{
 *   name: string;
 *   ph: string;
 *   pid: number;
 *   tid: number;
 *   ts: number;
 *   dur?: number;
 *   id?: string;
 *   id2?: { local?: string; global?: string };
 *   args?: {
 *     name?: string;
 *     frame_reporter?: FrameReporter;
 *     chrome_frame_reporter?: FrameReporter;
 *     data?: { interactionId?: number; timeStamp: number; duration: number; type: string };
 *   };
 * }} TraceEvent
 */

/** @typedef {readonly TraceEvent[]} Trace */

export const TRACE_CATEGORIES = [
  // ThreadControllerImpl::RunTask: every task, with its duration, on every thread.
  'toplevel',
  // EventTiming (every event's Event Timing duration, whatever its length), TimerFire, AnimationFrame.
  'devtools.timeline',
  // PipelineReporter: one per frame the compositor began, with what became of it.
  'disabled-by-default-devtools.timeline.frame',
];

/**
 * @param {Buffer} buffer
 * @returns {Trace}
 */
export function parseTrace(buffer) {
  /** @type {unknown} */
  const trace = JSON.parse(buffer.toString('utf8'));
  return /** @type {{ traceEvents: TraceEvent[] }} */ (trace).traceEvents;
}

/**
 * The page's renderer: the process with a CrRendererMain thread that did the most work.
 * @param {Trace} events
 */
export function rendererOf(events) {
  /** @type {Map<number, number>} */
  const mainThreads = new Map();
  for (const event of events) {
    if (event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      mainThreads.set(event.pid, event.tid);
  }
  /** @type {Map<number, number>} */
  const work = new Map();
  for (const event of events) {
    if (mainThreads.get(event.pid) === event.tid && event.ph === 'X') {
      work.set(event.pid, (work.get(event.pid) ?? 0) + (event.dur ?? 0));
    }
  }
  const [pid] = [...work.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  return { pid, mainTid: pid === undefined ? undefined : mainThreads.get(pid) };
}

/**
 * Frames, as the page's compositor saw them. A frame "with work" is a vsync at which the page had
 * something new to show (PipelineReporter state other than STATE_NO_UPDATE_DESIRED). A presented
 * frame stays on screen until the next one is presented: its time is the number of vsyncs between
 * the two (frame_sequence) times the vsync interval, counted when the previous vsync also had work
 * (so the pause between two transitions is no frame). At 60 Hz a frame over 20 ms is one that stayed
 * two vsyncs or more, because the frame after it was dropped. (Presentation timestamps are also
 * kept, as `slowShareByPresentationTime`: headless Chromium has no real display, and swap times
 * jitter by a few milliseconds around the vsync.)
 * @param {Trace} events
 * @param {number | undefined} pid
 */
export function frameStats(events, pid, slowMs = 20) {
  /** @type {Map<string | undefined, TraceEvent>} */
  const begins = new Map();
  /** @type {Frame[]} */
  const frames = [];
  for (const event of events) {
    if (event.name !== 'PipelineReporter' || event.pid !== pid) continue;
    const key = event.id2?.local ?? event.id2?.global ?? event.id;
    if (event.ph === 'b') begins.set(key, event);
    else if (event.ph === 'e') {
      const begin = begins.get(key);
      if (begin === undefined) continue;
      begins.delete(key);
      const reporter = begin.args?.frame_reporter ?? begin.args?.chrome_frame_reporter ?? {};
      frames.push({
        sequence: Number(reporter.frame_sequence),
        state: reporter.state,
        begin: begin.ts / 1000,
        end: event.ts / 1000,
      });
    }
  }
  frames.sort((a, b) => a.sequence - b.sequence || a.begin - b.begin);
  const vsyncMs = vsyncInterval(frames);
  const withWork = frames.filter((frame) => frame.state !== 'STATE_NO_UPDATE_DESIRED');
  const workSequences = new Set(withWork.map((frame) => frame.sequence));
  const presented = withWork.filter((frame) => frame.state?.startsWith('STATE_PRESENTED'));
  /** @type {number[]} */
  const frameTimes = [];
  /** @type {number[]} */
  const presentationIntervals = [];
  let previous;
  for (const frame of presented) {
    if (previous !== undefined && workSequences.has(frame.sequence - 1)) {
      frameTimes.push((frame.sequence - previous.sequence) * vsyncMs);
      presentationIntervals.push(frame.end - previous.end);
    }
    previous = frame;
  }
  const slow = frameTimes.filter((time) => time > slowMs).length;
  /** @type {(count: number, total: number) => number} */
  const share = (count, total) => (total === 0 ? 0 : count / total);
  return {
    vsyncMs,
    framesWithWork: withWork.length,
    presented: presented.length,
    dropped: withWork.filter((frame) => frame.state === 'STATE_DROPPED').length,
    measured: frameTimes.length,
    slow,
    slowShare: share(slow, frameTimes.length),
    worstFrameMs: frameTimes.length === 0 ? 0 : Math.max(...frameTimes),
    slowShareByPresentationTime: share(
      presentationIntervals.filter((interval) => interval > slowMs).length,
      presentationIntervals.length,
    ),
  };
}

/** @typedef {{ sequence: number; state: string | undefined; begin: number; end: number }} Frame */

/**
 * The vsync interval: the median time between the begin of frames one sequence number apart.
 * @param {readonly Frame[]} frames
 */
function vsyncInterval(frames) {
  /** @type {number[]} */
  const gaps = [];
  for (let index = 1; index < frames.length; index += 1) {
    const previous = frames[index - 1];
    const frame = frames[index];
    if (previous && frame?.sequence === previous.sequence + 1) gaps.push(frame.begin - previous.begin);
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 1000 / 60;
}

/**
 * Main-thread tasks over 50 ms, as the trace saw them (a cross-check of the Long Tasks API).
 * @param {Trace} events
 * @param {ReturnType<typeof rendererOf>} renderer
 */
export function longTasks(events, { pid, mainTid }, thresholdMs = 50) {
  return events.filter(
    (event) =>
      event.pid === pid &&
      event.tid === mainTid &&
      event.ph === 'X' &&
      event.name === 'ThreadControllerImpl::RunTask' &&
      (event.dur ?? 0) / 1000 > thresholdMs,
  ).length;
}

/**
 * How often the page's own code woke up: timers fired and requestAnimationFrame callbacks.
 * @param {Trace} events
 * @param {number | undefined} pid
 */
export function wakeUps(events, pid) {
  let timers = 0;
  let animationFrames = 0;
  for (const event of events) {
    if (event.pid !== pid || event.ph !== 'X') continue;
    if (event.name === 'TimerFire') timers += 1;
    else if (event.name === 'FireAnimationFrame') animationFrames += 1;
  }
  return { timers, animationFrames };
}

/**
 * Interactions (Event Timing's interactionId): for each, the longest duration of its events, which
 * is what the Event Timing API and INP report. Ordered by when they happened.
 * @param {Trace} events
 * @param {number | undefined} pid
 */
export function interactions(events, pid) {
  /** @type {Map<number, { id: number; start: number; duration: number; types: string[] }>} */
  const byId = new Map();
  for (const event of events) {
    if (event.name !== 'EventTiming' || event.pid !== pid || event.ph !== 'b') continue;
    const data = event.args?.data;
    if (!data?.interactionId) continue;
    const current = byId.get(data.interactionId);
    if (current === undefined) {
      byId.set(data.interactionId, {
        id: data.interactionId,
        start: data.timeStamp,
        duration: data.duration,
        types: [data.type],
      });
    } else {
      current.start = Math.min(current.start, data.timeStamp);
      current.duration = Math.max(current.duration, data.duration);
      if (!current.types.includes(data.type)) current.types.push(data.type);
    }
  }
  return [...byId.values()].sort((a, b) => a.start - b.start);
}
