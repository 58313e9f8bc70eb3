#!/usr/bin/env node
"use strict";
// The executable, and nothing else: it loads the bundle (bin/load-bundle.cjs) and runs it. The
// process I/O (stdout, stdin, SIGINT, today's date) is src/cli/node.ts, inside the bundle.
// CommonJS because Node 20 starts it faster than an ES module (scripts/bundle.mjs says by how much).
const { startBundle } = require("./load-bundle.cjs");

let bundle;
try {
  bundle = startBundle(process.argv.includes("--debug") ? "skip" : "use").exports;
} catch (error) {
  if (error.code !== "ENOENT") throw error;
  process.stderr.write(`mmn-dose: ${error.path} is missing; build it with 'npm install' or 'npm run build'\n`);
  process.exit(1);
}
bundle.runProcess();
