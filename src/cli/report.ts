import { runReport } from './report-command';
import { runInTerminal } from '../node/terminal';

// `npm run report -- --from DATE --to DATE`: see REPORT_USAGE in report-command.ts. Runs in plain Node.
runInTerminal(runReport);
