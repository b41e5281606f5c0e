import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { ContentProblem } from '../../shared/content';

/** A YAML document that can tell where any of its values sits in the file. */
export interface LocatedYaml {
  readonly value: unknown;
  locate(path: readonly PropertyKey[]): Position | undefined;
  /** Where the key itself is written: for a setting that should not be there at all. */
  locateKey(path: readonly PropertyKey[]): Position | undefined;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export type YamlParseResult = { ok: true; yaml: LocatedYaml } | { ok: false; problems: ContentProblem[] };

/** Settings are a few lines; this is far more than any real settings block. */
export const MAX_YAML_CHARS = 64 * 1024;
/** Lists and maps inside each other: real settings go two or three deep. */
export const MAX_YAML_DEPTH = 16;
/** `*name` repeats an earlier value; a few are plenty, and many can grow a small file into gigabytes. */
export const MAX_YAML_ALIASES = 20;

/**
 * Parses YAML text that starts at `lineOffset` lines into its file (front matter starts at 1),
 * so that positions are those a person sees in their editor. Text that is too long, nested too
 * deep or repeats itself too often through aliases is refused before or while it is parsed, with
 * a problem for this file alone: no file can make the parser use up the process.
 */
export function parseLocatedYaml(source: string, file: string, lineOffset = 0): YamlParseResult {
  const fail = (message: string, at: Position = { line: 1 + lineOffset, column: 1 }): YamlParseResult => ({
    ok: false,
    problems: [{ severity: 'error', file, ...at, message }],
  });
  if (source.length > MAX_YAML_CHARS) {
    return fail(
      `the settings are too long (over ${MAX_YAML_CHARS / 1024} KB): keep only the settings between the --- lines, and put longer text below them`,
    );
  }
  const tooDeep = deepestNesting(source);
  if (tooDeep !== undefined) {
    return fail(
      `the settings are nested more than ${MAX_YAML_DEPTH} levels deep here: settings are simple "name: value" lines`,
      { line: tooDeep.line + lineOffset, column: tooDeep.column },
    );
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };

  // Only the first syntax error is worth telling: the ones after it are usually its echoes.
  const [firstError] = document.errors;
  if (firstError) {
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          file,
          ...position(firstError.pos[0]),
          message: describeYamlError(firstError.code, firstError.message),
        },
      ],
    };
  }

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch {
    // The one way toJS fails on a document that parsed: aliases that multiply past the limit.
    return fail(
      `the settings repeat earlier values (with *names) too many times: write each value out instead`,
    );
  }
  return {
    ok: true,
    yaml: {
      value,
      locate: (path) => locateNode(document, path, position),
      locateKey: (path) => locateKeyNode(document, path, position) ?? locateNode(document, path, position),
    },
  };
}

function locateNode(
  document: Document,
  path: readonly PropertyKey[],
  position: (offset: number) => Position,
) {
  // Walk up the path until a node exists: a missing key is reported where its parent is.
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node: unknown =
      depth === 0 ? document.contents : document.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return position(node.range[0]);
  }
  return undefined;
}

function locateKeyNode(
  document: Document,
  path: readonly PropertyKey[],
  position: (offset: number) => Position,
) {
  const parent: unknown =
    path.length <= 1 ? document.contents : document.getIn(path.slice(0, -1) as unknown[], true);
  if (!isMap(parent)) return undefined;
  const name = path.at(-1);
  const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(name));
  return isNode(pair?.key) && pair.key.range ? position(pair.key.range[0]) : undefined;
}

/**
 * Where the text first nests lists and maps more than {@link MAX_YAML_DEPTH} deep, in brackets
 * (`[` and `{` outside quoted text) or by indentation and dashes; undefined if it never does.
 * One pass over the text, before the parser sees it.
 */
function deepestNesting(source: string): Position | undefined {
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let line = 1;
  let column = 0;
  let atLineStart = true;
  let indent = 0;
  let dashes = 0;
  /** The last character that was not a space: a quote opens text only where a value can start. */
  let before = '\n';
  for (let index = 0; index < source.length; index += 1) {
    const char = source.charAt(index);
    column += 1;
    if (char === '\n') {
      line += 1;
      column = 0;
      atLineStart = true;
      indent = 0;
      dashes = 0;
      before = '\n';
      continue;
    }
    if (quote !== undefined) {
      if (char === '\\' && quote === '"') index += 1;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (atLineStart) {
      if (char === ' ' || (char === '-' && source.charAt(index + 1) === ' ')) {
        if (char === '-') dashes += 1;
        indent += 1;
        continue;
      }
      atLineStart = false;
      // Editors indent a level by two spaces; each dash that starts a list item opens one too.
      if (indent > MAX_YAML_DEPTH * 2 + dashes || dashes > MAX_YAML_DEPTH) return { line, column };
    }
    if (char === ' ' || char === '\t') continue;
    if (char === '#' && /\s/.test(source.charAt(index - 1) || ' ')) {
      const end = source.indexOf('\n', index);
      const skipTo = end === -1 ? source.length : end;
      column += skipTo - index - 1;
      index = skipTo - 1;
      continue;
    }
    if ((char === '"' || char === "'") && ':-[{,?\n'.includes(before)) quote = char;
    else if (char === '[' || char === '{') {
      flow += 1;
      if (flow > MAX_YAML_DEPTH) return { line, column };
    } else if ((char === ']' || char === '}') && flow > 0) flow -= 1;
    before = char;
  }
  return undefined;
}

const UNCLOSED =
  'a quote or bracket is opened here but never closed: close it, or put the whole text in quotes';

function describeYamlError(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'this setting is written twice: keep only one of them';
    case 'TAB_AS_INDENT':
      return 'this line is indented with a tab: use spaces instead';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'this value has a colon in it, or the next line is indented too far: put text that contains ": " in quotes, and line up settings that belong together';
    case 'BAD_INDENT':
      if (/must .*end with/i.test(message)) return UNCLOSED;
      return 'the spaces at the start of this line do not line up with the lines around it';
    case 'MISSING_CHAR':
      return UNCLOSED;
    default:
      return `this line is not valid YAML (${message.split('\n')[0] ?? code})`;
  }
}
