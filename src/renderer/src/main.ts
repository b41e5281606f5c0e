import { mount } from 'svelte';
import './fonts';
import './styles/global.css';
import App from './App.svelte';
import { connectToKiosk } from './lib/bridge';
import { catchUncaughtErrors, sendErrorsTo } from './lib/errors';
import { readFirstContent, readFirstSchedule } from './lib/first-content';
import { restartOnNewMoment } from './lib/preview-moment';

const api = connectToKiosk();
sendErrorsTo(api.reportError);
catchUncaughtErrors(window);

const initialSchedule = readFirstSchedule(document);
restartOnNewMoment(api, initialSchedule, () => location.reload());

const target = document.getElementById('app');
if (target) {
  mount(App, { target, props: { api, initial: readFirstContent(document), initialSchedule } });
}
