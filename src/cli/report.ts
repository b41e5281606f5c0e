import { ENV, processEnvironment } from '../node/environment';
import { runReport } from './report-command';

const env = processEnvironment();

// `npm run report -- --from DATE --to DATE`: see REPORT_USAGE in report-command.ts. Runs in plain Node.
void runReport(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env,
  platform: process.platform,
  // npm runs scripts from the project folder; INIT_CWD is where the person typed the command.
  cwd: env[ENV.invokedFrom] ?? process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
