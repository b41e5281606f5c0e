import { describe, expect, it } from 'vitest';
import { MAX_YAML_CHARS, MAX_YAML_DEPTH, parseLocatedYaml } from '../../../../src/node/content/yaml-source';

const problemOf = (source: string, lineOffset = 0) => {
  const parsed = parseLocatedYaml(source, 'slides/01.md', lineOffset);
  return parsed.ok ? undefined : parsed.problems[0];
};

describe('YAML that would use up the parser', () => {
  it('reads settings nested as deep as real ones go', () => {
    const nested = `a: ${'['.repeat(MAX_YAML_DEPTH)}1${']'.repeat(MAX_YAML_DEPTH)}`;
    expect(parseLocatedYaml(nested, 'kiosk.yaml').ok).toBe(true);
  });

  it('refuses brackets nested too deep, before parsing, where the nesting goes too far', () => {
    const source = `title: ok\nsummary: ${'['.repeat(MAX_YAML_DEPTH + 1)}`;
    const problem = problemOf(source, 1);
    expect(problem).toMatchObject({
      file: 'slides/01.md',
      line: 3,
      column: 'summary: '.length + MAX_YAML_DEPTH + 1,
    });
    expect(problem?.message).toMatch(/nested more than 16 levels deep/);
  });

  it('does not count brackets inside quoted text', () => {
    expect(parseLocatedYaml(`title: "${'['.repeat(100)}"\nsummary: '${'{'.repeat(100)}'`, 'x').ok).toBe(true);
  });

  it('refuses lists and maps nested too deep by indentation', () => {
    const indented = Array.from({ length: 40 }, (_, depth) => `${'  '.repeat(depth)}k${depth}:`).join('\n');
    expect(problemOf(`${indented} x`)?.message).toMatch(/nested more than 16 levels deep/);
    const dashes = `${'- '.repeat(40)}x`;
    expect(problemOf(dashes)?.message).toMatch(/nested more than 16 levels deep/);
  });

  it('refuses settings far longer than any real ones, without parsing them', () => {
    expect(problemOf(`title: ${'a'.repeat(MAX_YAML_CHARS)}`)?.message).toMatch(/too long/);
  });

  it('refuses aliases that multiply a small file into a huge one, as a problem of that file', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const problem = problemOf(bomb);
    expect(problem?.file).toBe('slides/01.md');
    expect(problem?.message).toMatch(/repeat earlier values/);
  });

  it('still reads a setting that uses an alias once or twice', () => {
    const parsed = parseLocatedYaml('a: &name Clinic\nb: *name\n', 'kiosk.yaml');
    expect(parsed.ok && parsed.yaml.value).toEqual({ a: 'Clinic', b: 'Clinic' });
  });
});
