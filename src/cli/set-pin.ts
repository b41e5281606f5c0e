import { runSetPin } from './set-pin-command';
import { runInTerminal } from '../node/terminal';

// `npm run set-pin -- [options]`: see USAGE in set-pin-command.ts. Runs in plain Node.
runInTerminal(runSetPin);
