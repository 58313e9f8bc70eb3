import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ScheduleResult } from "../../src/core/resultSchema.js";
import { runCli } from "../helpers/cli.js";
import { optionWordsBlanked } from "../helpers/inFlags.js";
import { checkRfc5545, expectedRow, parseIcs, readCsv, value } from "../helpers/formats.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-plan-"));
const PLAN = {
  phases: [
    { dose: 2, days: 5, every: 4, courses: 1 },
    { dose: 1, every: 3, days: 1, courses: 3 },
    { route: "scig", until: "2027-03-16" },
  ],
};
const planPath = join(dir, "plan.json");
writeFileSync(planPath, JSON.stringify(PLAN));
const ARGS = ["--weight", "70", "--start", "2026-12-01", "--plan", planPath];

describe("mmn-dose --plan, built CLI, every format", () => {
  const json = runCli([...ARGS, "--json"]);
  const result = JSON.parse(json.stdout) as ScheduleResult;

  it("JSON: valid against the schema (runCli checks it), a phase on every infusion, the phases summary", () => {
    expect(json.status).toBe(0);
    expect(result.infusions.every((i) => i.phase !== undefined)).toBe(true);
    expect(
      result.phases!.map((p) => `${p.phase} ${p.route} ${p.product} ${p.firstDate}–${p.lastDate} ${p.totalG}`),
    ).toEqual([
      "1 ivig gammagard-liquid 2026-12-01–2026-12-05 140",
      "2 ivig gammagard-liquid 2026-12-29–2027-02-09 210",
      "3 scig hizentra 2027-02-16–2027-03-16 115",
    ]);
  });

  it("schema documents phase and phases", () => {
    const schema = runCli(["schema"]).stdout;
    expect(schema).toContain('"phases"');
    expect(schema).toContain("--plan: the phase of the treatment plan, from 1");
  });

  it("table: the phases in the summary and a heading above each phase's infusions", () => {
    const run = runCli(ARGS);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("treatment plan of 3 phases");
    expect(run.stdout).toMatch(
      /Phase 2 +IVIG Gammagard Liquid 10 %, 1 g\/kg every 3 weeks \(70 g\); 2026-12-29 to 2027-02-09, 3 infusions, 210 g/,
    );
    const headings = run.stdout.split("\n").filter((l) => l.startsWith("Phase "));
    expect(headings).toEqual([
      "Phase 1 · IVIG Gammagard Liquid 10 %, 2 g/kg every 4 weeks (140 g)",
      "Phase 2 · IVIG Gammagard Liquid 10 %, 1 g/kg every 3 weeks (70 g)",
      "Phase 3 · SCIG Hizentra 20 %, converting 1 g/kg every 3 weeks: 23 g every week",
    ]);
  });

  it("CSV: a phase column, each row's route and product from its phase", () => {
    const run = runCli([...ARGS, "--format", "csv"]);
    const rows = readCsv(run.stdout);
    expect(rows.map((r) => `${r.phase} ${r.route} ${r.product}`)).toEqual([
      ...Array(5).fill("1 ivig gammagard-liquid"),
      ...Array(3).fill("2 ivig gammagard-liquid"),
      ...Array(5).fill("3 scig hizentra"),
    ]);
    for (const [k, row] of rows.entries()) expect(row).toEqual(expectedRow(result, k));
  });

  it("ICS: the phase in each event's summary and description, UIDs unique", () => {
    const run = runCli([...ARGS, "--format", "ics"]);
    checkRfc5545(run.stdout);
    const events = parseIcs(run.stdout).events;
    // Hizentra's first infusion: 115 mL at ≤ 20 mL a site (CIDP label) = ceil(5.75) = 6 sites.
    expect(String(value(events[8]!, "summary"))).toBe(
      "Hizentra 20 % SCIG 23 g (phase 3, weekly home infusion 1 of 5, 6 sites)",
    );
    expect(String(value(events[5]!, "summary"))).toBe("IVIG 70 g Gammagard Liquid 10 % (phase 2, course 2, day 1/1)");
    expect(String(value(events[5]!, "description"))).toContain(
      "Phase 2 of 3: IVIG Gammagard Liquid 10 %, 1 g/kg every 3 weeks (70 g)",
    );
    const uids = events.map((e) => String(value(e, "uid")));
    expect(new Set(uids).size).toBe(uids.length);
  });

  it("batch: a JSON line with a plan gives the same schedule as --plan", () => {
    const file = join(dir, "clinic.jsonl");
    writeFileSync(file, `${JSON.stringify({ id: "a", weight: 70, start: "2026-12-01", plan: PLAN })}\n`);
    const run = runCli(["batch", file]);
    expect(run.status).toBe(0);
    const { line, id, ...out } = JSON.parse(run.stdout);
    expect([line, id]).toEqual([1, "a"]);
    // The same plan, each in its own words: the line names its keys, the command its flags.
    expect(optionWordsBlanked(out)).toEqual(optionWordsBlanked(result));
  });

  it("bad input: exit 2, one line naming the plan, the phase and the key", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ phases: [{ dose: 2 }, { dose: 5 }] }));
    const run = runCli(["--weight", "70", "--plan", bad]);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(
      `mmn-dose: --plan ${bad}: phase 2: dose must be a number from 0.1 to 4 g/kg; got '5'`,
    );
  });
});
