import { statfs } from 'node:fs/promises';

/**
 * How the content folder is watched. Change events arrive from local disks; from network shares
 * (SMB/CIFS and NFS on Linux, for one) they often do not, and the folder must be polled instead.
 * `auto` polls where the folder is on such a share; `poll` and `events` decide it outright.
 */
export const WATCH_MODES = ['auto', 'events', 'poll'] as const;
export type WatchMode = (typeof WATCH_MODES)[number];

export function isWatchMode(value: string): value is WatchMode {
  return (WATCH_MODES as readonly string[]).includes(value);
}

/** Linux file-system types whose change events cannot be trusted (from statfs's f_type). */
const NETWORK_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0xff534d42, 'SMB/CIFS'],
  [0xfe534d42, 'SMB2'],
  [0x517b, 'SMB'],
  [0x6969, 'NFS'],
  [0x65735546, 'FUSE (sshfs, rclone...)'],
  [0x5346414f, 'AFS'],
  [0x01021997, '9P'],
  [0x00c36400, 'Ceph'],
]);

export interface WatchChoice {
  readonly polling: boolean;
  /** Why, for the log: "a network share (SMB/CIFS)", "set by KIOSK_CONTENT_WATCH"... */
  readonly reason: string;
}

/** Decides whether to poll `dir`. Never fails: a folder that cannot be asked is polled, to be safe. */
export async function chooseWatch(
  dir: string,
  mode: WatchMode,
  platform: NodeJS.Platform = process.platform,
): Promise<WatchChoice> {
  if (mode === 'poll') return { polling: true, reason: 'polling was asked for' };
  if (mode === 'events') return { polling: false, reason: 'change events were asked for' };
  if (platform === 'win32') {
    return /^[\\/]{2}/.test(dir)
      ? { polling: true, reason: 'a network share (UNC path)' }
      : { polling: false, reason: 'a local folder' };
  }
  try {
    const { type } = await statfs(dir);
    const share = NETWORK_FILE_SYSTEMS.get(type);
    return share === undefined
      ? { polling: false, reason: 'a local folder' }
      : { polling: true, reason: `a network share (${share})` };
  } catch {
    return { polling: true, reason: 'a folder whose kind could not be told' };
  }
}
