import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

// docs/contract.md, "Files, settings and input, in every command": choice values in any case, an
// unknown one names the closest valid one, --time 9:00, and `mmn-dose` alone prints a short usage.

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = ["--weight", "100", "--height", "175", "--start", "2026-12-01"];

/** A refusal: exit 2, nothing on stdout (but the JSON error for --json), one line naming the option (and the --help pointer). */
function refused(args: readonly string[], env: Record<string, string> = {}): string {
  const run = runCli(args, env);
  expect(run.status, run.stderr).toBe(2);
  if (args.includes("--json")) expect(JSON.parse(run.stdout).error.code).toBe("CONFLICTING_OPTIONS");
  else expect(run.stdout).toBe("");
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

describe("choice values are case-insensitive; the output echoes the lower-case id", () => {
  it("flags: --product Privigen --policy Ontario --region EU --round 5G --dosing-weight BMI30 --sex M --format JSON", () => {
    const upper = runCli([
      ...base,
      "--sex",
      "M",
      "--policy",
      "Ontario",
      "--product",
      "Privigen",
      "--region",
      "EU",
      "--round",
      "5G",
      "--dosing-weight",
      "BMI30",
      "--route",
      "IVIG",
      "--format",
      "JSON",
    ]);
    const lower = runCli([
      ...base,
      "--sex",
      "male",
      "--policy",
      "ontario",
      "--product",
      "privigen",
      "--region",
      "eu",
      "--round",
      "5g",
      "--dosing-weight",
      "bmi30",
      "--route",
      "ivig",
      "--json",
    ]);
    expect(upper.status, upper.stderr).toBe(0);
    expect(upper.stdout).toBe(lower.stdout);
    const doc = JSON.parse(upper.stdout);
    expect([doc.patient.sex, doc.patient.policy, doc.patient.dosingWeightRule]).toEqual(["male", "ontario", "bmi30"]);
    expect([doc.regimen.route, doc.regimen.region, doc.regimen.product]).toEqual(["ivig", "eu", "privigen"]);
    // 100 kg, 175 cm, male: IBW 50 + 2.3 × (175/2.54 − 60) = 70.46 kg; BMI 32.7 > 30, so adjusted
    // 70.46 + 0.4 × 29.54 = 82.28 kg; 2 g/kg = 164.56 g, to the nearest 5 g (5G) = 165 g.
    expect(doc.patient.dosingWeightKg).toBe(82.28);
    expect(doc.regimen.courseDoseG).toBe(165);
  });

  it.each([["F"], ["f"], ["Female"], ["FEMALE"]])("--sex %s is female", (sex) => {
    const run = runCli([...base, "--sex", sex, "--dosing-weight", "ideal", "--json"]);
    expect(run.status, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.patient.sex).toBe("female");
    // Devine, female: 45.5 + 2.3 × (175/2.54 − 60) = 65.96 kg.
    expect(doc.patient.dosingWeightKg).toBe(65.96);
  });

  it("--sex M with --pregnant is refused as --sex male is", () => {
    expect(refused([...base, "--sex", "M", "--pregnant"])).toBe(refused([...base, "--sex", "male", "--pregnant"]));
  });

  it("--route SCIG --scig-product HyQvia is the same schedule as the lower-case ids", () => {
    const args = ["--weight", "70", "--start", "2026-12-01", "--json"];
    const upper = runCli([...args, "--route", "SCIG", "--scig-product", "HyQvia"]);
    expect(upper.status, upper.stderr).toBe(0);
    expect(upper.stdout).toBe(runCli([...args, "--route", "scig", "--scig-product", "hyqvia"]).stdout);
    expect(JSON.parse(upper.stdout).regimen.product).toBe("hyqvia");
  });

  it.each([
    ["ICS", "ics"],
    ["Csv", "csv"],
    ["TABLE", "table"],
  ])("--format %s prints what --format %s prints", (given, id) => {
    const run = runCli([...base, "--format", given]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(runCli([...base, "--format", id]).stdout);
  });

  it("--format JSON makes an error a JSON document too, as --json does", () => {
    const run = runCli(["--weight", "banana", "--format", "JSON"]);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).error.code).toBe("INVALID_OPTION");
  });

  it("--scig-factor LABEL is label", () => {
    const args = ["--weight", "70", "--route", "scig", "--start", "2026-12-01", "--json"];
    expect(runCli([...args, "--scig-factor", "LABEL"]).stdout).toBe(runCli([...args, "--scig-factor", "label"]).stdout);
  });

  it("--route SCIG leaves a site's IVIG product aside, as --route scig does", () => {
    const run = runCli(["--weight", "70", "--route", "SCIG", "--start", "2026-12-01", "--json"], {
      MMN_DOSE_PRODUCT: "privigen",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).regimen.product).toBe("hizentra");
  });

  it("MMN_DOSE_* values in any case; `config` shows the id", () => {
    const env = {
      MMN_DOSE_PRODUCT: "PRIVIGEN",
      MMN_DOSE_POLICY: "Ontario",
      MMN_DOSE_REGION: "Eu",
      MMN_DOSE_TIME: "9:00",
    };
    const run = runCli([...base, "--sex", "m", "--json"], env);
    expect(run.status, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect([doc.regimen.product, doc.patient.policy, doc.regimen.region]).toEqual(["privigen", "ontario", "eu"]);
    const shown = JSON.parse(runCli(["config", "--json"], env).stdout).settings as { key: string; value: unknown }[];
    expect(Object.fromEntries(shown.filter((s) => s.value !== null).map((s) => [s.key, s.value]))).toEqual({
      product: "privigen",
      policy: "ontario",
      region: "eu",
      time: "09:00",
    });
  });

  it("config file values in any case", () => {
    const config = join(dir, "site.json");
    writeFileSync(config, JSON.stringify({ product: "Privigen", round: "None", scigProduct: "Cuvitru", region: "US" }));
    const run = runCli([...base, "--config", config, "--json"]);
    expect(run.status, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.regimen.product).toBe("privigen");
    // --round none: 2 g/kg × 100 kg = 200 g exactly.
    expect(doc.regimen.courseDoseG).toBe(200);
    const scig = runCli(["--weight", "70", "--route", "scig", "--start", "2026-12-01", "--config", config, "--json"]);
    expect(JSON.parse(scig.stdout).regimen.product).toBe("cuvitru");
  });

  it("batch lines (JSON and CSV) in any case, and batch --format CSV", () => {
    const jsonl = join(dir, "clinic.jsonl");
    writeFileSync(
      jsonl,
      `${JSON.stringify({ id: "a", weight: 70, product: "Privigen", sex: "F", height: 160, route: "IVIG", start: "2026-12-01" })}\n`,
    );
    const out = JSON.parse(runCli(["batch", jsonl]).stdout);
    expect([out.id, out.regimen.product, out.patient.sex]).toEqual(["a", "privigen", "female"]);
    const csv = join(dir, "clinic.csv");
    writeFileSync(csv, "id,weight,route,scigProduct,start\nb,70,Scig,XEMBIFY,2026-12-01\n");
    const row = JSON.parse(runCli(["batch", csv], { MMN_DOSE_PRODUCT: "privigen" }).stdout);
    expect([row.id, row.regimen.route, row.regimen.product]).toEqual(["b", "scig", "xembify"]);
    const clinic = runCli(["batch", jsonl, "--format", "CSV"]);
    expect(clinic.status, clinic.stderr).toBe(0);
    expect(clinic.stdout).toBe(runCli(["batch", jsonl, "--format", "csv"]).stdout);
  });
});

describe("an unknown choice value names the closest valid one and the accepted values", () => {
  const ivig = "gammagard-liquid, privigen, gamunex-c, octagam-10, panzyga, kiovig, flebogamma-dif-10";
  it.each([
    [["--product", "privign"], `--product must be one of ${ivig}; got 'privign' (did you mean privigen?)`],
    [["--product", "Gammagard"], `--product must be one of ${ivig}; got 'Gammagard' (did you mean gammagard-liquid?)`],
    [["--product", "octagam10"], `--product must be one of ${ivig}; got 'octagam10' (did you mean octagam-10?)`],
    [
      ["--policy", "ontaro"],
      "--policy must be one of ontario, australia, uk, none; got 'ontaro' (did you mean ontario?)",
    ],
    [["--round", "5 g"], "--round must be one of none, vial, 5g; got '5 g' (did you mean 5g?)"],
    [
      ["--format", "tabel"],
      "--format must be one of table, json, csv, ics, html, fhir; got 'tabel' (did you mean table?)",
    ],
    [
      ["--dosing-weight", "bmi-30"],
      "--dosing-weight must be one of actual, ideal, adjusted, bmi30, ibw120; got 'bmi-30' (did you mean bmi30?)",
    ],
    [["--sex", "mael"], "--sex must be one of male, female (or m, f); got 'mael' (did you mean male?)"],
    [["--route", "ivg"], "--route must be one of ivig, scig; got 'ivg' (did you mean ivig?)"],
    // No guess where none is close: UK is not "us".
    [["--region", "uk"], "--region must be one of us, eu; got 'uk'"],
    [["--sex", "x"], "--sex must be one of male, female (or m, f); got 'x'"],
  ])("%j", (extra, message) => {
    expect(refused([...base, ...extra])).toBe(`mmn-dose: ${message}`);
  });

  it("an SCIG product given as --product points to --route scig --scig-product", () => {
    expect(refused([...base, "--product", "Hizentra"])).toBe(
      `mmn-dose: --product Hizentra is an SCIG product: give --route scig --scig-product hizentra (the IVIG products are ${ivig})`,
    );
  });

  it("an IVIG product given as --scig-product points to --product", () => {
    expect(refused([...base, "--route", "scig", "--scig-product", "privigen"])).toBe(
      "mmn-dose: --scig-product privigen is an IVIG product: give --product privigen without --route scig (the SCIG products are hizentra, cuvitru, xembify, cutaquig, hyqvia, gammagard-liquid-sc)",
    );
  });

  it("from the environment, the message names the variable", () => {
    expect(refused(base, { MMN_DOSE_PRODUCT: "privign" })).toContain("MMN_DOSE_PRODUCT: --product must be one of");
    expect(refused(base, { MMN_DOSE_PRODUCT: "privign" })).toContain("(did you mean privigen?)");
  });

  it("batch --format names the closest", () => {
    expect(refused(["batch", "--format", "jsno"])).toBe(
      "mmn-dose: batch --format must be one of json, csv, fhir, table; got 'jsno' (did you mean json?)",
    );
  });
});

describe("--time", () => {
  const ics = [...base, "--format", "ics", "--tz", "Europe/London"];

  it("9:00 and 09:00 give the same calendar, events at 09:00 London time", () => {
    const short = runCli([...ics, "--time", "9:00"]);
    expect(short.status, short.stderr).toBe(0);
    expect(short.stdout).toBe(runCli([...ics, "--time", "09:00"]).stdout);
    // 2026-12-01 09:00 in London is GMT (UTC+0).
    expect(short.stdout).toMatch(/^DTSTART:20261201T090000Z\r$/m);
  });

  it.each([["0:00"], ["23:59"], ["7:05"]])("%s is accepted", (time) => {
    expect(runCli([...ics, "--time", time]).status).toBe(0);
  });

  it.each([["24:00"], ["7:5"], ["9"], ["009:00"], ["9.00"], ["-1:00"], ["9:00pm"]])("%s is refused", (time) => {
    expect(refused([...ics, "--time", time])).toBe(
      `mmn-dose: --time must be a clock time HH:MM or H:MM from 0:00 to 23:59, e.g. 09:00 or 9:00; got '${time}'`,
    );
  });

  it("MMN_DOSE_TIME=9:00 is 09:00 too", () => {
    expect(runCli(ics, { MMN_DOSE_TIME: "9:00" }).stdout).toMatch(/^DTSTART:20261201T090000Z\r$/m);
  });
});

describe("calendar options outside --format ics are refused, never ignored", () => {
  it.each([
    [
      ["--time", "9:00"],
      "--time starts each calendar event at that time, gives the printed sheet's clock times and each FHIR dosage's start, so it applies to --format ics, html or fhir only (this is --format table): add --format ics, --format html or --format fhir, or leave --time out",
    ],
    [
      ["--time", "9:00", "--json"],
      "--time starts each calendar event at that time, gives the printed sheet's clock times and each FHIR dosage's start, so it applies to --format ics, html or fhir only (this is --format json): add --format ics, --format html or --format fhir, or leave --time out",
    ],
    [
      ["--time", "9:00", "--format", "csv"],
      "--time starts each calendar event at that time, gives the printed sheet's clock times and each FHIR dosage's start, so it applies to --format ics, html or fhir only (this is --format csv): add --format ics, --format html or --format fhir, or leave --time out",
    ],
    [
      ["--tz", "Europe/London"],
      "--tz is the zone of --time in calendar events, of the printed sheet's clock times and of the FHIR dosages' offsets, so it applies to --format ics, html or fhir only (this is --format table): add --format ics, --format html or --format fhir, or leave --tz out",
    ],
    [
      ["--calendar-id", "clinic-7"],
      "--calendar-id keeps calendar event UIDs stable, so it applies to --format ics only (this is --format table): add --format ics, or leave --calendar-id out",
    ],
    [
      ["--sequence", "1", "--format", "csv"],
      "--sequence numbers a reissued calendar, so it applies to --format ics only (this is --format csv): add --format ics, or leave --sequence out",
    ],
    [
      ["--format", "ics", "--tz", "Europe/London"],
      "--tz is the zone of --time: without --time the calendar events are all-day, so give --time HH:MM too, or leave --tz out",
    ],
    [
      ["--format", "html", "--tz", "Europe/London"],
      "--tz is the zone of --time: without --time the sheet has no clock times, so give --time HH:MM too, or leave --tz out",
    ],
    [
      ["--format", "html", "--calendar-id", "clinic-7"],
      "--calendar-id keeps calendar event UIDs stable, so it applies to --format ics only (this is --format html): add --format ics, or leave --calendar-id out",
    ],
  ])("%j", (extra, message) => {
    expect(refused([...base, ...extra])).toBe(`mmn-dose: ${message}`);
  });

  it("a site's time and tz (MMN_DOSE_TIME, MMN_DOSE_TZ) apply to ics and are no error elsewhere", () => {
    const env = { MMN_DOSE_TIME: "09:00", MMN_DOSE_TZ: "America/New_York" };
    expect(runCli(base, env).status).toBe(0);
    expect(runCli([...base, "--json"], env).status).toBe(0);
    // 09:00 in New York on 2026-12-01 is EST (UTC−5): 14:00Z.
    expect(runCli([...base, "--format", "ics"], env).stdout).toMatch(/^DTSTART:20261201T140000Z\r$/m);
    // --tz typed with the site's time: the events are at 09:00 London (GMT).
    expect(runCli([...base, "--format", "ics", "--tz", "Europe/London"], env).stdout).toMatch(
      /^DTSTART:20261201T090000Z\r$/m,
    );
  });
});

describe("mmn-dose with no arguments", () => {
  const run = runCli([]);

  it("prints a short usage with examples on stderr and exits 2", () => {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(8);
    expect(lines[0]).toMatch(/^Usage: mmn-dose --weight/);
    expect(run.stderr).toContain("mmn-dose --help");
  });

  it("its schedule examples run", () => {
    const examples = run.stderr.split("\n").filter((l) => /^ {2}mmn-dose --/.test(l));
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) {
      const r = runCli(example.trim().split(/\s+/).slice(1));
      expect(r.status, `${example}: ${r.stderr}`).toBe(0);
    }
  });
});
