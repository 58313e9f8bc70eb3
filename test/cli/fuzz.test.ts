import { fc, test } from "@fast-check/vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { runInProcess } from "../helpers/inProcess.js";
import { isIsoDate } from "../../src/core/calendarDate.js";
import { jsonOutputJsonSchema, ScheduleResultSchema } from "../../src/core/resultSchema.js";
import { gToMg } from "../../src/core/vials.js";

const run = (argv: string[]) => runInProcess(argv, { env: { HOME: "/nonexistent" }, stdinIsTTY: true });

const flags = [
  "--weight",
  "-w",
  "--height",
  "--sex",
  "--dosing-weight",
  "--policy",
  "--age",
  "--pregnant",
  "--dose",
  "--every",
  "--days",
  "--max-daily",
  "--courses",
  "--until",
  "--start",
  "--product",
  "--vials",
  "--max-rate",
  "--allow-above-label-rate",
  "--initial-rate",
  "--rate-steps",
  "--step-minutes",
  "--at-risk",
  "--first-infusion",
  "--round",
  "--skip-weekends",
  "--avoid",
  "--route",
  "--scig-product",
  "--scig-factor",
  "--scig-every",
  "--sessions",
  "--last-ivig",
  "--format",
  "--json",
  "--color",
  "--no-color",
  "--frob",
  "-x",
  "--",
  "products",
  "schema",
  "batch",
  "config",
  "--config",
  "--debug",
  "--format=json",
  "--weight=70",
  "--no-skip-weekends",
  "-V",
  "--help",
  "--time",
  "--tz",
  "--region",
  "--format=JSON",
  "--plan",
  "--avoid-file",
  "--explain",
  "--patient-ref",
];
const values = [
  "70",
  "154lb",
  "0",
  "-0",
  "-5",
  "1e309",
  "NaN",
  "Infinity",
  "70,5",
  "70 kg",
  "٧٠",
  "",
  " ",
  "2.5",
  "175",
  "5ft9in",
  "5ft",
  "male",
  "female",
  "ontario",
  "uk",
  "australia",
  "adjusted",
  "bmi30",
  "2026-12-01",
  "2026-02-30",
  "2027-06-01",
  "vial",
  "5g",
  "none",
  "json",
  "table",
  "csv",
  "ics",
  "JSON",
  "Ics",
  "SCIG",
  "Privigen",
  "F",
  "9:00",
  "Europe/London",
  "EU",
  "scig",
  "ivig",
  "hizentra",
  "hyqvia",
  "privigen",
  "10,20",
  "1,2,4",
  "label",
  "3",
  "100000",
  "\u0000",
  "'; rm -rf /",
  "\u001b[31m",
  "a\rb",
  ".",
  "/",
  "/dev/zero",
  "/dev/null",
  "/nonexistent/file",
  "9999-12-01",
  "1899-12-31",
  "Patient/..",
  "Patient/a.b",
  "fhir",
  "a;=1+1",
  "\u202e",
  "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21",
  `privign${"x".repeat(100_000)}`,
];
// -o is fuzzed only as stdout ("-" and the names of descriptor 1): any other value would write files
// into the working directory.
const STDOUT_NAMES = ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"];
const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...flags).map((f) => [f]) },
  { weight: 3, arbitrary: fc.constantFrom(...values).map((v) => [v]) },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }).map((v) => [v]) },
  { weight: 1, arbitrary: fc.constantFrom(...STDOUT_NAMES).map((v) => ["-o", v]) },
);
/** A token that could make commander write a file: -o with a value other than stdout, in any spelling. */
const writesFile = (argv: readonly string[]) =>
  argv.some(
    (a, i) =>
      (/^-[A-Za-z]*o/.test(a) || a.startsWith("--o")) && !(a === "-o" && STDOUT_NAMES.includes(argv[i + 1] ?? "")),
  );
