import { describe, expect, it, vi } from 'vitest';
import type { AgentReply, AgentRequest } from '../../../../src/node/content/agent';
import {
  LOAD_DEADLINE_MS,
  PING_ANSWER_MS,
  PING_EVERY_MS,
  RESTART_FIRST_MS,
  startContentAgentHost,
  type AgentChild,
} from '../../../../src/node/content/agent-host';
import type { ContentState } from '../../../../src/shared/content';
import { FakeClock } from '../../support/fake-clock';

const GOOD: ContentState = { deck: null, deckRevision: null, standbyTitle: 'Loaded', problems: [] };

/**
 * Agents played by the test: each answers loads as `behaviour` says (at once, never, or by
 * ending), and remembers what it was sent and whether it was stopped.
 */
function agents(
  behaviour: (agent: number, request: AgentRequest) => 'answer' | 'hang' | 'crash' = () => 'answer',
) {
  const started: { sent: AgentRequest[]; killed: boolean; reply: (message: AgentReply) => void }[] = [];
  const spawn = (): AgentChild => {
    const index = started.length;
    const listeners = new Set<(message: AgentReply) => void>();
    let exit: (why: string) => void = () => undefined;
    const record = {
      sent: [] as AgentRequest[],
      killed: false,
      reply: (m: AgentReply) => listeners.forEach((l) => l(m)),
    };
    started.push(record);
    return {
      send(message) {
        record.sent.push(message);
        const what = behaviour(index, message);
        if (message.type === 'load' && what === 'answer')
          record.reply({ type: 'loaded', id: message.id, state: GOOD });
        if (message.type === 'ping' && what === 'answer') record.reply({ type: 'pong', id: message.id });
        // A process ends a moment after it fails, never in the middle of being sent a message.
        if (what === 'crash') queueMicrotask(() => exit('exit code 134'));
      },
      onMessage: (listener) => listeners.add(listener),
      onExit: (listener) => {
        exit = listener;
      },
      kill() {
        record.killed = true;
      },
    };
  };
  return { spawn, started };
}

const log = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

function host(spawn: () => AgentChild, clock = new FakeClock(), watch: 'off' | 'auto' = 'off') {
  const lines = log();
  const agentHost = startContentAgentHost({ spawn, dir: '/content', watch, clock, log: lines });
  return { agentHost, clock, lines };
}

describe('the content agent host', () => {
  it('starts an agent on the folder and answers a load with what the agent read', async () => {
    const { spawn, started } = agents();
    const { agentHost } = host(spawn);
    expect(await agentHost.load()).toEqual(GOOD);
    expect(started[0]?.sent[0]).toEqual({ type: 'start', dir: '/content', watch: 'off' });
  });

  it('asks the agent to read another folder, with its repository, when a load names one', async () => {
    const { spawn, started } = agents();
    const { agentHost } = host(spawn);
    await agentHost.load({ dir: '/revisions/abc/sites/north', repositoryRoot: '/revisions/abc' });
    expect(started[0]?.sent[1]).toEqual({
      type: 'load',
      id: 1,
      folder: { dir: '/revisions/abc/sites/north', repositoryRoot: '/revisions/abc' },
    });
  });

  it('starts watching with the host, before anything asks for the content', () => {
    const { spawn, started } = agents();
    host(spawn, new FakeClock(), 'auto');
    expect(started).toHaveLength(1);
  });

  it('stops a load that passes its deadline, says why, and reads with a new agent next time', async () => {
    const { spawn, started } = agents((agent) => (agent === 0 ? 'hang' : 'answer'));
    const { agentHost, clock, lines } = host(spawn);
    const hung = agentHost.load();
    clock.advance(LOAD_DEADLINE_MS);
    const state = await hung;
    expect(state.deck).toBeNull();
    expect(state.problems[0]?.message).toMatch(/took longer than 20 s, so it was stopped/);
    expect(started[0]?.killed).toBe(true);
    expect(lines.warn).toHaveBeenCalledWith(expect.stringMatching(/starting a new one in 1 s/));
    // The next load is not held by the one that hung.
    expect(await agentHost.load()).toEqual(GOOD);
  });

  it('answers the load an agent owed when it ends, and reads the folder again once a new one is up', async () => {
    const { spawn, started } = agents((agent) => (agent === 0 ? 'crash' : 'answer'));
    const { agentHost, clock } = host(spawn);
    const changed = vi.fn();
    agentHost.onChanged(changed);
    const state = await agentHost.load();
    expect(state.problems[0]?.message).toMatch(/the content reader stopped \(exit code 134\)/);
    clock.advance(RESTART_FIRST_MS);
    expect(started).toHaveLength(2);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('waits longer before each new agent when agents keep stopping, up to a minute', async () => {
    const { spawn, started } = agents(() => 'crash');
    const { agentHost, clock, lines } = host(spawn);
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await agentHost.load();
      clock.advance(60_000);
    }
    const waits = lines.warn.mock.calls.map(([line]) => /in (\d+) s$/.exec(String(line))?.[1]);
    expect(waits.slice(0, 8)).toEqual(['1', '2', '4', '8', '16', '32', '60', '60']);
    expect(started.length).toBeGreaterThanOrEqual(8);
  });

  it('replaces an idle agent that stops answering', () => {
    const { spawn, started } = agents((_agent, request) => (request.type === 'ping' ? 'hang' : 'answer'));
    const { clock } = host(spawn, new FakeClock(), 'auto');
    clock.advance(PING_EVERY_MS + PING_ANSWER_MS);
    expect(started[0]?.killed).toBe(true);
    clock.advance(RESTART_FIRST_MS);
    expect(started).toHaveLength(2);
  });

  it('passes on the agent’s news: a changed folder, and how it is watched', () => {
    const { spawn, started } = agents();
    const { agentHost, lines } = host(spawn, new FakeClock(), 'auto');
    const changed = vi.fn();
    agentHost.onChanged(changed);
    started[0]?.reply({ type: 'changed' });
    started[0]?.reply({ type: 'watching', polling: true, reason: 'a network share (SMB/CIFS)' });
    expect(changed).toHaveBeenCalledTimes(1);
    expect(lines.info).toHaveBeenCalledWith(
      expect.stringMatching(/polled every second: it is a network share/),
    );
  });

  it('stops its agent and its timers when closed', () => {
    const { spawn, started } = agents();
    const { agentHost, clock } = host(spawn, new FakeClock(), 'auto');
    agentHost.close();
    expect(started[0]?.killed).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });
});
