import { plural } from "../core/format.js";
import type { Io } from "./io.js";

/** At most one progress update in this many milliseconds (and none for a run shorter than that). */
export const PROGRESS_EVERY_MS = 200;

/** Carriage return, then erase to the end of the line: the progress line is gone. */
const CLEAR = "\r\x1b[K";

/**
 * A batch's progress on a terminal: "mmn-dose: batch: 1200 lines…" rewritten in place on stderr,
 * throttled, and erased at the end. Nothing at all when stderr is not a terminal (a log file, a pipe)
 * or when the Io has no clock.
 */
export function progressLine(io: Io): { readonly tick: (lines: number) => void; readonly clear: () => void } {
  const now = io.now;
  if (!io.stderrIsTTY || now === undefined) return { tick: () => {}, clear: () => {} };
  let last = now();
  let shown = false;
  return {
    tick(lines) {
      const t = now();
      if (t - last < PROGRESS_EVERY_MS) return;
      last = t;
      shown = true;
      io.writeErr(`${CLEAR}mmn-dose: batch: ${plural(lines, "line")}…`);
    },
    clear() {
      if (shown) io.writeErr(CLEAR);
      shown = false;
    },
  };
}
