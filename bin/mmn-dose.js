#!/usr/bin/env node
// Runs the compiled CLI (npm install builds dist/ through the `prepare` script).
import { main } from "../dist/cli/main.js";

process.stdout.on("error", (error) => {
  // `mmn-dose … | head -1`: the reader left; stop quietly.
  if (error.code === "EPIPE") return;
  throw error;
});

const today = () => {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

process.exitCode = await main(process.argv.slice(2), {
  writeOut: (text) => process.stdout.write(text),
  writeErr: (text) => process.stderr.write(text),
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  today,
});
