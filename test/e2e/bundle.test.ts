// The shipped artifact: bin/mmn-dose.cjs → bin/load-bundle.cjs → dist/bundle/main.cjs (+ V8 code cache).
// The cache may only make a run faster: these tests check it is used, that output is the same byte
// for byte without it, and that a cache made from other source bytes of the same length is not used.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const copy = mkdtempSync(join(tmpdir(), "mmn-dose-bundle-"));
for (const part of ["bin", "dist/bundle", "package.json"])
  cpSync(join(ROOT, part), join(copy, part), { recursive: true });
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const bundle = join(copy, "dist/bundle/main.cjs");
const run = (args: string[]) =>
  spawnSync(process.execPath, [join(copy, "bin/mmn-dose.cjs"), ...args], {
    cwd: copy,
    env: { PATH: process.env.PATH ?? "", TZ: "UTC", HOME: "/nonexistent" },
    encoding: "utf8",
  });
const cacheState = () =>
  spawnSync(
    process.execPath,
    [
      "-e",
      `const { script } = require(${JSON.stringify(join(copy, "bin/load-bundle.cjs"))}).loadBundle(); console.log(script.cachedDataRejected === false ? "used" : "not used")`,
    ],
    { encoding: "utf8" },
  ).stdout.trim();

const COMMANDS = [
  ["--weight", "70", "--start", "2026-12-01"],
  ["--weight", "70", "--start", "2026-12-01", "--json"],
  ["--weight", "73kg", "--round", "5g", "--format", "csv", "--start", "2026-12-01"],
  ["--weight", "70", "--format", "ics", "--time", "09:00", "--tz", "Europe/London", "--start", "2026-12-01"],
  ["--weight", "70", "--route", "scig", "--start", "2026-12-01", "--json"],
  ["--help"],
  ["products"],
  ["--weight", "0"],
];

describe("bundle and code cache", () => {
  it("the build's cache fits the build's bundle, so V8 uses it", () => {
    expect(cacheState()).toBe("used");
  });

  it("gives the same output, byte for byte, with and without the cache", () => {
    const withCache = COMMANDS.map(run);
    rmSync(`${bundle}.cache`);
    expect(cacheState()).toBe("not used");
    const without = COMMANDS.map(run);
    without.forEach((r, i) => {
      expect(r.status).toBe(withCache[i]!.status);
      expect(r.stdout).toBe(withCache[i]!.stdout);
      expect(r.stderr).toBe(withCache[i]!.stderr);
    });
    cpSync(join(ROOT, "dist/bundle/main.cjs.cache"), `${bundle}.cache`);
  });

  it("ignores a cache made from other bytes of the same length (an edited constant)", () => {
    const source = readFileSync(bundle, "utf8");
    const edited = source.replace("Gammagard Liquid 10 %", "Gammagard Liquid 10 X");
    expect(edited.length).toBe(source.length);
    writeFileSync(bundle, edited);
    try {
      expect(cacheState()).toBe("not used");
      expect(run(["--weight", "70", "--start", "2026-12-01"]).stdout).toContain("Gammagard Liquid 10 X");
    } finally {
      writeFileSync(bundle, source);
    }
  });

  it("ignores damaged cached data of the right length (V8 would not notice; it can crash Node)", () => {
    const cache = readFileSync(`${bundle}.cache`);
    const damaged = Buffer.from(cache);
    for (let k = 100; k < damaged.length; k += 97) damaged[k] = damaged[k]! ^ 0xff;
    writeFileSync(`${bundle}.cache`, damaged);
    try {
      expect(cacheState()).toBe("not used");
      const r = run(["--weight", "70", "--start", "2026-12-01"]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("140 g");
    } finally {
      writeFileSync(`${bundle}.cache`, cache);
    }
  });

  it("holds no path of the machine that built it (a cached script keeps its name)", () => {
    expect(readFileSync(`${bundle}.cache`).includes(ROOT.replace(/\/$/, ""))).toBe(false);
  });

  it("without a build, says how to make one (exit 1, one line, no stack trace)", () => {
    const source = readFileSync(bundle);
    rmSync(bundle);
    try {
      const r = run(["--weight", "70"]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`mmn-dose: ${bundle} is missing; build it with 'npm install' or 'npm run build'\n`);
    } finally {
      writeFileSync(bundle, source);
    }
  });
});
