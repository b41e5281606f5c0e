import { ENV, processEnvironment, type Env } from './environment';

/** What a command-line tool is given of the terminal it runs in: its streams, settings and folder. */
export interface Terminal {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: Env;
  readonly platform: NodeJS.Platform;
  readonly cwd: string;
}

/** This process's terminal, for the npm scripts and for the installed app's own commands alike. */
export function processTerminal(): Terminal {
  const env = processEnvironment();
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env,
    platform: process.platform,
    // npm runs scripts from the project folder; INIT_CWD is where the person typed the command.
    cwd: env[ENV.invokedFrom] ?? process.cwd(),
  };
}

/** Runs an npm script's command in plain Node, with the process's exit code its answer. */
export function runInTerminal(
  command: (args: readonly string[], terminal: Terminal) => Promise<number>,
): void {
  void command(process.argv.slice(2), processTerminal()).then((code) => {
    process.exitCode = code;
  });
}