const base = ["--weight", "70", "--start", "2026-12-01"];
/** Random tokens, alone or after a valid command (so a good share of runs succeed and get checked). */
const fuzzArgv = fc
  .oneof(
    fc.array(token, { maxLength: 10 }).map((tokens) => tokens.flat()),
    fc
      .tuple(fc.constantFrom([], ["--json"], ["--format", "csv"]), fc.array(token, { maxLength: 2 }))
      .map(([format, tokens]) => [...base, ...format, ...tokens.flat()]),
  )
  .filter((argv) => !writesFile(argv));

let validator: ((data: unknown) => boolean) & { errors?: unknown };
beforeAll(() => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat("date", { type: "string", validate: isIsoDate });
  validator = ajv.compile(jsonOutputJsonSchema() as object);
});
const outcomes = { ok: 0, usage: 0 };
afterAll(() => console.info(`argv fuzz: ${outcomes.ok} runs exited 0, ${outcomes.usage} exited 2`));

describe("the CLI over arbitrary argv", () => {
  // 10,000 runs in process through main() (about 5 s here); the seed is printed on a failure.
  test.prop([fuzzArgv], { numRuns: 10_000 })(
    "exits 0 or 2, never 1, never a stack trace; JSON output is schema-valid",
    async (argv) => {
      const r = await run(argv);
      expect([0, 2]).toContain(r.status);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
      const json = (v: string | undefined) => v?.toLowerCase() === "json";
      const wantsJson = argv.some(
        (a, i) => a === "--json" || json(/^--format=(.*)$/s.exec(a)?.[1]) || (a === "--format" && json(argv[i + 1])),
      );
      if (r.status === 0) {
        outcomes.ok++;
        if (r.stdout.startsWith("{")) {
          const doc = JSON.parse(r.stdout) as Record<string, unknown>;
          // products, config and schema print their own documents; a schedule must match `mmn-dose schema`.
          const schedule = !("products" in doc || "settings" in doc || "$schema" in doc);
          if (schedule) expect(validator(doc), JSON.stringify(validator.errors)).toBe(true);
        }
        return;
      }
      outcomes.usage++;
      if (wantsJson && r.stdout !== "")
        expect(validator(JSON.parse(r.stdout)), JSON.stringify(validator.errors)).toBe(true);
      else expect(r.stdout).toBe("");
      // `mmn-dose` alone prints the short usage (several lines); every error is one line and the --help pointer.
      if (argv.length === 0) expect(r.stderr).toMatch(/^Usage: mmn-dose/);
      else expect(r.stderr.trimEnd().split("\n").length).toBeLessThanOrEqual(2);
    },
    // ~5-20 s alone; a machine busy with other work can take several times that.
    120_000,
  );
});

const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((n) => String(n / 10));
const validArgv = fc
  .record({
    weight: tenths(40, 200),
    dose: fc.constantFrom("1", "2", "1.5", "0.4"),
    every: fc.integer({ min: 2, max: 8 }).map(String),
    courses: fc.integer({ min: 1, max: 8 }).map(String),
    round: fc.constantFrom("none", "vial", "5g"),
    product: fc.constantFrom("gammagard-liquid", "privigen", "gamunex-c", "panzyga", "flebogamma-dif-10"),
    skip: fc.boolean(),
    policy: fc.option(fc.constantFrom("ontario", "australia", "uk"), { nil: undefined }),
  })
  .map((o) => [
    "--weight",
    o.weight,
    "--dose",
    o.dose,
    "--every",
    o.every,
    "--courses",
    o.courses,
    "--round",
    o.round,
    "--product",
    o.product,
    "--start",
    "2026-12-01",
    "--json",
    ...(o.skip ? ["--skip-weekends"] : []),
    ...(o.policy ? ["--policy", o.policy, "--height", "170", "--sex", "female"] : []),
  ]);

