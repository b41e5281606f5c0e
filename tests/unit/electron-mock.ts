/**
 * A hand-written stand-in for the parts of `electron` the app uses. There is no Electron binary in
 * unit tests (and requiring the real package would try to download one), so `setup.ts` points
 * `electron` here. Objects are long-lived singletons, as in Electron; `resetElectronMock` puts
 * them back to a fresh state before every test.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi, type Mock } from 'vitest';
import { runContentAgent, type AgentRequest } from '../../src/node/content/agent';

type Procedure = (...args: never[]) => unknown;

const registered: Mock[] = [];

/** A module-level vi.fn that `resetElectronMock` resets to `impl` (call history cleared, one-off overrides dropped). */
function fn<T extends Procedure>(impl?: T): Mock<T> {
  const mock = impl === undefined ? vi.fn<T>() : vi.fn<T>(impl);
  registered.push(mock);
  return mock;
}

/** What a listener receives as its first argument for preventable events. */
export interface FakeEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

export function fakeEvent<T extends object>(params: T = {} as T): FakeEvent & T {
  let prevented = false;
  // defineProperty, not Object.assign: assign would copy the getter's value once, not the getter.
  Object.defineProperty(params, 'defaultPrevented', { get: () => prevented, enumerable: true });
  Object.defineProperty(params, 'preventDefault', {
    value: () => {
      prevented = true;
    },
  });
  return params as FakeEvent & T;
}

let nextFrameId = 1;

export class FakeWebFrame {
  readonly frameTreeNodeId = nextFrameId++;
  readonly processId: number;
  readonly routingId: number;
  detached = false;
  destroyed = false;
  readonly send = vi.fn();
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
  ) {
    this.processId = parent?.processId ?? 100 + this.frameTreeNodeId;
    this.routingId = this.frameTreeNodeId;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  get top(): FakeWebFrame {
    return this.parent === null ? this : this.parent.top;
  }
}

export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame = new FakeWebFrame('');
  windowOpenHandler: WindowOpenHandler | undefined;
  destroyed = false;
  readonly send = vi.fn();
  readonly setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });
  readonly loadURL = vi.fn((url: string) => {
    this.mainFrame.url = url;
    return Promise.resolve();
  });
  readonly getURL = vi.fn(() => this.mainFrame.url);
  readonly setVisualZoomLevelLimits = vi.fn((_minimum: number, _maximum: number) => Promise.resolve());
  /** As in Electron: the renderer is ended, and 'render-process-gone' follows. */
  readonly forcefullyCrashRenderer = vi.fn(() => {
    this.emit('render-process-gone', fakeEvent(), { reason: 'killed', exitCode: 9 });
  });
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export interface FakeBrowserWindowOptions {
  readonly show?: boolean;
  readonly webPreferences?: Readonly<Record<string, unknown>>;
  readonly [option: string]: unknown;
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((window) => !window.destroyed);
  }

  readonly webContents = new FakeWebContents();
  visible: boolean;
  minimized = false;
  destroyed = false;
  kiosk: boolean;
  fullScreen: boolean;
  readonly show = vi.fn(() => {
    this.visible = true;
    this.emit('show');
  });
  readonly setKiosk = vi.fn((kiosk: boolean) => {
    this.kiosk = kiosk;
  });
  readonly setFullScreen = vi.fn((fullScreen: boolean) => {
    this.fullScreen = fullScreen;
  });
  /** As in Electron: closes at once, without 'close', but with 'closed'. */
  readonly destroy = vi.fn(() => {
    if (!this.destroyed) this.close();
  });
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly maximize = vi.fn();
  readonly loadURL = vi.fn((url: string) => this.webContents.loadURL(url));

  constructor(public readonly options: FakeBrowserWindowOptions = {}) {
    super();
    this.visible = options.show !== false;
    this.kiosk = options.kiosk === true;
    this.fullScreen = options.fullscreen === true;
    BrowserWindow.instances.push(this);
    // As in Electron: a new window's contents are announced, so app-wide hardening applies to it.
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Test helper: what closing the window does in Electron. */
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly getAppPath = fn(() => '/app');
  readonly getVersion = fn(() => '0.0.0-test');
  /** A real folder, since the app writes there (the last good content); shared by every test run. */
  /** Paths given with setPath; the rest come from getPath's default. */
  readonly paths = new Map<string, string>();
  readonly getPath = fn(
    (name: string) => this.paths.get(name) ?? join(tmpdir(), 'clinic-kiosk-unit-tests', name),
  );
  readonly setPath = fn((name: string, path: string) => {
    this.paths.set(name, path);
  });
  readonly relaunch = fn();
  readonly disableHardwareAcceleration = fn();
  readonly getAppMetrics = fn((): { type: string; pid: number; memory: { workingSetSize: number } }[] => []);
  readonly whenReady = fn(() => Promise.resolve());
  readonly quit = fn();
  readonly exit = fn();
  readonly enableSandbox = fn();
  readonly requestSingleInstanceLock = fn(() => true);
}
export const app = new FakeApp();

