// Start-up: a run reads only the chunks of the bundle (dist/bundle/<name>.cjs) and the Node modules
// its output needs. Each module Node loads costs every run (scripts/bundle.mjs has the figures), so
// a renderer or a Node module that creeps onto the one-patient path fails here, not just in a bench.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-loads-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Runs the CLI as bin/mmn-dose.cjs does (a file, not `node -e`, which loads more of Node itself)
// and records, at exit, the chunks it loaded and Node's list of the modules it loaded.
const probe = join(dir, "probe.cjs");
writeFileSync(
  probe,
  `const l = require(${JSON.stringify(join(ROOT, "bin/load-bundle.cjs"))});
process.on("exit", () => require("node:fs").writeFileSync(process.argv[2], JSON.stringify({
  chunks: l.loadedChunks().map(([name]) => name), modules: process.moduleLoadList })));
l.startBundle().exports.runProcess(process.argv.slice(3));
`,
);

function loads(args: string[]): { chunks: string[]; modules: string[] } {
  const out = join(dir, "loads.json");
  const r = spawnSync(process.execPath, [probe, out, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", TZ: "UTC", HOME: "/nonexistent" },
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  return JSON.parse(readFileSync(out, "utf8")) as { chunks: string[]; modules: string[] };
}

/** Node modules a one-patient run does not need: node:fs/promises and the readline and file-watching
 * modules it brings (config files are read with callback fs), the ES module loader (node:module), and
 * Web Crypto and node:crypto but for FHIR (an ICS UID's key is a SHA-256 computed in JavaScript by @noble/hashes;
 * the FHIR id is a SHA-1 of the whole request, where node:crypto costs less than a JavaScript digest), and
 * node:zlib (the code cache's CRC-32 comes from Node's zlib binding, without the module and its streams). */
const notNeeded = (args: string[]) =>
  args.includes("fhir")
    ? /fs\/promises|readline|fs\/watchers|esm\/loader|child_process|NativeModule zlib/
    : /crypto|fs\/promises|readline|fs\/watchers|esm\/loader|child_process|NativeModule zlib/;

describe("what a one-patient run loads", () => {
  // commander and the subcommands (the program chunk) are read only for help, a subcommand or an error.
  it.each([
    [[], []],
    [["--json"], []],
    [["--format", "csv"], []],
    [["--explain"], []],
    [["--format", "ics"], ["ics"]],
    [["--format", "html"], ["html"]],
    [["--format", "fhir"], ["fhir"]],
  ])("%j reads the chunks %j and none of Node's modules it does not use", (args, chunks) => {
    const loaded = loads(["--weight", "70", "--start", "2026-12-01", ...args]);
    expect(loaded.chunks).toEqual(chunks);
    expect(loaded.modules.filter((m) => notNeeded(args).test(m))).toEqual([]);
  });
});

/** Node's stdout and stderr streams (a file's SyncWriteStream, a pipe's or socket's net.Socket, a
 * terminal's tty.WriteStream) and a signal handle: a run that is not a batch writes descriptors 1 and 2
 * directly and installs a signal handler only while -o has a temporary file. Help too: commander's
 * width and color come from io (program.ts), not from process.stdout. */
const STREAMS_AND_SIGNALS = /sync_write_stream|NativeModule (net|tty)$|Binding (stream|pipe|tcp|tty|signal)_wrap$/;

describe("a run that is not a batch builds no stdout or stderr stream and no signal handle", () => {
  it.each([
    [["--weight", "70", "--start", "2026-12-01"]],
    [["--weight", "70", "--start", "2026-12-01", "--json"]],
    [["--weight", "70", "--start", "2026-12-01", "--format", "html"]],
    [["--weight", "70", "--start", "2026-12-01", "-o", join(dir, "plan.csv"), "--format", "csv"]],
    [["products"]],
    [["review", "examples/review-history.csv"]],
    [["--help"]],
    [["review", "--help"]],
  ])("%j", (args) => {
    const loaded = loads(args);
    expect(loaded.modules.filter((m) => STREAMS_AND_SIGNALS.test(m))).toEqual(
      // -o: the temporary file's handlers are the only signal handle.
      args.includes("-o") ? ["Internal Binding signal_wrap"] : [],
    );
  });

  it("a batch keeps Node's stdout stream (it waits for a full pipe) and its SIGINT handler", () => {
    const loaded = loads(["batch", "examples/clinic.jsonl"]);
    expect(loaded.modules).toContain("NativeModule net");
    expect(loaded.modules).toContain("Internal Binding signal_wrap");
  });
});

describe("what a batch or a review loads", () => {
  it.each([
    [
      ["batch", "examples/clinic.jsonl"],
      ["program", "batch"],
    ],
    [
      ["review", "examples/review-history.csv"],
      ["program", "review"],
    ],
  ])("%j reads the chunks %j and none of Node's modules it does not use", (args, chunks) => {
    const loaded = loads(args);
    expect(loaded.chunks).toEqual(chunks);
    expect(loaded.modules.filter((m) => notNeeded(args).test(m))).toEqual([]);
  });
});
