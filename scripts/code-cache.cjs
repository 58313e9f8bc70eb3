#!/usr/bin/env node
"use strict";
// Writes V8's compiled code for each file of the bundle (see bin/load-bundle.cjs) beside it, as
// <file>.cache, taken after warm-up runs so that the functions the runs call are in it too.
// main.cjs's cache is taken after the table, --json and --help runs only (--help: main's part of it): every run reads (and
// V8 deserialises) all of it, and caching the main.cjs functions that only other formats and
// commands call cost more than compiling them when called (measured in instructions: with every
// format in it, the table run took 7 M more, the ICS run 3.5 M more; with no warm-up at all, the
// table run took 44 M more). A chunk's cache is taken after all the runs.
// Run by scripts/bundle.mjs in a fresh process, from the repository root. Output goes nowhere.
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { loadBundle, loadedChunks, cacheData, cacheFile } = require("../bin/load-bundle.cjs");

const ONE = ["--weight", "70", "--start", "2026-12-01"];
const TIMED = ["--time", "09:00", "--tz", "Europe/London"];
const MAIN_WARM_UP = [ONE, [...ONE, "--json"], ["--help"]];
const CHUNK_WARM_UP = [
  [...ONE, "--format", "csv"],
  [...ONE, "--format", "ics"],
  [...ONE, "--format", "ics", ...TIMED],
  [...ONE, "--format", "html"],
  [...ONE, "--format", "html", ...TIMED],
  [...ONE, "--format", "fhir"],
  ["products"],
  ["batch", "examples/clinic.jsonl"],
  ["review", "examples/review-history.csv", "--as-of", "2026-01-04"],
  ["compare", "--weight", "70", "--regimen", "dose=2", "--regimen", "dose=1,every=2"],
  ["explain", "ROUNDED"],
];

const io = {
  writeOut: () => true,
  writeErr: () => true,
  env: { XDG_CONFIG_HOME: "/nonexistent" },
  stdoutIsTTY: false,
  stdinIsTTY: false,
  today: () => "2026-11-25",
  interrupted: () => false,
  systemTimeZone: () => "UTC",
  waitForDrain: async () => undefined,
};

(async () => {
  const { exports, script, source } = loadBundle("make");
  // The exit codes do not matter: a warm-up only has to call the code.
  for (const argv of MAIN_WARM_UP) await exports.main(argv, io);
  writeFileSync(cacheFile, cacheData(script, source));
  for (const argv of CHUNK_WARM_UP) await exports.main(argv, io);
  const root = join(__dirname, "..");
  for (const [name, chunk] of loadedChunks()) {
    const data = cacheData(chunk.script, chunk.source);
    // V8 put the build directory's path into message-codes.cjs's cache (why is not understood yet):
    // a cache must not carry the builder's paths, so such a chunk compiles at run time instead.
    if (!data.includes(root)) writeFileSync(join(root, "dist", "bundle", `${name}.cjs.cache`), data);
  }
})();
