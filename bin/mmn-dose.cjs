#!/usr/bin/env node
"use strict";
// Runs the compiled CLI (npm install builds dist/ through the `prepare` script). CommonJS because
// Node 20 starts it faster than an ES module (scripts/bundle.mjs says by how much).
const { loadBundle } = require("./load-bundle.cjs");

let main;
try {
  ({ main } = loadBundle(process.argv.includes("--debug") ? "skip" : "use").exports);
} catch (error) {
  if (error.code !== "ENOENT") throw error;
  process.stderr.write(`mmn-dose: ${error.path} is missing; build it with 'npm install' or 'npm run build'\n`);
  process.exit(1);
}

process.stdout.on("error", (error) => {
  // `mmn-dose … | head -1`: the reader left; stop quietly.
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  // A full disk or a closed descriptor: an I/O failure, said in one line.
  process.stderr.write(`mmn-dose: cannot write to standard output (${error.code ?? error.message})\n`);
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

// Only `batch` reads lines, so its modules load only then.
async function* readLines(path) {
  const { createReadStream } = require("node:fs");
  const { createInterface } = require("node:readline");
  const input = path === undefined || path === "-" ? process.stdin : createReadStream(path);
  const opened = new Promise((resolve, reject) => {
    if (input === process.stdin) resolve();
    input.once("open", resolve);
    input.once("error", reject);
  });
  // Failures opening or reading the input (no such file, a directory) are I/O errors in one line.
  const inputError = (error) => {
    const reason = { ENOENT: "no such file", EISDIR: "is a directory", EACCES: "permission denied" }[error.code] ?? error.message;
    const err = new Error(`batch ${path}: ${reason}`);
    err.name = "BatchInputError";
    return err;
  };
  try {
    await opened;
  } catch (error) {
    throw inputError(error);
  }
  try {
    yield* createInterface({ input, crlfDelay: Infinity });
  } catch (error) {
    throw error.code ? inputError(error) : error;
  }
}

main(process.argv.slice(2), {
  writeOut: (text) => process.stdout.write(text),
  writeErr: (text) => process.stderr.write(text),
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  today,
  readLines,
  interrupted: () => interrupted,
  systemTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  waitForDrain: () => new Promise((resolve) => process.stdout.once("drain", resolve)),
}).then((code) => {
  process.exitCode = code;
});
