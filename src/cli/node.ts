// The process boundary: Node's stdout, stderr, stdin, signals and clock, as the `Io` that `main`
// takes. bin/mmn-dose.cjs only loads the bundle and calls `runProcess`; tests call `main` in-process.
import { fstatSync, readFileSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import type { IsoDate } from "../core/calendarDate.js";
import { IoError } from "./errors.js";
import type { Io } from "./io.js";
import { main } from "./main.js";

/** stderr that cannot be written (2>/dev/full) must not change the exit code: writes to it are tried, never fatal. */
function writeErr(text: string): void {
  try {
    process.stderr.write(text);
  } catch {
    // nowhere left to say it; the exit code still does
  }
}

/** `mmn-dose … | head -1`: the reader left, stop quietly; a full disk or a closed descriptor: exit 1, said in one line. */
function onStdoutError(error: NodeJS.ErrnoException): void {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  writeErr(`mmn-dose: cannot write to standard output (${error.code ?? error.message})\n`);
  process.exit(1);
}

/** Today's local calendar date. */
function today(): IsoDate {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` as IsoDate;
}

/**
 * Whether stdout was closed (`>&-`). Node reopens a closed descriptor 0-2 on /dev/null, read-write,
 * before any script runs, so a closed stdout looks like /dev/null opened for reading and writing
 * (Linux: /proc/self/fdinfo). A shell's `>/dev/null` opens it write-only and is not affected.
 * Checked once, at the first write to stdout; it costs a few system calls.
 */
function stdoutClosed(): boolean {
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice() || out.rdev !== statSync("/dev/null").rdev) return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync("/proc/self/fdinfo/1", "utf8"));
    return flags !== null && (Number.parseInt(flags[1]!, 8) & 3) === 2;
  } catch {
    return false; // no /proc: assume open
  }
}

const CLOSED_STDOUT =
  "cannot write to standard output: it is closed (>&-), or /dev/null opened for reading and writing; nothing was written";

/** Writes to stdout; a closed stdout is an I/O error (exit 1), found at the first write. */
function stdoutWriter(): (text: string) => boolean {
  let state: "unchecked" | "open" | "closed" = "unchecked";
  return (text) => {
    if (state === "unchecked") state = stdoutClosed() ? "closed" : "open";
    if (state === "closed") throw new IoError("STDOUT_CLOSED", CLOSED_STDOUT);
    return process.stdout.write(text);
  };
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
 * The batch input as it arrives: stdin for `undefined` or `-`, else the file. A file's bytes are read
 * into one reused buffer (the line splitter copies what it keeps), so a long line leaves no trail of
 * garbage chunks and memory stays near a one-patient run however long a line is.
 */
async function* readInput(path: string | undefined): AsyncGenerator<Uint8Array> {
  if (path === undefined || path === "-") {
    try {
      yield* process.stdin;
    } catch (error) {
      throw (error as NodeJS.ErrnoException).code ? inputError(path, error as NodeJS.ErrnoException) : error;
    }
    return;
  }
  const handle = await open(path, "r").catch((error: NodeJS.ErrnoException) => {
    throw inputError(path, error);
  });
  const buffer = Buffer.allocUnsafe(64 * 1024);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null).catch((error: NodeJS.ErrnoException) => {
        throw inputError(path, error);
      });
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** Runs the CLI in this process: stream handlers, SIGINT, then `main`, whose result becomes the exit code. */
export async function runProcess(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  process.stderr.on("error", () => {});
  process.stdout.on("error", onStdoutError);
  // SIGINT: a batch stops between lines (exit 130) so every line written is a complete line; a second one exits.
  let interrupted = false;
  process.on("SIGINT", () => {
    if (interrupted) process.exit(130);
    interrupted = true;
  });
  const io: Io = {
    writeOut: stdoutWriter(),
    writeErr,
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdoutColumns: process.stdout.isTTY ? process.stdout.columns : undefined,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    now: () => performance.now(),
    today,
    readInput,
    interrupted: () => interrupted,
    systemTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    waitForDrain: () => new Promise((resolve) => process.stdout.once("drain", () => resolve())),
  };
  process.exitCode = await main(argv, io);
}
