/** Types of report.mjs, for its unit tests. */

export interface Summary {
  readonly median: number | undefined;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly runs: number;
  readonly values: readonly unknown[];
}

export interface Row {
  readonly id: string;
  readonly figure: string;
  readonly unit: string;
  readonly summary: Summary;
  readonly baseline?: number;
  readonly ratio?: number;
  readonly budget?: string;
  readonly met?: boolean;
  readonly note?: string;
}

export interface MemoryReading {
  readonly label: string;
  readonly heapBytes: number;
  readonly nodes: number;
  readonly listeners: number;
}

export interface LoopRun {
  readonly longTasks: number;
  readonly longAnimationFrames: number;
  readonly [key: string]: unknown;
}

/** What the measurements return; each part only when it was measured. */
export interface Results {
  readonly memory?: {
    readonly slideChanges: number;
    readonly touchSessions: number;
    readonly readings: readonly MemoryReading[];
  };
  readonly loop?: {
    readonly seconds: number;
    readonly kioskCpu: readonly LoopRun[];
    readonly kioskTrace: readonly LoopRun[];
    readonly baselineCpu: readonly LoopRun[];
    readonly baselineTrace: readonly LoopRun[];
  };
  readonly size?: {
    readonly jsCssGzipBytes: number;
    readonly jsGzipBytes: number;
    readonly cssGzipBytes: number;
    readonly htmlGzipBytes: number;
    readonly fontBytes: number;
    readonly contentPictureBytes: number;
    readonly rendererPictureBytes: number;
  };
  readonly firstSlide?: { readonly kiosk: readonly number[]; readonly baseline: readonly number[] };
  readonly [part: string]: unknown;
}

export const WIDE_MARGINS: {
  readonly domNodesGrowth: number;
  readonly listenersGrowth: number;
  readonly heapGrowthFactor: number;
  readonly longTasksPerRun: number;
};

export function buildRows(results: Results): Row[];
export function wideMarginFailures(results: Results): string[];
export function formatTable(rows: readonly Row[]): string;
