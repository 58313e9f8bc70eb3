import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MESSAGE_CODES } from "../../src/data/messageCodes.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { runInProcess } from "../helpers/inProcess.js";

const BASE = ["--weight", "70", "--start", "2026-12-01"];

describe("--explain in the table", () => {
  const plain = runCli(BASE, { NO_COLOR: "1" });
  const explained = runCli([...BASE, "--explain"], { NO_COLOR: "1" });

  it("adds an Explain section, numbered, each result after '=' and its formula below", () => {
    expect(explained.status).toBe(0);
    expect(explained.stdout).toContain("Explain (every number, step by step)\n");
    expect(explained.stdout).toContain("    2. Exact course dose = 140 g\n       70 kg × 2 g/kg\n");
    expect(explained.stdout).toContain("Chair time, later infusion of 700 mL = 3:39 (219 min)");
  });

  it("changes nothing else: without the section the output is byte for byte the one without --explain", () => {
    const section = /Explain \(every number, step by step\)\n[\s\S]*?\n\n/;
    expect(explained.stdout.replace(section, "")).toBe(plain.stdout);
    expect(plain.stdout).not.toContain("Explain");
  });
});

describe("--explain with --json", () => {
  it("adds an explain array that `mmn-dose schema` documents (runCli validates it with ajv)", () => {
    const run = runCli([
      "--weight",
      "100",
      "--height",
      "170",
      "--sex",
      "f",
      "--start",
      "2026-12-01",
      "--json",
      "--explain",
    ]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    const step = (name: string) => doc.explain.find((s: { step: string }) => s.step === name);
    // Devine: 45.5 + 2.3 × (170 / 2.54 − 60) = 61.44 kg; dosed on actual weight (no policy).
    expect(step("Ideal weight (Devine, female)")).toMatchObject({
      result: "61.44 kg",
      source: "https://nba.gov.au/bloodstar-calculator-adjusting-ig-dose-ideal-body-weight",
    });
    expect(step("Exact course dose")).toEqual({
      step: "Exact course dose",
      formula: "100 kg × 2 g/kg",
      result: "200 g",
      value: 200,
      unit: "g",
      source: null,
    });
  });

  it("leaves the JSON as it was without --explain", async () => {
    const run = await runInProcess([...BASE, "--json"]);
    expect(JSON.parse(run.stdout)).not.toHaveProperty("explain");
  });

  it("is refused with CSV or ICS, which have no place for it (exit 2)", async () => {
    const run = await runInProcess([...BASE, "--format", "csv", "--explain"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--explain adds a section to the table or an array to --json");
  });

  it("is not a batch key (not accepted per line)", () => {
    const run = runCli(["batch"], {}, '{"weight": 70, "start": "2026-12-01", "explain": true}\n');
    expect(run.status).toBe(3);
    expect(JSON.parse(run.stdout).error.message).toContain("explain");
  });
});

describe("mmn-dose explain CODE", () => {
  it("says what a code means, when it fires, its remedies and sources, in any case", () => {
    const run = runCli(["explain", "rounded_day_above_max_daily"], { NO_COLOR: "1" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "ROUNDED_DAY_ABOVE_MAX_DAILY (warning)\n  Meaning     rounding puts a day more than 10 % above",
    );
    expect(run.stdout).toContain("  Remedies    --days N+1 (one more day); --round none\n");
    expect(run.stdout).toContain("https://www.pppmag.com/article/753");
  });

  it("prints the entry as JSON with --json", async () => {
    const run = await runInProcess(["explain", "Split", "--json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ schemaVersion: 1, code: "SPLIT", kind: "note", remedies: [] });
  });

  it("refuses an unknown code with exit 2, naming the nearest codes", async () => {
    const run = await runInProcess(["explain", "ROUNDE"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      "unknown code 'ROUNDE': did you mean ROUNDED, NOT_ROUNDED or ROUNDED_DAY_ABOVE_MAX_DAILY? (mmn-dose explain lists every code)",
    );
  });

  it("lists every code with a one-line meaning when no code is given", async () => {
    const run = await runInProcess(["explain"]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(Object.keys(MESSAGE_CODES).length + 1);
    expect(lines).toContainEqual(expect.stringMatching(/^AT_RISK +warning {2}a patient at risk/));
  });
});

describe("the pharmacist's guide: the --explain excerpt", () => {
  it("is what the command it names prints", () => {
    const readme = readFileSync(`${ROOT}docs/pharmacist.md`, "utf8");
    const excerpt = /```text\n(Explain \(every number[\s\S]*?)```/.exec(readme)?.[1];
    expect(excerpt).toBeDefined();
    const args = "--weight 100 --height 170 --sex female --policy ontario --start 2026-12-01 --courses 1 --explain";
    expect(readme).toContain(`mmn-dose ${args}\n`);
    expect(runCli(args.split(" "), { NO_COLOR: "1" }).stdout).toContain(excerpt!);
  });
});
