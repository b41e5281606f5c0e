import { mount } from 'svelte';
import '@fontsource/atkinson-hyperlegible-next/400.css';
import '@fontsource/atkinson-hyperlegible-next/700.css';
import '../styles/global.css';
import './workbench.css';
import { catchUncaughtErrors, sendErrorsTo } from '../lib/errors';
import { connectToKiosk } from '../lib/bridge';
import { createWorkbenchApi } from './api';
import Workbench from './Workbench.svelte';

// The workbench's errors go where the kiosk page's do: the preview's terminal or its log.
sendErrorsTo(connectToKiosk().reportError);
catchUncaughtErrors(window);

/** Where the chosen screen shape is remembered; a browser may refuse it (a policy, a private window). */
function localStorageIfAllowed(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const target = document.getElementById('app');
if (target)
  mount(Workbench, { target, props: { api: createWorkbenchApi(), storage: localStorageIfAllowed() } });
