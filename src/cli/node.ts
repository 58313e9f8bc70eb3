// The process boundary: Node's stdout, stderr, stdin, signals and clock, as the `Io` that `main`
// takes. bin/mmn-dose.cjs only loads the bundle and calls `runProcess`; tests call `main` in-process.
// A batch writes through Node's stdout and stderr streams (it streams large output and waits for a
// full pipe to drain) and stops between lines on SIGINT; every other run writes descriptors 1 and 2
// directly (descriptorWrites.ts) and installs no signal handler unless -o has a temporary file.
import { close, fstatSync, open, read, readFileSync } from "node:fs";
import { constants } from "node:os";
import { promisify } from "node:util";
import type { IsoDate } from "../core/calendarDate.js";
import { IoError } from "./cliError.js";
import { descriptorKind, descriptorWriter, isTerminal } from "./descriptorWrites.js";
import type { Io } from "./io.js";
import { main } from "./main.js";
import { onFirstTemp, removeTempsSync } from "./tempFiles.js";

/** stderr that cannot be written (2>/dev/full) must not change the exit code: writes to it are tried, never fatal. */
function neverFatal(write: (text: string) => unknown): (text: string) => void {
  return (text) => {
    try {
      write(text);
    } catch {
      // nowhere left to say it; the exit code still does
    }
  };
}

let stderrHooked = false;

/** Node's stderr stream, whose write errors are ignored as the direct writes' are. */
function stderrStream(): NodeJS.WriteStream {
  if (!stderrHooked) process.stderr.on("error", () => {});
  stderrHooked = true;
  return process.stderr;
}

const writeErrDirect = neverFatal(descriptorWriter(2, stderrStream));
/** How this run writes to stderr: directly, or for a batch through the stream (`runProcess` decides). */
let writeErr = writeErrDirect;

function stdoutFailure(error: NodeJS.ErrnoException): string {
  return `mmn-dose: cannot write to standard output (${error.code ?? error.message})\n`;
}

/** `mmn-dose … | head -1`: the reader left, stop quietly; a full disk or a closed descriptor: exit 1, said in one line. */
function onStdoutError(error: NodeJS.ErrnoException): void {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  writeErr(stdoutFailure(error));
  process.exit(1);
}

let stdoutHooked = false;

/** Node's stdout stream, whose write errors end the run (`onStdoutError`). */
function stdoutStream(): NodeJS.WriteStream {
  if (!stdoutHooked) process.stdout.on("error", onStdoutError);
  stdoutHooked = true;
  return process.stdout;
}

