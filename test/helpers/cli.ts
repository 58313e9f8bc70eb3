import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { expect } from "vitest";
import { isIsoDate } from "../../src/core/calendarDate.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = fileURLToPath(new URL("../../bin/mmn-dose.cjs", import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a user would, without a TTY and without color variables from the host. */
export function runCli(args: readonly string[], env: Record<string, string> = {}, input?: string, cwd = ROOT): CliRun {
  // HOME points nowhere so a developer's own ~/.config/mmn-dose never leaks into a test.
  const cleanEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    TZ: process.env.TZ ?? "UTC",
    HOME: "/nonexistent",
    ...env,
  };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: cleanEnv, encoding: "utf8", input });
  const run = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  const toFile = args.includes("-o") || args.includes("--output");
  const scheduleJson =
    !toFile &&
    !["products", "batch", "config", "compare", "review"].includes(args[0] ?? "") &&
    (args.includes("--json") || args.join(" ").includes("--format json"));
  if (scheduleJson) expectValidJsonOutput(run);
  return run;
}

let validator: ((data: unknown) => boolean) & { errors?: unknown } = undefined as never;

/** Every `--json` output the suite produces is checked against `mmn-dose schema`. */
export function expectValidJsonOutput(run: CliRun): void {
  if (!validator) {
    const schema = JSON.parse(spawnSync(process.execPath, [BIN, "schema"], { cwd: ROOT, encoding: "utf8" }).stdout);
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.addFormat("date", { type: "string", validate: isIsoDate });
    validator = ajv.compile(schema);
  }
  const doc = JSON.parse(run.stdout);
  const ok = validator(doc);
  expect(validator.errors ?? null, "JSON output must match `mmn-dose schema`").toBeNull();
  expect(ok).toBe(true);
}
