// bin/load-bundle.cjs: where Node has module.enableCompileCache (>= 22.1) the bundle is required
// with Node's own compile cache; on Node 20 the hand-made V8 code cache is the fallback. This test
// runs the Node 22 path on any Node by providing enableCompileCache from a preload script, and
// checks the output is the same byte for byte as the launcher's path for this Node.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-launcher-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const preload = join(dir, "compile-cache.cjs");
writeFileSync(
  preload,
  `require("node:module").enableCompileCache = () => { process.env.MMN_TEST_COMPILE_CACHE = "on"; };\n`,
);

const run = (args: string[], nodeArgs: string[] = []) =>
  spawnSync(process.execPath, [...nodeArgs, BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", TZ: "UTC", HOME: "/nonexistent" },
    encoding: "utf8",
  });

describe("launcher", () => {
  it.each([
    [["--weight", "70", "--start", "2026-12-01"]],
    [["--weight", "70", "--start", "2026-12-01", "--json"]],
    [["--weight", "0"]],
    [["products"]],
  ])("gives the same output through Node's compile cache: %j", (args) => {
    const usual = run(args);
    const cached = run(args, ["--require", preload]);
    expect(cached.status).toBe(usual.status);
    expect(cached.stdout).toBe(usual.stdout);
    expect(cached.stderr).toBe(usual.stderr);
  });

  it("turns Node's compile cache on when Node has it", () => {
    const probe = join(dir, "probe.cjs");
    const loader = JSON.stringify(join(ROOT, "bin/load-bundle.cjs"));
    writeFileSync(probe, `require(${loader}).startBundle(); console.log(process.env.MMN_TEST_COMPILE_CACHE);\n`);
    const r = spawnSync(process.execPath, ["--require", preload, probe], { encoding: "utf8" });
    expect(r.stdout.trim()).toBe("on");
  });

  // The cache's CRC-32 comes from Node's zlib binding, through process.binding, which Node reports
  // as deprecated under --pending-deprecation: there node:zlib serves, and nothing is printed.
  // Node's permission model refuses process.binding outright (ERR_ACCESS_DENIED): node:zlib serves.
  const permission = Number(process.versions.node.split(".")[0]) >= 22 ? "--permission" : "--experimental-permission";
  it.each([
    [[permission, "--allow-fs-read=*", "--no-warnings"], {}],
    [["--pending-deprecation"], {}],
    [[], { NODE_PENDING_DEPRECATION: "1" }],
    [[], { NODE_OPTIONS: "--pending-deprecation" }],
    [[], { NODE_OPTIONS: '"--pending-deprecation"' }],
  ])("runs as usual, and prints no warning, with %j %j", (nodeArgs, env) => {
    const args = ["--weight", "70", "--start", "2026-12-01"];
    const usual = run(args);
    const r = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", TZ: "UTC", HOME: "/nonexistent", ...env },
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(usual.stdout);
  });
});
