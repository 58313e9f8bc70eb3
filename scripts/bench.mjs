#!/usr/bin/env node
// Start-up benchmark: whole processes, interleaved so machine drift hits every variant alike.
// Prints the median wall time of each command and its ratio to `node -e 0`. Not a test: it
// measures and reports; nothing fails on a slow machine.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../bin/mmn-dose.js", import.meta.url));
const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
const variants = [
  ["node -e 0", ["-e", "0"]],
  ["mmn-dose --weight 70 --start 2026-12-01", [bin, "--weight", "70", "--start", "2026-12-01"]],
  ["mmn-dose --weight 70 --start 2026-12-01 --json", [bin, "--weight", "70", "--start", "2026-12-01", "--json"]],
  ["mmn-dose --help", [bin, "--help"]],
];

const times = variants.map(() => []);
for (let round = -3; round < rounds; round++) {
  variants.forEach(([, args], i) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "ignore"] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${variants[i][0]} exited ${r.status}`);
    if (round >= 0) times[i].push(ms); // the first 3 rounds warm the file cache
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const floor = median(times[0]);
console.log(`node ${process.version}, ${rounds} interleaved rounds\n`);
console.log(`${"command".padEnd(48)} ${"median ms".padStart(10)} ${"× node -e 0".padStart(12)}`);
variants.forEach(([name], i) => {
  const m = median(times[i]);
  console.log(`${name.padEnd(48)} ${m.toFixed(0).padStart(10)} ${(m / floor).toFixed(2).padStart(12)}`);
});
