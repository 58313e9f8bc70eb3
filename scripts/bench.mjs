#!/usr/bin/env node
// Benchmarks whole processes; it measures and reports, nothing fails on a slow machine.
//   1. Start-up: median wall time of commands, interleaved so machine drift hits all alike,
//      as a ratio to `node -e 0`.
//   2. Batch throughput: 100,000 patients through `mmn-dose batch` against the I/O floor (a bare
//      Node script that reads the same lines, parses each, and writes the very output lines
//      mmn-dose wrote, re-serialised with JSON.stringify).
//   3. Batch memory: peak RSS for 1,000,000 lines against 100,000 (output to /dev/null).
//   4. Pharmacy forecast (`batch --forecast week --format json`) over the same 100,000 patients,
//      against the same I/O floor, with its peak RSS (and over 1,000,000 lines when 3 runs).
//   5. Treatment review: `review --due` over a clinic file of 1,000 patients × 5 years against 250.
//   6. Forecast over failing lines (every line refused, each echoing a 200-character key): peak RSS
//      for 1,000,000 lines against 100,000, as a table and as JSON (which lists every failed line).
// Environment: BENCH_ROUNDS (30), BENCH_BATCH_LINES (100000), BENCH_MEMORY_LINES (1000000; 0 skips).
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const bin = `${root}bin/mmn-dose.cjs`;
const work = `${root}.bench`;
mkdirSync(work, { recursive: true });
const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
const batchLines = Number(process.env.BENCH_BATCH_LINES ?? 100_000);
const memoryLines = Number(process.env.BENCH_MEMORY_LINES ?? 1_000_000);
const hasTime = existsSync("/usr/bin/time");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const row = (name, value, ratio) => console.log(`${name.padEnd(52)} ${value.padStart(12)} ${ratio.padStart(10)}`);

