#!/usr/bin/env node
"use strict";
// Runs the compiled CLI (npm install builds dist/ through the `prepare` script). CommonJS because
// Node 20 starts it faster than an ES module (scripts/bundle.mjs says by how much).
const { loadBundle } = require("./load-bundle.cjs");

let main;
let IoError;
try {
  ({ main, IoError } = loadBundle(process.argv.includes("--debug") ? "skip" : "use").exports);
} catch (error) {
  if (error.code !== "ENOENT") throw error;
  process.stderr.write(`mmn-dose: ${error.path} is missing; build it with 'npm install' or 'npm run build'\n`);
  process.exit(1);
}

// stderr that cannot be written (2>/dev/full) must not change the exit code: writes to it are tried, never fatal.
process.stderr.on("error", () => {});
const writeErr = (text) => {
  try {
    process.stderr.write(text);
  } catch {
    // nowhere left to say it; the exit code still does
  }
};

process.stdout.on("error", (error) => {
  // `mmn-dose … | head -1`: the reader left; stop quietly.
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  // A full disk or a closed descriptor: an I/O failure, said in one line.
  writeErr(`mmn-dose: cannot write to standard output (${error.code ?? error.message})\n`);
  process.exit(1);
});

// SIGINT: a batch stops between lines (exit 130) so every line written is a complete line.
let interrupted = false;
process.on("SIGINT", () => {
  if (interrupted) process.exit(130);
  interrupted = true;
});

const today = () => {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/**
 * Whether stdout was closed (`>&-`). Node reopens a closed descriptor 0-2 on /dev/null, read-write,
 * before any script runs, so a closed stdout looks like /dev/null opened for reading and writing
 * (Linux: /proc/self/fdinfo). A shell's `>/dev/null` opens it write-only and is not affected.
 * Checked once, at the first write to stdout; it costs a few system calls.
 */
function stdoutClosed() {
  try {
    const { fstatSync, readFileSync, statSync } = require("node:fs");
    const out = fstatSync(1);
    if (!out.isCharacterDevice() || out.rdev !== statSync("/dev/null").rdev) return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync("/proc/self/fdinfo/1", "utf8"));
    return flags !== null && (Number.parseInt(flags[1], 8) & 3) === 2;
  } catch {
    return false; // no /proc: assume open
  }
}
let stdoutChecked = false;
function writeOut(text) {
  if (!stdoutChecked) {
    stdoutChecked = true;
    if (stdoutClosed()) stdoutChecked = "closed";
  }
  if (stdoutChecked === "closed") {
    throw new IoError("STDOUT_CLOSED", "cannot write to standard output: it is closed (>&-), or /dev/null opened for reading and writing; nothing was written");
  }
  return process.stdout.write(text);
}

// Only `batch` reads its input, so this runs only then. The bytes are read into one reused buffer
// (the line splitter copies what it keeps), so a long line leaves no trail of garbage chunks and
// memory stays near a one-patient run however long a line is.
async function* readInput(path) {
  const fs = require("node:fs");
  // Failures opening or reading the input (no such file, a directory) are I/O errors in one line.
  const inputError = (error) => {
    const reason = { ENOENT: "no such file", EISDIR: "is a directory", EACCES: "permission denied" }[error.code] ?? error.message;
    const err = new Error(`batch ${path ?? "-"}: ${reason}`);
    err.name = "BatchInputError";
    return err;
  };
  const stdin = path === undefined || path === "-";
  let handle;
  try {
    handle = stdin ? undefined : await fs.promises.open(path, "r");
  } catch (error) {
    throw inputError(error);
  }
  if (stdin) {
    try {
      yield* process.stdin;
    } catch (error) {
      throw error.code ? inputError(error) : error;
    }
    return;
  }
  const buffer = Buffer.allocUnsafe(64 * 1024);
  try {
    for (;;) {
      let bytesRead;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
      } catch (error) {
        throw inputError(error);
      }
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2), {
  writeOut,
  writeErr,
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  today,
  readInput,
  interrupted: () => interrupted,
  systemTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  waitForDrain: () => new Promise((resolve) => process.stdout.once("drain", resolve)),
}).then((code) => {
  process.exitCode = code;
});
