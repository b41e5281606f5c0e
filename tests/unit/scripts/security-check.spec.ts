import { describe, expect, it } from 'vitest';
import { blockingFindings, parseArgs, unjustifiedSuppressions } from '../../../scripts/security-check.mjs';

const finding = (id: string, severity: string) => ({ id, severity: { name: severity } });

describe('the security check', () => {
  it('reads the same options as the electronegativity CLI, with the project defaults', () => {
    expect(parseArgs([])).toEqual({
      input: 'src',
      output: 'out/electronegativity.csv',
      severity: 'medium',
      page: undefined,
    });
    expect(parseArgs(['--page', 'out/renderer/index.html']).page).toBe('out/renderer/index.html');
    expect(parseArgs(['--input', 'app', '--severity', 'low'])).toMatchObject({
      input: 'app',
      severity: 'low',
    });
  });

  it('refuses options it does not know or severities that do not exist', () => {
    expect(() => parseArgs(['--relative'])).toThrow(/unknown option/);
    expect(() => parseArgs(['--severity', 'severe'])).toThrow(/--severity/);
  });

  it('fails on findings at or above the severity, and lets lower ones pass', () => {
    const issues = [
      finding('A', 'HIGH'),
      finding('B', 'MEDIUM'),
      finding('C', 'LOW'),
      finding('D', 'INFORMATIONAL'),
    ];
    expect(blockingFindings(issues, 'medium').map((issue) => issue.id)).toEqual(['A', 'B']);
    expect(blockingFindings(issues, 'informational')).toHaveLength(4);
  });

  it('requires a reason on every suppression comment', () => {
    const files = [
      {
        path: 'a.ts',
        text: [
          'preload: x, // eng-disable PRELOAD_JS_CHECK: named methods only, never ipcRenderer',
          'other, // eng-disable AUXCLICK_JS_CHECK',
          'more, /* eng-disable SANDBOX_JS_CHECK: ok */',
          'plain code',
        ].join('\n'),
      },
      {
        path: 'b.html',
        text: '<meta> <!-- eng-disable CSP_GLOBAL_CHECK: the meta tag mirrors the header -->',
      },
      { path: 'c.html', text: '<meta> <!-- eng-disable CSP_GLOBAL_CHECK -->' },
    ];
    expect(unjustifiedSuppressions(files)).toEqual([
      { path: 'a.ts', line: 2, text: 'other, // eng-disable AUXCLICK_JS_CHECK' },
      { path: 'a.ts', line: 3, text: 'more, /* eng-disable SANDBOX_JS_CHECK: ok */' },
      { path: 'c.html', line: 1, text: '<meta> <!-- eng-disable CSP_GLOBAL_CHECK -->' },
    ]);
  });
});
