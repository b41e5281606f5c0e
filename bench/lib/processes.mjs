// @ts-check
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** @import { CDPSession } from '@playwright/test' */

/**
 * CPU seconds (user + system) used so far by every process of the browser this benchmark launched:
 * the browser process and all its descendants (renderers, GPU/compositor, network, zygotes...).
 * On Linux it reads /proc/<pid>/stat; elsewhere it asks Chromium (SystemInfo.getProcessInfo).
 * @param {CDPSession} browserSession
 */
export async function browserCpuSeconds(browserSession) {
  if (existsSync('/proc/self/stat')) return procTreeCpuSeconds();
  const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo');
  return processInfo.reduce((sum, info) => sum + info.cpuTime, 0);
}

/** @type {number | undefined} */
let ticksPerSecond;

function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

function readProcesses() {
  /** @type {Map<number, { ppid: number; ticks: number }>} */
  const processes = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: the fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processes.set(Number(entry), {
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // The process ended while we were reading: it no longer counts.
    }
  }
  return processes;
}

/** @param {number} pid */
function isBrowser(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chrom');
  } catch {
    return false;
  }
}

/** Every Chromium process started by this Node process (Playwright launches it as a direct child). */
function procTreeCpuSeconds() {
  const processes = readProcesses();
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const [pid, info] of processes) {
    const siblings = children.get(info.ppid);
    if (siblings === undefined) children.set(info.ppid, [pid]);
    else siblings.push(pid);
  }
  const roots = (children.get(process.pid) ?? []).filter(isBrowser);
  let ticks = 0;
  const stack = [...roots];
  for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
    ticks += processes.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks / clockTicks();
}

/**
 * CPU seconds (user + system) used so far by process `pid` and every process it started (on Linux,
 * from /proc): the kiosk's Node process with its content reader, say.
 * @param {number} pid
 */
export function processTreeCpuSeconds(pid) {
  const processes = readProcesses();
  let ticks = 0;
  const stack = [pid];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    ticks += processes.get(current)?.ticks ?? 0;
    for (const [child, info] of processes) if (info.ppid === current) stack.push(child);
  }
  return ticks / clockTicks();
}