// 1. Start-up: a row per output format, --help, and the commands a script runs most.
const onePatient = ["--weight", "70", "--start", "2026-12-01"];
const variants = [
  ["node -e 0", ["-e", "0"]],
  ["mmn-dose --weight 70 --start 2026-12-01", [bin, ...onePatient]],
  ["… --json", [bin, ...onePatient, "--json"]],
  ["… --format csv", [bin, ...onePatient, "--format", "csv"]],
  ["… --format ics", [bin, ...onePatient, "--format", "ics"]],
  ["… --format html", [bin, ...onePatient, "--format", "html"]],
  ["… --format fhir", [bin, ...onePatient, "--format", "fhir"]],
  ["mmn-dose --help", [bin, "--help"]],
  ["mmn-dose products", [bin, "products"]],
  ["mmn-dose batch examples/clinic.jsonl", [bin, "batch", `${root}examples/clinic.jsonl`]],
  ["mmn-dose review examples/review-history.csv", [bin, "review", `${root}examples/review-history.csv`]],
];
// NODE_EXTRA_CA_CERTS makes every Node process read those certificates first (hundreds of millions
// of instructions for a large file), which would flatter every ratio: the start-up rows run without it.
const startEnv = { ...process.env };
delete startEnv.NODE_EXTRA_CA_CERTS;
const times = variants.map(() => []);
// stdout to /dev/null opened write-only, as a shell's >/dev/null: mmn-dose takes a read-write
// /dev/null on stdout (what Node makes of a closed stdout, and of "ignore") for a closed one.
const devNull = openSync("/dev/null", "w");
for (let round = -3; round < rounds; round++) {
  variants.forEach(([name, args], i) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: ["ignore", devNull, devNull], env: startEnv });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}`);
    if (round >= 0) times[i].push(ms); // 3 warm-up rounds fill the file cache
  });
}
const floor = median(times[0]);
console.log(`node ${process.version}, ${rounds} interleaved rounds\n`);
row("start-up", "median ms", "× node -e 0");
for (const [i, [name]] of variants.entries())
  row(name, median(times[i]).toFixed(0), (median(times[i]) / floor).toFixed(2));

// 2. Batch throughput against the I/O floor.
function makeInput(path, lines, failing = false) {
  const fd = openSync(path, "w");
  let chunk = "";
  const key = "k".repeat(200);
  for (let i = 0; i < lines; i++) {
    const record = failing
      ? { id: `p${i}`, weight: 70, [`${key}${i}`]: 1 }
      : { id: `p${i}`, weight: 40 + (i % 1000) / 10, start: "2026-12-01", courses: 6 };
    chunk += `${JSON.stringify(record)}\n`;
    if (chunk.length > 1 << 20) {
      writeFileSync(fd, chunk);
      chunk = "";
    }
  }
  writeFileSync(fd, chunk);
  closeSync(fd);
}

/** Runs a command with stdout to a file; returns seconds and peak RSS (MB) from /usr/bin/time. */
function timed(args, outPath) {
  const out = openSync(outPath, "w");
  const t0 = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...args], {
        stdio: ["ignore", out, "pipe"],
        encoding: "utf8",
      })
    : spawnSync(process.execPath, args, { stdio: ["ignore", out, "pipe"], encoding: "utf8" });
  closeSync(out);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 3) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const kb = hasTime ? Number(r.stderr.trim().split("\n").at(-1)) : NaN;
  return { seconds, rssMb: kb / 1024 };
}

const input = `${work}/batch-${batchLines}.jsonl`;
const output = `${work}/batch-${batchLines}.out.jsonl`;
makeInput(input, batchLines);
const floorScript = `
const { createReadStream } = require("node:fs");
const { createInterface } = require("node:readline");
(async () => {
  const outLines = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })[Symbol.asyncIterator]();
  for await (const line of createInterface({ input: createReadStream(process.argv[1]), crlfDelay: Infinity })) {
    JSON.parse(line);
    const made = (await outLines.next()).value;
    const ok = process.stdout.write(JSON.stringify(JSON.parse(made)) + "\\n");
    if (!ok) await new Promise((r) => process.stdout.once("drain", r));
  }
})();`;
const tool = timed([bin, "batch", input], output);
const io = timed(["-e", floorScript, input, output], `${work}/floor.out.jsonl`);
console.log();
row(`batch, ${batchLines} patients`, "seconds", "× floor");
row("I/O floor (read, parse, write the same lines)", io.seconds.toFixed(2), "1.00");
row("mmn-dose batch", tool.seconds.toFixed(2), (tool.seconds / io.seconds).toFixed(2));
const forecastArgs = ["--forecast", "week", "--format", "json"];
const forecast = timed([bin, "batch", input, ...forecastArgs], `${work}/forecast-${batchLines}.json`);
row("mmn-dose batch --forecast week", forecast.seconds.toFixed(2), (forecast.seconds / io.seconds).toFixed(2));

// 3. Memory stays flat.
if (memoryLines > 0 && hasTime) {
  const big = `${work}/batch-${memoryLines}.jsonl`;
  makeInput(big, memoryLines);
  const small = timed([bin, "batch", input], "/dev/null");
  const large = timed([bin, "batch", big], "/dev/null");
  console.log();
  row("batch peak memory", "RSS MB", "× 100k");
  row(`${batchLines} lines`, small.rssMb.toFixed(0), "1.00");
  row(`${memoryLines} lines`, large.rssMb.toFixed(0), (large.rssMb / small.rssMb).toFixed(2));
  const forecastLarge = timed([bin, "batch", big, ...forecastArgs], "/dev/null");
  console.log();
  row("forecast peak memory", "RSS MB", "× 100k");
  row(`${batchLines} lines`, forecast.rssMb.toFixed(0), "1.00");
  row(`${memoryLines} lines`, forecastLarge.rssMb.toFixed(0), (forecastLarge.rssMb / forecast.rssMb).toFixed(2));
} else if (hasTime) {
  console.log();
  row("forecast peak memory", "RSS MB", "");
  row(`${batchLines} lines`, forecast.rssMb.toFixed(0), "");
}

// 5. Treatment review over a clinic file: `review --due` streams one patient at a time, so seconds
// grow with the file and peak memory stays flat (1,000 patients × 5 years against 250).
function makeClinic(path, patients) {
  const fd = openSync(path, "w");
  writeFileSync(fd, "patient,date,kind,route,product,grams,kg,measure,value,unit\n");
  for (let p = 0; p < patients; p++) {
    let chunk = `p${p},2021-01-01,weight,,,,${60 + (p % 40)},,,\n`;
    const start = Date.UTC(2021, 0, 4 + (p % 28));
    for (let c = 0; c < 65; c++) {
      for (const d of [0, 1]) {
        const date = new Date(start + (c * 28 + d) * 86_400_000).toISOString().slice(0, 10);
        chunk += `p${p},${date},infusion,ivig,privigen,70,,,,\n`;
      }
    }
    for (let m = 0; m < 10; m++) {
      const date = new Date(start + m * 182 * 86_400_000).toISOString().slice(0, 10);
      chunk += `p${p},${date},measure,,,,,grip-left,${60 + (m % 3)},kPa\n`;
      chunk += `p${p},${date},measure,,,,,mrc-sum,${150 + (m % 2)},points\n`;
    }
    writeFileSync(fd, chunk);
  }
  closeSync(fd);
}
const reviewPatients = Number(process.env.BENCH_REVIEW_PATIENTS ?? 1000);
const clinic = `${work}/clinic-${reviewPatients}.csv`;
const clinicSmall = `${work}/clinic-${reviewPatients / 4}.csv`;
makeClinic(clinic, reviewPatients);
makeClinic(clinicSmall, reviewPatients / 4);
const dueArgs = ["--due", "--programme", "ontario", "--as-of", "2026-01-04"];
const due = timed([bin, "review", clinic, ...dueArgs], `${work}/due.txt`);
const dueSmall = timed([bin, "review", clinicSmall, ...dueArgs], `${work}/due-small.txt`);
const one = timed([bin, "review", clinic, "--patient", "p0", "--as-of", "2026-01-04", "--json"], `${work}/one.json`);
console.log();
row(`review, ${reviewPatients} patients × 5 years`, "seconds", "RSS MB");
row(`review --due, ${reviewPatients / 4} patients`, dueSmall.seconds.toFixed(2), dueSmall.rssMb.toFixed(0));
row(`review --due, ${reviewPatients} patients`, due.seconds.toFixed(2), due.rssMb.toFixed(0));
row("review --patient p0 --json (one patient of the file)", one.seconds.toFixed(2), one.rssMb.toFixed(0));
// 6. Forecast memory stays flat when lines fail.
if (memoryLines > 0 && hasTime) {
  const few = `${work}/failing-${batchLines}.jsonl`;
  const many = `${work}/failing-${memoryLines}.jsonl`;
  makeInput(few, batchLines, true);
  makeInput(many, memoryLines, true);
  console.log();
  row("forecast peak memory, every line failing", "RSS MB", "× 100k");
  for (const format of ["table", "json"]) {
    const args = ["--forecast", "week", "--format", format];
    const small = timed([bin, "batch", few, ...args], "/dev/null");
    const large = timed([bin, "batch", many, ...args], "/dev/null");
    row(`${format}, ${batchLines} lines`, small.rssMb.toFixed(0), "1.00");
    row(`${format}, ${memoryLines} lines`, large.rssMb.toFixed(0), (large.rssMb / small.rssMb).toFixed(2));
  }
}
