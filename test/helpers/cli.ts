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
  const kind = jsonOutputKind(args);
  if (kind === "batch") expectValidBatchLines(run);
  else if (kind !== undefined) expectValidJsonOutput(run, kind);
  return run;
}

type SchemaName = "schedule" | "batch" | "compare" | "forecast" | "review" | "review-due";

/** Which `mmn-dose schema` a run's stdout is checked against, if it is a machine output on stdout. */
function jsonOutputKind(args: readonly string[]): SchemaName | undefined {
  const line = ` ${args.join(" ").toLowerCase()} `;
  const has = (word: string) => args.includes(word);
  const json = has("--json") || / --format[ =]json /.test(line);
  if (has("-o") || has("--output") || args.some((a) => a.startsWith("--output="))) return undefined;
  const command = args[0] ?? "";
  if (["products", "config", "explain", "completion", "schema"].includes(command)) return undefined;
  if (command === "compare") return json ? "compare" : undefined;
  if (command === "review") return json ? (has("--due") ? "review-due" : "review") : undefined;
  if (command !== "batch") return json ? "schedule" : undefined;
  if (has("--forecast") || args.some((a) => a.startsWith("--forecast="))) return json ? "forecast" : undefined;
  const lines = !/ --format[ =](csv|fhir|table) /.test(line) && !has("--fields") && !has("--no-sources");
  return lines ? "batch" : undefined;
}

const validators = new Map<SchemaName, ((data: unknown) => boolean) & { errors?: unknown }>();

/** An ajv validator of `mmn-dose schema <name>`, as the built CLI prints it. */
export function schemaValidator(name: SchemaName): ((data: unknown) => boolean) & { errors?: unknown } {
  let validator = validators.get(name);
  if (validator === undefined) {
    const printed = spawnSync(process.execPath, [BIN, "schema", name], { cwd: ROOT, encoding: "utf8" }).stdout;
    // A batch line's id is a string, a number or null: `type: [...]` is standard JSON Schema.
    const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    ajv.addFormat("date", { type: "string", validate: isIsoDate });
    validator = ajv.compile(JSON.parse(printed));
    validators.set(name, validator);
  }
  return validator;
}

/** Every JSON line of a batch run is checked against `mmn-dose schema batch`. */
function expectValidBatchLines(run: CliRun): void {
  const validator = schemaValidator("batch");
  for (const text of run.stdout.split("\n").filter((l) => l !== "")) {
    const ok = validator(JSON.parse(text));
    expect(validator.errors ?? null, "each batch line must match `mmn-dose schema batch`").toBeNull();
    expect(ok).toBe(true);
  }
}

/** Every `--json` output the suite produces is checked against its `mmn-dose schema`. */
export function expectValidJsonOutput(run: CliRun, name: SchemaName = "schedule"): void {
  const validator = schemaValidator(name);
  const doc = JSON.parse(run.stdout);
  const ok = validator(doc);
  expect(validator.errors ?? null, `JSON output must match \`mmn-dose schema ${name}\``).toBeNull();
  expect(ok).toBe(true);
}
