import { ENV, processEnvironment } from '../node/environment';
import { runSetPin } from './set-pin-command';

const env = processEnvironment();

// `npm run set-pin -- [options]`: see USAGE in set-pin-command.ts. Runs in plain Node.
void runSetPin(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env,
  platform: process.platform,
  // npm runs scripts from the project folder; INIT_CWD is where the person typed the command.
  cwd: env[ENV.invokedFrom] ?? process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
