import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

// `npm run dev -- <args>` runs the TypeScript sources through tsx, for contributors; users run the
// bundle, which never loads tsx.
describe("npm run dev", () => {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as {
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };

  it("runs the sources with tsx and prints what the built CLI prints", () => {
    const args = [
      "--weight",
      "70",
      "--start",
      "2026-12-01",
      "--route",
      "scig",
      "--format",
      "ics",
      "--calendar-id",
      "dev",
    ];
    const [command, ...rest] = pkg.scripts.dev!.split(" ");
    const dev = spawnSync(`${ROOT}node_modules/.bin/${command}`, [...rest, ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", TZ: "UTC", HOME: "/nonexistent" },
    });
    expect(dev.stderr).toBe("");
    expect(dev.status).toBe(0);
    expect(dev.stdout).toBe(runCli(args).stdout);
  }, 30_000);

  it("tsx is a development dependency only, absent from the bundle", () => {
    expect(pkg.devDependencies.tsx).toBeDefined();
    expect(pkg.dependencies?.tsx).toBeUndefined();
    const bundle = readFileSync(`${ROOT}dist/bundle/main.cjs`, "utf8");
    expect(/require\("tsx|from"tsx/.test(bundle)).toBe(false);
  });
});
