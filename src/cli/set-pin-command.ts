import { findFlagValue } from '../node/argv';
import type { Env } from '../node/environment';
import { toolUserDataDir, USER_DATA_ENV, USER_DATA_FLAG } from '../node/paths';
import { asksForHelp, terminalLines } from '../node/terminal';
import { hashPin, isValidPin, pinFilePath, removePin, writePin, type ScryptParams } from '../node/pin-store';

/**
 * `npm run set-pin` (and `clinic-kiosk --set-pin` on an installed kiosk): sets or removes the
 * staff PIN. Reads the PIN twice, unseen, when typed at a terminal; otherwise reads the first
 * line of standard input, so installers can script it. Free of Electron.
 */

export const SET_PIN_FLAG = '--set-pin';
const REMOVE_FLAG = '--remove';

export const USAGE = `Sets the staff PIN of Clinic Kiosk (4 to 12 digits).

  npm run set-pin [-- options]            from the project folder
  clinic-kiosk --set-pin [options]        on an installed kiosk (Linux)

Options:
  ${USER_DATA_FLAG} DIR   the kiosk's user-data folder (default: the kiosk's own, or ${USER_DATA_ENV})
  ${REMOVE_FLAG}          remove the PIN: nobody can open the staff panel until one is set again
  --help            show this text

Typed at a terminal, the PIN is asked twice and not shown. Otherwise the first line of
standard input is used: echo 123456 | npm run set-pin -- ${USER_DATA_FLAG} /path/to/folder`;

/** What the command needs from its surroundings, so tests can give it fakes. */
export interface SetPinIo {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: Env;
  readonly platform: NodeJS.Platform;
  readonly cwd: string;
  readonly home?: string;
}

export interface SetPinOptions {
  /** Inside the app the folder is already known (and the app's own switches are not ours to judge). */
  readonly userDataDir?: string;
  readonly scrypt?: ScryptParams;
}

/** Returns the exit code: 0 done, 1 failed, 2 wrong usage. */
export async function runSetPin(
  args: readonly string[],
  io: SetPinIo,
  options: SetPinOptions = {},
): Promise<number> {
  const { say, complain } = terminalLines(io);

  if (asksForHelp(args)) {
    say(USAGE);
    return 0;
  }
  const warnings: string[] = [];
  if (options.userDataDir === undefined) {
    findFlagValue(args, USER_DATA_FLAG, warnings);
    const unknown = args.filter(
      (arg, index) =>
        arg.startsWith('-') &&
        arg !== REMOVE_FLAG &&
        arg !== SET_PIN_FLAG &&
        arg !== USER_DATA_FLAG &&
        !arg.startsWith(`${USER_DATA_FLAG}=`) &&
        args[index - 1] !== USER_DATA_FLAG,
    );
    if (unknown.length > 0 || warnings.length > 0) {
      complain([...warnings, ...unknown.map((arg) => `unknown option ${arg}`), '', USAGE].join('\n'));
      return 2;
    }
  }
  const dir = options.userDataDir ?? toolUserDataDir(args, io);

  try {
    if (args.includes(REMOVE_FLAG)) {
      const removed = await removePin(dir);
      say(removed ? `Staff PIN removed from ${dir}.` : `There was no staff PIN in ${dir}.`);
      return 0;
    }

    const pin = io.stdin.isTTY === true ? await askTwice(io) : await firstLine(io.stdin);
    if (pin === undefined) {
      complain('No PIN set.');
      return 1;
    }
    if (!isValidPin(pin)) {
      complain('No PIN set: a PIN is 4 to 12 digits (0-9), nothing else.');
      return 1;
    }
    const path = await writePin(dir, await hashPin(pin, options.scrypt));
    say(`Staff PIN saved in ${path} (as a salted hash; the PIN itself is not stored).`);
    say('A running kiosk uses it from the next time the PIN pad opens.');
    return 0;
  } catch (error) {
    complain(`No PIN set: could not write ${pinFilePath(dir)} (${(error as Error).message}).`);
    return 1;
  }
}

async function askTwice(io: SetPinIo): Promise<string | undefined> {
  const first = await readHidden(io, 'New staff PIN (4-12 digits, not shown): ');
  if (first === undefined) return undefined;
  if (!isValidPin(first)) return first;
  const second = await readHidden(io, 'Type it again: ');
  if (second === undefined) return undefined;
  if (second !== first) {
    io.stderr.write('The two PINs differ.\n');
    return undefined;
  }
  return first;
}

const ENTER = new Set(['\r', '\n']);
const CANCEL = new Set(['\u0003', '\u0004']); // Ctrl+C, Ctrl+D
const ERASE = new Set(['\u007f', '\b']);

/** Reads a line from a terminal in raw mode, so nothing typed is echoed. */
function readHidden(io: SetPinIo, prompt: string): Promise<string | undefined> {
  const { stdin, stdout } = io;
  stdout.write(prompt);
  stdin.setRawMode?.(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve) => {
    let typed = '';
    const finish = (value: string | undefined) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      stdout.write('\n');
      resolve(value);
    };
    const onData = (chunk: string | Buffer) => {
      for (const char of chunk.toString()) {
        if (ENTER.has(char) || CANCEL.has(char)) {
          finish(ENTER.has(char) ? typed : undefined);
          return;
        }
        if (ERASE.has(char)) typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function firstLine(stdin: NodeJS.ReadableStream): Promise<string | undefined> {
  let text = '';
  for await (const chunk of stdin) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  const line = text.split(/\r?\n/)[0]?.trim();
  return line === '' ? undefined : line;
}
