// The shipped artifact: bin/mmn-dose.cjs → bin/load-bundle.cjs → dist/bundle/main.cjs, which loads
// its chunks (dist/bundle/<name>.cjs: a renderer or command not every run needs) on first use; each
// file has its V8 code cache. The cache may only make a run faster: these tests check it is used,
// that output is the same byte for byte without it, and that a cache made from other source bytes
// of the same length is not used.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
/** Whether V8 used the code cache of main.cjs, or of the chunk named. */
const cacheState = (chunk?: string) =>
  spawnSync(
    process.execPath,
    [
      "-e",
      `const l = require(${JSON.stringify(join(copy, "bin/load-bundle.cjs"))}); let { script } = l.loadBundle();
       if (${JSON.stringify(chunk ?? "")}) { l.loadChunk(${JSON.stringify(chunk)}); script = l.loadedChunks()[0][1].script; }
       console.log(script.cachedDataRejected === false ? "used" : "not used")`,
    ],
    { encoding: "utf8" },
  ).stdout.trim();
const cacheFiles = () => readdirSync(join(copy, "dist/bundle")).filter((f) => f.endsWith(".cache"));

const COMMANDS = [
  ["--weight", "70", "--start", "2026-12-01"],
  ["--weight", "70", "--start", "2026-12-01", "--json"],
  ["--weight", "73kg", "--round", "5g", "--format", "csv", "--start", "2026-12-01"],
  ["--weight", "70", "--format", "ics", "--time", "09:00", "--tz", "Europe/London", "--start", "2026-12-01"],
  ["--weight", "70", "--format", "html", "--start", "2026-12-01"],
  ["--weight", "70", "--format", "fhir", "--start", "2026-12-01"],
  ["explain", "ROUNDED"],
  ["--weight", "70", "--route", "scig", "--start", "2026-12-01", "--json"],
  ["--help"],
  ["products"],
  ["--weight", "0"],
];

describe("bundle and code cache", () => {
  it("the build's cache fits the build's bundle, so V8 uses it", () => {
    expect(cacheState()).toBe("used");
  });

  it("the build's caches fit the chunks, so V8 uses them", () => {
    for (const chunk of ["ics", "html", "fhir", "batch", "review", "products"]) expect(cacheState(chunk)).toBe("used");
  });

  it("main.cjs holds no renderer a table does not use; each is in its own chunk", () => {
    const main = readFileSync(bundle, "utf8");
    expect(main).not.toContain("VCALENDAR");
    expect(readFileSync(join(copy, "dist/bundle/ics.cjs"), "utf8")).toContain("VCALENDAR");
    expect(main.toLowerCase()).not.toContain("<!doctype");
    expect(readFileSync(join(copy, "dist/bundle/html.cjs"), "utf8").toLowerCase()).toContain("<!doctype");
    // bin/load-bundle.cjs runs each file as a vm.Script, which cannot import().
    for (const file of readdirSync(join(copy, "dist/bundle")).filter((f) => f.endsWith(".cjs")))
      expect(readFileSync(join(copy, "dist/bundle", file), "utf8")).not.toContain("import(");
  });

  it("gives the same output, byte for byte, with and without the caches", () => {
    const withCache = COMMANDS.map(run);
    const caches = cacheFiles();
    expect(caches.length).toBeGreaterThan(5);
    for (const file of caches) rmSync(join(copy, "dist/bundle", file));
    expect(cacheState()).toBe("not used");
    expect(cacheState("ics")).toBe("not used");
    const without = COMMANDS.map(run);
    without.forEach((r, i) => {
      expect(r.status).toBe(withCache[i]!.status);
      expect(r.stdout).toBe(withCache[i]!.stdout);
      expect(r.stderr).toBe(withCache[i]!.stderr);
    });
    for (const file of caches) cpSync(join(ROOT, "dist/bundle", file), join(copy, "dist/bundle", file));
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
    for (const file of cacheFiles())
      expect(readFileSync(join(copy, "dist/bundle", file)).includes(ROOT.replace(/\/$/, ""))).toBe(false);
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
