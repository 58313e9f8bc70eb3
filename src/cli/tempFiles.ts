// The temporary files `-o` is writing, so that a signal that ends the run (SIGTERM, SIGHUP, a second
// Ctrl-C…) removes them before the process exits (node.ts). SIGKILL cannot be caught: it leaves one.
import { rmSync } from "node:fs";

const pending = new Set<string>();
let beforeFirst: (() => void) | undefined;

/**
 * `install` runs once, when the first temporary file is registered: the process boundary (node.ts)
 * installs its exit and signal handlers then, so a run that writes no -o file installs none.
 */
export function onFirstTemp(install: () => void): void {
  beforeFirst = install;
}

/** A temporary file about to be created: registered before it exists, so no moment leaves it unknown. */
export function trackTemp(path: string): void {
  const install = beforeFirst;
  beforeFirst = undefined;
  install?.();
  pending.add(path);
}

/** The temporary file was renamed into place or removed. */
export function untrackTemp(path: string): void {
  pending.delete(path);
}

/** Removes every temporary file still pending; synchronous, for an `exit` handler. */
export function removeTempsSync(): void {
  for (const path of pending) {
    try {
      rmSync(path, { force: true });
    } catch {
      // nothing more can be done while exiting
    }
  }
  pending.clear();
}
