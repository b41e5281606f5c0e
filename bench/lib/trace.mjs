/**
 * Reading a Chromium trace (chrome://tracing JSON, as Playwright's browser.stopTracing returns it).
 * Categories the benchmark records: see TRACE_CATEGORIES.
 */

export const TRACE_CATEGORIES = [
  // ThreadControllerImpl::RunTask: every task, with its duration, on every thread.
  'toplevel',
  // EventTiming (every event's Event Timing duration, whatever its length), TimerFire, AnimationFrame.
  'devtools.timeline',
  // PipelineReporter: one per frame the compositor began, with what became of it.
  'disabled-by-default-devtools.timeline.frame',
];

export function parseTrace(buffer) {
  const { traceEvents } = JSON.parse(buffer.toString('utf8'));
  return traceEvents;
}

/** The page's renderer: the process with a CrRendererMain thread that did the most work. */
export function rendererOf(events) {
  const mainThreads = new Map();
  for (const event of events) {
    if (event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      mainThreads.set(event.pid, event.tid);
  }
  const work = new Map();
  for (const event of events) {
    if (mainThreads.get(event.pid) === event.tid && event.ph === 'X') {
      work.set(event.pid, (work.get(event.pid) ?? 0) + (event.dur ?? 0));
    }
  }
  const [pid] = [...work.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  return { pid, mainTid: mainThreads.get(pid) };
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
 */
export function frameStats(events, pid, slowMs = 20) {
  const begins = new Map();
  const frames = [];
  for (const event of events) {
    if (event.name !== 'PipelineReporter' || event.pid !== pid) continue;
    const key = event.id2?.local ?? event.id2?.global ?? event.id;
    if (event.ph === 'b') begins.set(key, event);
    else if (event.ph === 'e' && begins.has(key)) {
      const begin = begins.get(key);
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
  const frameTimes = [];
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

/** The vsync interval: the median time between the begin of frames one sequence number apart. */
function vsyncInterval(frames) {
  const gaps = [];
  for (let index = 1; index < frames.length; index += 1) {
    if (frames[index].sequence === frames[index - 1].sequence + 1)
      gaps.push(frames[index].begin - frames[index - 1].begin);
  }
  if (gaps.length === 0) return 1000 / 60;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}

/** Main-thread tasks over 50 ms, as the trace saw them (a cross-check of the Long Tasks API). */
export function longTasks(events, { pid, mainTid }, thresholdMs = 50) {
  return events.filter(
    (event) =>
      event.pid === pid &&
      event.tid === mainTid &&
      event.ph === 'X' &&
      event.name === 'ThreadControllerImpl::RunTask' &&
      event.dur / 1000 > thresholdMs,
  ).length;
}

/** How often the page's own code woke up: timers fired and requestAnimationFrame callbacks. */
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
 */
export function interactions(events, pid) {
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
