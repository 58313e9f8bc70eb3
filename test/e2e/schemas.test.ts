import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, schemaValidator } from "../helpers/cli.js";

// runCli checks every machine output against its `mmn-dose schema <name>` with ajv (test/helpers/cli.ts);
// these tests make sure each kind of document is produced at least once, and that the schemas refuse
// what they should.

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-schemas-"));
const clinic = join(dir, "clinic.jsonl");
writeFileSync(
  clinic,
  [
    JSON.stringify({ id: "A", weight: 70, start: "2026-12-01", courses: 1 }),
    JSON.stringify({ id: 2, weight: 1 }),
    "{not json",
    JSON.stringify({ id: "S", weight: 70, route: "scig", start: "2026-12-01", courses: 1 }),
    JSON.stringify({ weight: 70, start: "2026-12-01", plan: { phases: [{ dose: 2, courses: 1 }, { dose: 1 }] } }),
  ].join("\n"),
);

const lines = (stdout: string) =>
  stdout
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("mmn-dose schema [name]", () => {
  it.each(["schedule", "batch", "compare", "forecast", "review", "review-due"])(
    "prints a draft 2020-12 schema for %s",
    (name) => {
      const run = runCli(["schema", name]);
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout).$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    },
  );

  it("defaults to the one-patient schema, and takes a name in any case", () => {
    expect(runCli(["schema"]).stdout).toBe(runCli(["schema", "schedule"]).stdout);
    expect(runCli(["schema", "Batch"]).stdout).toBe(runCli(["schema", "batch"]).stdout);
  });

  it("refuses an unknown name, naming the choices and the closest", () => {
    const run = runCli(["schema", "batsh"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "schema must be one of schedule, batch, compare, forecast, review, review-due; got 'batsh'",
    );
    expect(run.stderr).toContain("did you mean batch?");
  });

  it("--help names every schema", () => {
    expect(runCli(["schema", "--help"]).stdout.replace(/\s+/g, " ")).toContain(
      "schedule | batch | compare | forecast | review | review-due",
    );
  });
});

describe("every machine output validates against its own schema", () => {
  it("batch: schedule lines (IVIG, SCIG, a plan) and error lines", () => {
    const run = runCli(["batch", clinic]);
    expect(run.status).toBe(3);
    const out = lines(run.stdout);
    expect(out.map((o) => [o.line, o.id, "error" in o])).toEqual([
      [1, "A", false],
      [2, 2, true],
      [3, null, true],
      [4, "S", false],
      [5, null, false],
    ]);
  });

  it("batch: a line over the size limit is an error line of the schema", () => {
    const run = runCli(["batch", "-"], {}, `{"weight":70,"id":"${"x".repeat(1_100_000)}"}\n`);
    expect(lines(run.stdout)[0]!.error).toMatchObject({ code: "LINE_TOO_LONG" });
  });

  it("batch: a schedule without its line number is not a batch line, nor a line without its id", () => {
    const validate = schemaValidator("batch");
    const [good] = lines(runCli(["batch", clinic]).stdout);
    const { line: _line, ...noLine } = good!;
    const { id: _id, ...noId } = good!;
    expect(validate(good)).toBe(true);
    expect(validate(noLine)).toBe(false);
    expect(validate(noId)).toBe(false);
    expect(validate({ line: 0, id: null, error: { code: "X", message: "m" } })).toBe(false);
  });

  it("compare --json: IVIG and SCIG regimens, with and without a price, and its error document", () => {
    const regimens = ["--regimen", "dose=2,every=4", "--regimen", "route=scig,dose=2,every=4"];
    for (const price of [[], ["--price-per-g", "60"]]) {
      const run = runCli(["compare", "--weight", "70", ...regimens, ...price, "--json"]);
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout).regimens).toHaveLength(2);
    }
    const bad = runCli(["compare", "--weight", "70", "--regimen", "dose=2", "--json"]);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout).error.code).toBeDefined();
    expect(schemaValidator("compare")({ schemaVersion: 1, regimens: [] })).toBe(false);
  });

  it("batch --forecast --json: rows and failedLines", () => {
    for (const period of ["week", "month"]) {
      const run = runCli(["batch", clinic, "--forecast", period, "--json"]);
      expect(run.status).toBe(3);
      const doc = JSON.parse(run.stdout);
      expect(doc.failedLines.map((f: { line: number }) => f.line)).toEqual([2, 3]);
      expect(doc.forecast.rows.length).toBeGreaterThan(0);
    }
    expect(schemaValidator("forecast")({ schemaVersion: 1, forecast: { period: "day", rows: [] } })).toBe(false);
  });

  it("a one-patient document is not a compare or forecast document", () => {
    const doc = JSON.parse(runCli(["--weight", "70", "--start", "2026-12-01", "--json"]).stdout);
    expect(schemaValidator("compare")(doc)).toBe(false);
    expect(schemaValidator("forecast")(doc)).toBe(false);
  });
});
