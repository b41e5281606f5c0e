import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { asksForHelp, processTerminal, terminalLines } from '../../../src/node/terminal';

const saved = process.env.INIT_CWD;
afterEach(() => {
  if (saved === undefined) delete process.env.INIT_CWD;
  else process.env.INIT_CWD = saved;
});

describe('the terminal a command runs in', () => {
  it('works in the folder the person typed the npm command in, not the project folder', () => {
    process.env.INIT_CWD = '/home/staff/clinic';
    expect(processTerminal().cwd).toBe('/home/staff/clinic');
  });

  it('works in the process folder when run by the installed app', () => {
    delete process.env.INIT_CWD;
    expect(processTerminal()).toMatchObject({ cwd: process.cwd(), platform: process.platform });
  });

  it('writes answers to standard output and complaints to standard error, a line each', () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const { say, complain } = terminalLines({ stdout, stderr });
    say('written');
    complain('no such day');
    expect(String(stdout.read())).toBe('written\n');
    expect(String(stderr.read())).toBe('no such day\n');
  });

  it('knows a request for the usage text by either spelling, and only by those', () => {
    expect(asksForHelp(['--from', '2026-12-01', '--help'])).toBe(true);
    expect(asksForHelp(['-h'])).toBe(true);
    expect(asksForHelp(['--from', '-help'])).toBe(false);
  });
});