describe("the CLI over valid regimens", () => {
  test.prop([validArgv], { numRuns: 150 })(
    "validates against the schema; days add up; dosing ≤ actual; dates increase",
    async (argv) => {
      const r = await run(argv);
      if (r.status === 2) {
        // The only refusals a valid regimen can meet: a course that needs more than 5 days, or a whole-vial
        // or 5 g total more than 10 % from the dose (e.g. 16 g with Flebogamma's 5 g steps at --round 5g).
        expect(r.stderr).toMatch(/a course has 1–5 days|beyond the 10 % a rounding may change a dose/);
        return;
      }
      expect(r.status).toBe(0);
      const doc = ScheduleResultSchema.parse(JSON.parse(r.stdout));
      expect(doc.patient.dosingWeightKg).toBeLessThanOrEqual(doc.patient.weightKg + 1e-9);
      for (const c of doc.courseTotals) {
        const days = doc.infusions.filter((i) => i.course === c.course);
        expect(days.reduce((s, i) => s + gToMg(i.doseG), 0)).toBe(gToMg(c.doseG));
      }
      for (let k = 1; k < doc.infusions.length; k++)
        expect(doc.infusions[k]!.date > doc.infusions[k - 1]!.date).toBe(true);
    },
  );
});

// Hostile JSON as a plan, a config file and batch lines: keys twice, deep nesting, long lists, numbers
// past what a double holds, control characters, formula text.
const jsonKey = fc.constantFrom(
  "weight",
  "dose",
  "every",
  "courses",
  "phases",
  "avoid",
  "vials",
  "rateSteps",
  "id",
  "plan",
);
const jsonScalar = fc.constantFrom(
  "70",
  "2",
  "1e400",
  "9007199254740993",
  "-0",
  "12.5",
  '"2026-12-01"',
  '"9999-12-01"',
  '"5g"',
  "true",
  "null",
  '"\\u001b[31m\\r"',
  '"a;=1+1"',
);
const { jsonValue } = fc.letrec<{ jsonValue: string; jsonArray: string; jsonObject: string }>((tie) => ({
  jsonValue: fc.oneof({ depthSize: "small" }, jsonScalar, tie("jsonArray"), tie("jsonObject")),
  jsonArray: fc.array(tie("jsonValue"), { maxLength: 25 }).map((xs) => `[${xs.join(",")}]`),
  jsonObject: fc
    .array(fc.tuple(jsonKey, tie("jsonValue")), { maxLength: 5 })
    .map((kvs) => `{${kvs.map(([k, v]) => `"${k}":${v}`).join(",")}}`),
}));
const nested = fc.integer({ min: 1, max: 3000 }).map((n) => "[".repeat(n) + "]".repeat(n));
const hostileJson = fc.oneof(
  jsonValue,
  nested.map((d) => `{"phases":[{"dose":1,"rateSteps":${d}}]}`),
  nested.map((d) => `{"weight":70,"avoid":${d}}`),
  fc
    .integer({ min: 1, max: 30 })
    .map((n) => `{"weight":70,"rateSteps":[${Array.from({ length: n }, (_, k) => 1 + k / 10)}]}`),
);
const fuzzDir = mkdtempSync(join(tmpdir(), "mmn-dose-fuzz-"));

describe("hostile JSON in every file and line the tool reads", () => {
  test.prop([hostileJson, fc.constantFrom("--plan", "--config")], { numRuns: 300 })(
    "a plan or config file: exit 0 or 2, one plain line, never an internal error",
    async (text, flag) => {
      const file = join(fuzzDir, "input.json");
      writeFileSync(file, text);
      const r = await run(["--weight", "70", "--start", "2026-12-01", flag, file]);
      expect([0, 2]).toContain(r.status);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    },
  );

  test.prop([fc.array(hostileJson, { minLength: 1, maxLength: 4 }), fc.constantFrom("json", "csv")], { numRuns: 200 })(
    "batch lines: each one answered alone, exit 0 or 3, never an internal error",
    async (lines, format) => {
      const text = `${lines.map((l) => l.replace(/\n/g, " ")).join("\n")}\n`;
      const r = await runInProcess(["batch", "--format", format], {
        env: { HOME: "/nonexistent" },
        readInput: async function* () {
          yield Buffer.from(text);
        },
      });
      expect([0, 3]).toContain(r.status);
      expect(r.stdout).not.toContain("INTERNAL");
      if (format === "json") {
        const out = r.stdout
          .trimEnd()
          .split("\n")
          .map((l) => JSON.parse(l) as { line: number });
        expect(out.map((o) => o.line)).toEqual(lines.map((_, k) => k + 1));
      }
    },
  );
});
