import { afterEach, describe, expect, it } from 'vitest';
import { processTerminal } from '../../../src/node/terminal';

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
});