type InvokeListener = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeListener>();
  readonly handle = fn((channel: string, listener: InvokeListener) => {
    // Electron refuses a second handler for a channel; so does the fake, to catch double setup.
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  });
  readonly removeHandler = fn((channel: string) => {
    this.handlers.delete(channel);
  });
  /** Test helper: what a renderer's `ipcRenderer.invoke(channel)` reaches. */
  invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (listener === undefined) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return Promise.resolve().then(() => listener(event, ...args));
  }
}
export const ipcMain = new FakeIpcMain();

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

class FakeProtocol {
  readonly handlers = new Map<string, ProtocolHandler>();
  readonly registerSchemesAsPrivileged = fn();
  readonly handle = fn((scheme: string, handler: ProtocolHandler) => {
    this.handlers.set(scheme, handler);
  });
  readonly unhandle = fn((scheme: string) => {
    this.handlers.delete(scheme);
  });
  readonly isProtocolHandled = fn((scheme: string) => this.handlers.has(scheme));
}
export const protocol = new FakeProtocol();

export const net = {
  fetch: fn((_input: string | Request) => Promise.resolve(new Response('', { status: 404 }))),
};

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  origin: string,
  details: unknown,
) => boolean;

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  readonly setPermissionRequestHandler = fn((handler: PermissionRequestHandler | null) => {
    this.permissionRequestHandler = handler;
  });
  readonly setPermissionCheckHandler = fn((handler: PermissionCheckHandler | null) => {
    this.permissionCheckHandler = handler;
  });
}
export const session = { defaultSession: new FakeSession() };

class FakePowerSaveBlocker {
  readonly started = new Set<number>();
  private nextId = 1;
  readonly start = fn((_type: string) => {
    const id = this.nextId++;
    this.started.add(id);
    return id;
  });
  readonly stop = fn((id: number) => {
    this.started.delete(id);
  });
  readonly isStarted = fn((id: number) => this.started.has(id));
}
export const powerSaveBlocker = new FakePowerSaveBlocker();

export const powerMonitor = new EventEmitter();

/** A built menu keeps its template, so that tests can find an item and click it. */
export const Menu = {
  setApplicationMenu: fn(),
  buildFromTemplate: fn((template: unknown) => ({ template })),
};

export const shell = {
  openExternal: fn(() => Promise.resolve()),
  /** As Electron's: an empty string when the folder was opened, else what went wrong. */
  openPath: fn((_path: string) => Promise.resolve('')),
};

/** The system's dialogs: each answers at once, as a test sets it to (canceled by default). */
export const dialog = {
  showOpenDialog: fn(
    (_window: unknown, _options: unknown): Promise<{ canceled: boolean; filePaths: string[] }> =>
      Promise.resolve({ canceled: true, filePaths: [] }),
  ),
  showMessageBox: fn((_window: unknown, _options: unknown) =>
    Promise.resolve({ response: 0, checkboxChecked: false }),
  ),
  showErrorBox: fn((_title: string, _content: string) => undefined),
};

/**
 * A utility process, as the kiosk forks its content agent: there is no built agent in unit tests,
 * so the agent (src/node/content/agent.ts) runs in this process and messages pass one turn later.
 * `forked` keeps each fork's module path and options.
 */
class FakeUtilityProcess extends EventEmitter {
  killed = false;
  #toAgent: ((message: AgentRequest) => void) | undefined;
  constructor() {
    super();
    runContentAgent({
      post: (message) => {
        setImmediate(() => {
          if (!this.killed) this.emit('message', message);
        });
      },
      onMessage: (listener) => {
        this.#toAgent = listener;
      },
    });
  }
  readonly postMessage = (message: AgentRequest) => {
    setImmediate(() => {
      if (!this.killed) this.#toAgent?.(message.type === 'start' ? { ...message, watch: 'off' } : message);
    });
  };
  readonly kill = () => {
    this.killed = true;
    setImmediate(() => this.emit('exit', 0));
    return true;
  };
}
export const utilityProcess = {
  forked: [] as { modulePath: string; options: unknown; child: FakeUtilityProcess }[],
  fork: fn((modulePath: string, _args?: string[], options?: unknown) => {
    const child = new FakeUtilityProcess();
    utilityProcess.forked.push({ modulePath, options, child });
    return child;
  }),
};

export const contextBridge = {
  exposeInMainWorld: fn(),
};

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = fn((_channel: string, ..._args: unknown[]): Promise<unknown> =>
    Promise.resolve(undefined),
  );
  readonly send = fn();
}
export const ipcRenderer = new FakeIpcRenderer();

export function resetElectronMock(): void {
  for (const mock of registered) mock.mockReset();
  for (const emitter of [app, ipcMain, ipcRenderer, powerMonitor]) emitter.removeAllListeners();
  app.isPackaged = false;
  app.paths.clear();
  ipcMain.handlers.clear();
  protocol.handlers.clear();
  session.defaultSession.permissionRequestHandler = null;
  session.defaultSession.permissionCheckHandler = null;
  powerSaveBlocker.started.clear();
  BrowserWindow.instances = [];
  for (const { child } of utilityProcess.forked) child.kill();
  utilityProcess.forked = [];
}

export default {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  net,
  session,
  powerSaveBlocker,
  powerMonitor,
  Menu,
  shell,
  dialog,
  contextBridge,
  ipcRenderer,
  utilityProcess,
};
