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

/**
 * Parses YAML text that starts at `lineOffset` lines into its file (front matter starts at 1),
 * so that positions are those a person sees in their editor.
 */
export function parseLocatedYaml(source: string, file: string, lineOffset = 0): YamlParseResult {
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

  return {
    ok: true,
    yaml: {
      value: document.toJS() as unknown,
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