/** Today's local calendar date. */
function today(): IsoDate {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` as IsoDate;
}

/**
 * Whether descriptor `fd` (0 or 1) was closed (`<&-`, `>&-`). Node reopens a closed descriptor 0-2 on
 * /dev/null, read-write, before any script runs, so a closed one looks like /dev/null opened for
 * reading and writing (Linux: /proc/self/fdinfo). A shell's `</dev/null` or `>/dev/null` opens it
 * read-only or write-only and is not affected. It costs a few system calls.
 */
function descriptorClosed(fd: number): boolean {
  if (descriptorKind(fd)?.devNull !== true) return false;
  try {
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, "utf8"));
    return flags !== null && (Number.parseInt(flags[1]!, 8) & 3) === 2;
  } catch {
    return false; // no /proc: assume open
  }
}

const CLOSED_STDOUT =
  "cannot write to standard output: it is closed (>&-), or /dev/null opened for reading and writing; nothing was written";

/**
 * Writes to stdout through `write`; a closed stdout is an I/O error (exit 1), found at the first write.
 * Other write errors are the caller's (`write` throws them or reports them later).
 */
function stdoutWriter(write: (text: string) => boolean): (text: string) => boolean {
  let state: "unchecked" | "open" | "closed" = "unchecked";
  return (text) => {
    if (state === "unchecked") state = descriptorClosed(1) ? "closed" : "open";
    if (state === "closed") throw new IoError("STDOUT_CLOSED", CLOSED_STDOUT);
    return write(text);
  };
}

/**
 * stdout written directly. A failed write is remembered and later ones are dropped, so the run ends
 * as the stream's error handler ended it once main had returned: EPIPE (the reader left) quietly
 * with main's exit code, any other error in one line with exit 1 (`runProcess`).
 */
function directStdout(): { writeOut: (text: string) => boolean; failure: () => NodeJS.ErrnoException | undefined } {
  const write = descriptorWriter(1, stdoutStream);
  let failed: NodeJS.ErrnoException | undefined;
  const writeOut = stdoutWriter((text) => {
    if (failed !== undefined) return true;
    try {
      return write(text);
    } catch (error) {
      failed = error as NodeJS.ErrnoException;
      return true;
    }
  });
  return { writeOut, failure: () => failed };
}

/** Failures opening or reading the batch input (no such file, a directory) are I/O errors in one line. */
function inputError(path: string | undefined, error: NodeJS.ErrnoException): IoError {
  const reasons: Record<string, string> = {
    ENOENT: "no such file",
    EISDIR: "is a directory",
    EACCES: "permission denied",
  };
  return new IoError("BATCH_INPUT", `batch ${path ?? "-"}: ${reasons[error.code ?? ""] ?? error.message}`);
}

/**
 * Standard input that is a directory (`< folder`) or closed (`<&-`) reads as nothing: a batch would
 * end at once with exit 0 and replace its -o file with an empty one. Both are I/O errors instead.
 */
function refuseUnreadableStdin(): void {
  let directory = false;
  try {
    directory = fstatSync(0).isDirectory();
  } catch {
    directory = false;
  }
  if (directory) throw new IoError("BATCH_INPUT", "batch -: standard input is a directory, not a file of lines");
  if (descriptorClosed(0))
    throw new IoError("BATCH_INPUT", "batch -: standard input is closed (<&-); give a file or pipe the lines in");
}

// Callback fs, promised here: node:fs/promises would also load Node's readline and file watchers.
const openFile = promisify(open);
const readInto = promisify(read);
const closeFile = promisify(close);

/**
 * The batch input as it arrives: stdin for `undefined` or `-`, else the file. A file's bytes are read
 * into one reused buffer (the line splitter copies what it keeps), so a long line leaves no trail of
 * garbage chunks and memory stays near a one-patient run however long a line is.
 */
async function* readInput(path: string | undefined): AsyncGenerator<Uint8Array> {
  if (path === undefined || path === "-") {
    refuseUnreadableStdin();
    try {
      yield* process.stdin;
    } catch (error) {
      throw (error as NodeJS.ErrnoException).code ? inputError(path, error as NodeJS.ErrnoException) : error;
    }
    return;
  }
  const fd = await openFile(path, "r").catch((error: NodeJS.ErrnoException) => {
    throw inputError(path, error);
  });
  const buffer = Buffer.allocUnsafe(64 * 1024);
  try {
    for (;;) {
      const { bytesRead } = await readInto(fd, buffer, 0, buffer.length, null).catch((error: NodeJS.ErrnoException) => {
        throw inputError(path, error);
      });
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await closeFile(fd);
  }
}

/**
 * Signals whose default action ends the process and that can be caught: not SIGKILL or SIGSTOP (no
 * process can), not SIGUSR1 (Node's debugger), SIGPIPE (Node ignores it) or SIGSEGV, SIGBUS, SIGFPE,
 * SIGILL (after a real fault no script may run).
 */
const ENDING_SIGNALS = [
  "SIGHUP",
  "SIGQUIT",
  "SIGTERM",
  "SIGUSR2",
  "SIGALRM",
  "SIGVTALRM",
  "SIGPROF",
  "SIGXCPU",
  "SIGXFSZ",
  "SIGPWR",
  "SIGABRT",
  "SIGTRAP",
  "SIGSYS",
  "SIGIO",
  "SIGSTKFLT",
] as const;

/**
 * Any exit removes the temporary file an unfinished -o was writing (the target stays as it was); a
 * signal that ends the run exits with 128 + its number, as the shell reports a process it killed.
 * Installed when the first temporary file is registered: until then a signal's default action ends
 * the run with nothing to clean. SIGINT too, but for a batch, whose own handler stops between lines.
 * SIGKILL cannot be caught and leaves the temporary file (docs/scripts-and-ehr.md says so, beside -o).
 */
function endOnSignals(batch: boolean): void {
  process.on("exit", removeTempsSync);
  for (const name of batch ? ENDING_SIGNALS : [...ENDING_SIGNALS, "SIGINT"]) {
    const number = constants.signals[name as keyof typeof constants.signals];
    if (number === undefined) continue;
    try {
      process.on(name, () => process.exit(128 + number));
    } catch {
      // a signal this platform does not have
    }
  }
}

/** SIGINT in a batch: it stops between lines (exit 130) so every line written is complete; a second one exits. */
function interruptible(): () => boolean {
  let interrupted = false;
  process.on("SIGINT", () => {
    if (interrupted) process.exit(128 + constants.signals.SIGINT);
    interrupted = true;
  });
  return () => interrupted;
}

/** Runs the CLI in this process (a batch on Node's streams, any other run on the descriptors); main's result is the exit code. */
export async function runProcess(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // Subcommands come first (main.ts): a batch is named by the first argument.
  const batch = argv[0] === "batch";
  onFirstTemp(() => endOnSignals(batch));
  const direct = batch ? undefined : directStdout();
  if (batch) writeErr = neverFatal((text) => stderrStream().write(text));
  const stdoutIsTTY = isTerminal(1);
  const io: Io = {
    writeOut: direct?.writeOut ?? stdoutWriter((text) => stdoutStream().write(text)),
    writeErr,
    env: process.env,
    stdoutIsTTY,
    stdoutColumns: stdoutIsTTY ? process.stdout.columns : undefined,
    // Getters: Node builds process.stdin on first touch, which costs a run that never reads it (most runs).
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
    get stderrIsTTY() {
      return isTerminal(2);
    },
    now: () => performance.now(),
    today,
    readInput,
    interrupted: batch ? interruptible() : () => false,
    systemTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    cwd: () => process.cwd(),
    waitForDrain: () => new Promise((resolve) => stdoutStream().once("drain", () => resolve())),
  };
  const exitCode = await main(argv, io);
  // EPIPE: the reader left, which is no failure of this run.
  const failed = direct?.failure();
  const failure = failed?.code === "EPIPE" ? undefined : failed;
  if (failure !== undefined) writeErr(stdoutFailure(failure));
  process.exitCode = failure !== undefined ? 1 : exitCode;
}
