import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IVIG_IDS, SCIG_IDS } from "../../src/cli/options.js";
import { runCli } from "../helpers/cli.js";

const widths = (text: string) => text.split("\n").map((l) => [...l].length);

describe("mmn-dose products --brief", () => {
  const run = runCli(["products", "--brief"]);
  const lines = run.stdout.trimEnd().split("\n");

  it("prints a header and one line per product, within 80 columns", () => {
    expect(run.status).toBe(0);
    expect(lines).toHaveLength(1 + IVIG_IDS.length + SCIG_IDS.length);
    expect(lines[0]).toMatch(/^id +route +name +MMN \(US, EU\)$/);
    expect(lines.slice(1).map((l) => l.split(" ")[0])).toEqual([...IVIG_IDS, ...SCIG_IDS]);
    expect(Math.max(...widths(run.stdout))).toBeLessThanOrEqual(80);
  });

  it("says whether each region's label names MMN (Gammagard Liquid: both; Privigen: the EU SmPC only)", () => {
    const line = (id: string) => lines.find((l) => l.startsWith(`${id} `))!;
    expect(line("gammagard-liquid")).toMatch(/ IVIG +Gammagard Liquid 10 % +yes, yes$/);
    expect(line("privigen")).toMatch(/ IVIG +Privigen 10 % +no, yes$/);
    expect(line("hizentra")).toMatch(/ SCIG +Hizentra 20 % +no, no$/);
  });

  it("is a table: with --json it is refused", () => {
    const r = runCli(["products", "--brief", "--json"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--json and --brief cannot be used together");
  });
});

describe("mmn-dose config", () => {
  it("fits 80 columns, with defaults and with values from a config file and the environment", () => {
    const dir = mkdtempSync(join(tmpdir(), "mmn-dose-config-width-"));
    const site = join(dir, "site.json");
    writeFileSync(site, JSON.stringify({ vials: "10,20", policy: "ontario", rateSteps: "1,2,3,4" }));
    for (const run of [
      runCli(["config"]),
      runCli(["config", "--config", site], { MMN_DOSE_ROUND: "5g", MMN_DOSE_SKIP_WEEKENDS: "true" }),
    ]) {
      expect(run.status).toBe(0);
      expect(Math.max(...widths(run.stdout)), run.stdout).toBeLessThanOrEqual(80);
    }
    const run = runCli(["config", "--config", site], { MMN_DOSE_ROUND: "5g" });
    expect(run.stdout).toMatch(/^ {2}vials +10,20 +file {2}\[MMN_DOSE_VIALS\]$/m);
    expect(run.stdout).toMatch(/^ {2}round +5g +env {2}\[MMN_DOSE_ROUND\]$/m);
    expect(run.stdout).toMatch(/^ {2}rateSteps +1,2,3,4 +file {2}\[MMN_DOSE_RATE_STEPS\]$/m);
  });
});

describe("mmn-dose compare", () => {
  const args = ["compare", "--weight", "70", "--regimen", "dose=2,every=4"];

  it("formats the cost with thousands separators and two decimals, in no currency", () => {
    // 70 kg, 2 g/kg every 4 weeks: 140 g a course, 365.25 / 28 courses a year: 1826.25 g;
    // × 61.37 a gram = 112,076.9625 → 112,076.96.
    const run = runCli([...args, "--regimen", "dose=1,every=2", "--price-per-g", "61.37"]);
    expect(run.stdout).toMatch(/^ {2}Cost \(61\.37 a gram\) +112,076\.96 +112,076\.96$/m);
    const json = JSON.parse(
      runCli([...args, "--regimen", "dose=1,every=2", "--price-per-g", "61.37", "--json"]).stdout,
    );
    expect(json.regimens[0].costPerYear).toBe(112076.96);
  });

  it("takes the regimen keys in the flags' spelling too (max-daily as maxDaily)", () => {
    const camel = runCli([...args, "--regimen", "dose=1,every=2,maxDaily=0.5", "--json"]);
    const flag = runCli([...args, "--regimen", "dose=1,every=2,max-daily=0.5", "--json"]);
    expect(flag.status).toBe(0);
    const [a, b] = [JSON.parse(camel.stdout), JSON.parse(flag.stdout)];
    // 70 g a course at most 0.5 g/kg (35 g) a day: 2 days.
    expect(b.regimens[1].perCourse.infusionDays).toBe(2);
    expect(b.regimens[1].perCourse).toEqual(a.regimens[1].perCourse);
    const both = runCli([...args, "--regimen", "dose=1,max-daily=0.5,maxDaily=1"]);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("'maxDaily' is given twice");
  });
});
