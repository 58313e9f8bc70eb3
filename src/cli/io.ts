import type { IsoDate } from "../core/calendarDate.js";

/** Everything the CLI touches outside itself, injected so tests can run it in-process. */
export interface Io {
  /** Writes to stdout; `false` means the pipe is full (see `waitForDrain`). */
  readonly writeOut: (text: string) => boolean | undefined;
  readonly writeErr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  /** The terminal's width in columns when stdout is a terminal; undefined for a pipe or a file. */
  readonly stdoutColumns?: number | undefined;
  /** Today's local calendar date: the default --start. */
  readonly today: () => IsoDate;
  /** The bytes of a file, or of stdin for `undefined` or `-` (batch input), as they arrive. */
  readonly readInput?: (path: string | undefined) => AsyncIterable<Uint8Array>;
  readonly stdinIsTTY?: boolean;
  /** Whether stderr is a terminal: batch then shows its progress there. */
  readonly stderrIsTTY?: boolean;
  /** A monotonic clock in milliseconds (batch progress throttling). */
  readonly now?: () => number;
  /** The current folder: `--help` names the example files from it. */
  readonly cwd?: () => string;
  /** The system's IANA zone, the default --tz. */
  readonly systemTimeZone?: () => string;
  /** Whether SIGINT arrived (batch stops between lines and exits 130). */
  readonly interrupted?: () => boolean;
  /** Resolves when stdout can take more (after `writeOut` reported backpressure). */
  readonly waitForDrain?: () => Promise<void>;
}
