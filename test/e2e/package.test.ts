import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

// What `npm pack` ships, without running the pack's build (--ignore-scripts): the full install from
// the tarball, run with the clone out of reach, is .ci/packed.

const packed = (() => {
  const r = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", ROOT], {
    cwd: tmpdir(),
    encoding: "utf8",
  });
  return (JSON.parse(r.stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path);
})();

const elsewhere = mkdtempSync(join(tmpdir(), "mmn-dose-elsewhere-"));
const help = runCli(["--help"], {}, undefined, elsewhere).stdout;

describe("the packed package", () => {
  it("ships the bin, the bundle and the example files, and nothing the run does not need", () => {
    expect(packed).toEqual(
      expect.arrayContaining([
        "bin/mmn-dose.cjs",
        "bin/load-bundle.cjs",
        "dist/bundle/main.cjs",
        "examples/plan.json",
        "examples/clinic.jsonl",
        "package.json",
      ]),
    );
    expect(packed.filter((p) => /^(src|test|scripts|dist\/(cli|core|data|render))\//.test(p))).toEqual([]);
  });

  it("has no runtime dependencies: the bundle holds them", () => {
    expect(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).dependencies).toBeUndefined();
    // main.cjs and its chunks require Node's modules, and the chunks the loader the package ships (bin/).
    for (const file of readdirSync(join(ROOT, "dist/bundle")).filter((f) => f.endsWith(".cjs"))) {
      const bundle = readFileSync(join(ROOT, "dist/bundle", file), "utf8");
      const required = [...bundle.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
      const outside = required.filter((name) => !name.startsWith("node:") && name !== "../../bin/load-bundle.cjs");
      expect(outside, file).toEqual([]);
    }
  });

  it("--help names the example files by a path that works from another folder, and each is shipped", () => {
    const plan = /--plan (\S+)/.exec(help)?.[1];
    const clinic = /mmn-dose batch (\S+) > out\.jsonl/.exec(help)?.[1];
    expect([plan, clinic]).toEqual([join(ROOT, "examples/plan.json"), join(ROOT, "examples/clinic.jsonl")]);
    for (const file of [plan!, clinic!]) expect(packed).toContain(relative(ROOT, file));
    const run = runCli(["--weight", "70", "--start", "2026-12-01", "--plan", plan!], {}, undefined, elsewhere);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Phase 3");
    // From the package's own folder the help keeps the short form.
    expect(runCli(["--help"]).stdout).toContain("--plan examples/plan.json");
  });

  it("packs a manifest without scripts (no install script to warn about), then restores it byte for byte", () => {
    const copy = mkdtempSync(join(tmpdir(), "mmn-dose-manifest-"));
    mkdirSync(join(copy, "scripts"));
    cpSync(join(ROOT, "scripts/pack-manifest.cjs"), join(copy, "scripts/pack-manifest.cjs"));
    cpSync(join(ROOT, "package.json"), join(copy, "package.json"));
    const original = readFileSync(join(copy, "package.json"), "utf8");
    const script = (step: string) =>
      spawnSync(process.execPath, [join(copy, "scripts/pack-manifest.cjs"), step], { encoding: "utf8" });
    expect(script("strip").status).toBe(0);
    const shipped = JSON.parse(readFileSync(join(copy, "package.json"), "utf8"));
    expect([shipped.scripts, shipped.devDependencies, shipped.dependencies]).toEqual([undefined, undefined, undefined]);
    expect(shipped.bin).toEqual({ "mmn-dose": "bin/mmn-dose.cjs" });
    expect(script("strip").status).not.toBe(0); // a second strip would lose the original
    expect(script("restore").status).toBe(0);
    expect(readFileSync(join(copy, "package.json"), "utf8")).toBe(original);
  });
});
