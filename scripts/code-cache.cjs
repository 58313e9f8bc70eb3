#!/usr/bin/env node
"use strict";
// Writes dist/bundle/main.cjs.cache (see bin/load-bundle.cjs): V8's compiled code for the bundle,
// taken after warm-up runs of the common commands so that the functions they call are in it too.
// Run by scripts/bundle.mjs in a fresh process. Output goes nowhere.
const { writeFileSync } = require("node:fs");
const { loadBundle, cacheData, cacheFile } = require("../bin/load-bundle.cjs");

const WARM_UP = [
  ["--weight", "70", "--start", "2026-12-01"],
  ["--weight", "70", "--start", "2026-12-01", "--json"],
  ["--help"],
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
  for (const argv of WARM_UP) await exports.main(argv, io);
  writeFileSync(cacheFile, cacheData(script, source));
})();
