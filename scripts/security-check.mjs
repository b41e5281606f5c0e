// @ts-check
// `npm run security`: runs Doyensec's electronegativity over the sources and fails on any finding
// at or above the chosen severity (medium by default) that no suppression comment justifies, on
// any suppression comment without a reason, and on any file the tool could not parse (a file it
// cannot read is a file it did not check). The electronegativity CLI itself always exits 0.
//
// With --page, the page as it is built (its Content-Security-Policy meta tag is generated at build
// time from src/node/http/security-headers.ts) is checked in place of src/renderer/index.html: the
// check sees the page that ships.
//
// A finding is suppressed on its own line, with the reason after a colon:
//   preload: ..., // eng-disable PRELOAD_JS_CHECK: exposes named methods only, never ipcRenderer
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const requireFromRoot = createRequire(join(root, 'package.json'));

/** @type {readonly string[]} */
export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];

/**
 * AvailableSecurityFixesGlobalCheck asks the internet for newer Electron releases: offline it
 * silently checks nothing, online it fails the build the day a patch release appears. Keeping
 * Electron current is the dependency updates' job, not this check's.
 * @type {readonly string[]}
 */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** @typedef {{ input: string; output: string; severity: string; page: string | undefined }} Options */

/** @type {ReadonlyMap<string, keyof Options>} */
const FLAGS = new Map([
  ['--input', 'input'],
  ['--output', 'output'],
  ['--severity', 'severity'],
  ['--page', 'page'],
]);

/**
 * @param {readonly string[]} argv
 * @returns {Options}
 */
export function parseArgs(argv) {
  /** @type {Options} */
  const options = { input: 'src', output: 'out/electronegativity.csv', severity: 'medium', page: undefined };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index] ?? '';
    const value = argv[index + 1];
    const key = FLAGS.get(flag);
    if (key === undefined || value === undefined) throw new Error(`unknown option or missing value: ${flag}`);
    options[key] = value;
    index += 1;
  }
  if (!SEVERITIES.includes(options.severity.toUpperCase()))
    throw new Error(`--severity must be one of ${SEVERITIES.join(', ').toLowerCase()}`);
  return options;
}

/** @typedef {{ readonly id: string; readonly severity: { readonly name: string } }} Finding */

/**
 * Findings at or above `severity`; electronegativity already dropped the suppressed ones.
 * @template {Finding} T
 * @param {readonly T[]} issues
 * @param {string} severity
 * @returns {T[]}
 */
export function blockingFindings(issues, severity) {
  const threshold = SEVERITIES.indexOf(severity.toUpperCase());
  return issues.filter((issue) => SEVERITIES.indexOf(issue.severity.name) >= threshold);
}

const SUPPRESSION = /eng-disable[ \t]+[\w \t,]+(?::[ \t]*(.*?))?(?:-->|\*\/|$)/;

/** @typedef {{ readonly path: string; readonly text: string }} SourceFile */

/**
 * Suppression comments that do not say why: `eng-disable CHECK_ID: reason` is required.
 * @param {readonly SourceFile[]} files
 */
export function unjustifiedSuppressions(files) {
  /** @type {{ path: string; line: number; text: string }[]} */
  const found = [];
  for (const { path, text } of files) {
    text.split(/\r?\n/).forEach((line, index) => {
      const match = SUPPRESSION.exec(line);
      if (match === null) return;
      const reason = (match[1] ?? '').trim();
      if (reason.length < 10) found.push({ path, line: index + 1, text: line.trim() });
    });
  }
  return found;
}

/**
 * @param {string} dir
 * @returns {SourceFile[]}
 */
function sourceFiles(dir) {
  /** @type {SourceFile[]} */
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (['.ts', '.js', '.mjs', '.cjs', '.html', '.svelte'].includes(extname(entry.name)))
      files.push({ path, text: readFileSync(path, 'utf8') });
  }
  return files;
}

/**
 * electronegativity's runner (it has no types of its own): the options it is given here and the
 * parts of its result this check reads.
 * @typedef {(
 *   options: {
 *     input: string;
 *     output: string;
 *     isSarif: boolean;
 *     customScan: string[];
 *     excludeFromScan: string[];
 *     severitySet: string;
 *     confidenceSet: string;
 *     isRelative: boolean;
 *     isVerbose: boolean;
 *     electronVersionOverride: string;
 *     parserPlugins: string[];
 *   },
 *   forCli: false,
 * ) => Promise<{
 *   atomicChecks: number;
 *   globalChecks: number;
 *   errors: { file: string; message: string; tolerable: boolean }[];
 *   issues: (Finding & {
 *     file: string;
 *     description: string;
 *     shortenedURL: string;
 *     location: { line: number; column: number };
 *   })[];
 * }>} Runner
 */

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const sources = resolve(root, options.input);
  // The sources as they ship: with the built page in place of the page's source, when given.
  const scanned = options.page === undefined ? undefined : mkdtempSync(join(tmpdir(), 'kiosk-security-'));
  if (scanned !== undefined && options.page !== undefined) {
    cpSync(sources, scanned, { recursive: true });
    cpSync(resolve(root, options.page), join(scanned, 'renderer', 'index.html'));
  }
  const input = scanned ?? sources;
  try {
    await check(options, input);
  } finally {
    if (scanned !== undefined) rmSync(scanned, { recursive: true, force: true });
  }
}

/**
 * @param {Options} options
 * @param {string} input
 */
async function check(options, input) {
  /** @type {unknown} */
  const electronPackage = JSON.parse(readFileSync(requireFromRoot.resolve('electron/package.json'), 'utf8'));
  const electronVersion = /** @type {{ version: string }} */ (electronPackage).version;
  /** @type {unknown} */
  const runner = requireFromRoot('@doyensec/electronegativity/dist/runner.js');
  const run = /** @type {Runner} */ (runner);
  mkdirSync(dirname(resolve(root, options.output)), { recursive: true });
  const result = await run(
    {
      input,
      output: resolve(root, options.output),
      isSarif: false,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS.map((name) => name.toLowerCase()),
      severitySet: 'informational',
      confidenceSet: 'tentative',
      isRelative: true,
      isVerbose: false,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );

  const failures = [];
  for (const error of result.errors.filter((e) => !e.tolerable))
    failures.push(
      `${join(options.input, relative(input, resolve(input, error.file)))}: could not be parsed, so it was not checked: ${error.message}`,
    );
  for (const issue of blockingFindings(result.issues, options.severity))
    failures.push(
      `${join(options.input, issue.file)}:${issue.location.line}:${issue.location.column} ${issue.id} (${issue.severity.name}): ${issue.description} ${issue.shortenedURL}`,
    );
  for (const bad of unjustifiedSuppressions(sourceFiles(input)))
    failures.push(
      `${join(options.input, relative(input, bad.path))}:${bad.line} eng-disable without a reason (write "eng-disable CHECK: why"): ${bad.text}`,
    );

  const checked = `${result.atomicChecks} + ${result.globalChecks} checks, Electron ${electronVersion}, severity ${options.severity} and above`;
  if (failures.length > 0) {
    console.error(`electronegativity: ${failures.length} problem(s) (${checked}):\n${failures.join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(`electronegativity: no findings (${checked}); details in ${options.output}`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((/** @type {unknown} */ error) => {
    console.error(
      `electronegativity could not run: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  });
}
