import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { parse } from "csv-parse/sync";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

const START = ["--start", "2026-12-01"];

describe("mmn-dose --weight 70 (the table)", () => {
  const run = runCli(["--weight", "70", ...START]);

  it("exits 0 and prints a dated schedule with totals", () => {
    expect(run.status).toBe(0);
    // stdout carries the data, warnings included; stderr stays empty so `2>&1` still parses.
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("Tue 2026-12-01  1/2");
    expect(run.stdout).toContain("Wed 2026-12-02  2/2");
    expect(run.stdout).toMatch(/total\s+140\s+1400\s+4 × 30 g \+ 2 × 10 g/);
    // by hand: 17.5 + 21 + 42 + 84 + 126 mL in 2:30, then 409.5 mL at 336 mL/h (73.1 min) = 3:44 (first infusion)
    expect(run.stdout).toMatch(/1\/2\s+70\s+1\s+700\s+A\s+3:44\s+2 × 30 g \+ 1 × 10 g/);
    // later days: + 168 mL at 336 mL/h, then 241.5 mL at 378 mL/h (38.3 min) = 3:39
    expect(run.stdout).toMatch(/2\/2\s+70\s+1\s+700\s+B\s+3:39\s+2 × 30 g \+ 1 × 10 g/);
    expect(run.stdout).toContain("from  3:00     378 mL/h  (5.4 mL/kg/h, 9 mg/kg/min)");
    expect(run.stdout).toContain("2 × 30 g + 1 × 10 g");
    expect(run.stdout.match(/ 1\/2 /g)).toHaveLength(6);
  });

  it("has no ANSI color when stdout is not a terminal", () => {
    expect(run.stdout).not.toContain("\u001b[");
  });

  it("colors only when asked, and NO_COLOR wins over the terminal", () => {
    expect(runCli(["--weight", "70", ...START, "--color"]).stdout).toContain("\u001b[");
    expect(runCli(["--weight", "70", ...START], { FORCE_COLOR: "1", NO_COLOR: "1" }).stdout).not.toContain("\u001b[");
    expect(runCli(["--weight", "70", ...START, "--no-color"], { FORCE_COLOR: "1" }).stdout).not.toContain("\u001b[");
  });

  it("prints warnings with a marker in the table (and on stderr only with -o)", () => {
    const w = runCli(["--weight", "70", ...START, "--every", "3"], { NO_COLOR: "1" });
    expect(w.status).toBe(0);
    expect(w.stdout).toContain("! ABOVE_LABEL_MONTHLY_DOSE");
    expect(w.stdout).toContain("! OUTSIDE_EFNS_MAINTENANCE");
    expect(w.stderr).toBe("");
  });

  it("is byte-for-byte deterministic", () => {
    expect(runCli(["--weight", "70", ...START]).stdout).toBe(run.stdout);
  });
});

describe("--json", () => {
  it("prints the contract's object", () => {
    const run = runCli(["--weight", "70", ...START, "--json"]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining(["schemaVersion", "patient", "regimen", "infusions", "warnings"]),
    );
    expect(doc.schemaVersion).toBe(1);
    expect(doc.patient).toMatchObject({
      weightKg: 70,
      heightCm: null,
      sex: null,
      dosingWeightKg: 70,
      dosingWeightBasis: "actual",
    });
    expect(doc.regimen).toMatchObject({
      route: "ivig",
      product: "gammagard-liquid",
      doseGPerKg: 2,
      intervalWeeks: 4,
      daysPerCourse: 2,
      courseDoseG: 140,
      rounding: "vial",
    });
    expect(doc.infusions[0]).toMatchObject({
      date: "2026-12-01",
      course: 1,
      day: 1,
      doseG: 70,
      volumeMl: 700,
      vials: [
        { sizeG: 30, count: 2 },
        { sizeG: 10, count: 1 },
      ],
    });
    expect(doc.infusions).toHaveLength(12);
  });

  it("--format json is the same as --json", () => {
    expect(runCli(["--weight", "70", ...START, "--format", "json"]).stdout).toBe(
      runCli(["--weight", "70", ...START, "--json"]).stdout,
    );
  });

  it.each([
    [["--weight", "154lb"], 69.85, 139.5],
    [["--weight", "70kg", "--dose", "1", "--every", "2"], 70, 70],
    [["--weight", "73", "--round", "5g"], 73, 145],
    [["--weight", "66.6", "--round", "vial"], 66.6, 133],
    [["--weight", "66.6", "--round", "none"], 66.6, 133.2],
    [["--weight", "70", "--days", "5"], 70, 140],
    [["--weight", "70", "--until", "2027-06-01"], 70, 140],
  ])("%j", (args, dosingWeight, courseDose) => {
    const run = runCli([...args, ...START, "--json"]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.patient.dosingWeightKg).toBeCloseTo(dosingWeight, 2);
    expect(doc.regimen.courseDoseG).toBe(courseDose);
  });
});

describe("products, rates and chair time", () => {
  it("--product privigen schedules in Privigen's vials and rates (starts at 21 mL/h for 70 kg)", () => {
    const run = runCli(["--weight", "70", ...START, "--product", "privigen", "--json"]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.regimen.vialSizesG).toEqual([5, 10, 20, 40]);
    expect(doc.infusions[0].vials).toEqual([
      { sizeG: 40, count: 1 },
      { sizeG: 20, count: 1 },
      { sizeG: 10, count: 1 },
    ]);
    expect(doc.infusions[0].ratePlan[0].mlPerHour).toBe(21);
    expect(doc.warnings.map((w: { code: string }) => w.code)).toContain("NOT_LABELLED_FOR_MMN");
  });

  it("--vials restricts rounding and dispensing to the stocked sizes", () => {
    const doc = JSON.parse(runCli(["--weight", "66.6", ...START, "--vials", "10,20", "--json"]).stdout);
    // 133.2 g in 10 g steps over 2 days: 130 g (70 + 60) is nearer than 140 g.
    expect(doc.regimen.courseDoseG).toBe(130);
    expect(doc.regimen.dayDosesG).toEqual([70, 60]);
    expect(doc.infusions[0].vials).toEqual([
      { sizeG: 20, count: 3 },
      { sizeG: 10, count: 1 },
    ]);
    expect(doc.infusions[1].vials).toEqual([{ sizeG: 20, count: 3 }]);
    expect(doc.notes.map((n: { code: string }) => n.code)).toContain("VIALS_FROM_OPTION");
  });

  it("--at-risk with --max-rate holds the plan there; its warning is short, the risk factors are in --help", () => {
    const doc = JSON.parse(runCli(["--weight", "70", ...START, "--at-risk", "--max-rate", "2", "--json"]).stdout);
    expect(doc.infusions[0].ratePlan.at(-1).mlPerHour).toBe(140);
    const atRisk = doc.warnings.find((w: { code: string }) => w.code === "AT_RISK");
    expect(atRisk.message).toContain("hydrate");
    // Warnings travel into calendar events and stderr: short enough to read there.
    expect(atRisk.message.length).toBeLessThan(300);
    const aged = JSON.parse(runCli(["--weight", "70", ...START, "--age", "70", "--json"]).stdout);
    expect(aged.warnings.find((w: { code: string }) => w.code === "AGE_OVER_65").message.length).toBeLessThan(200);
    expect(runCli(["--help"]).stdout.replace(/\s+/g, " ")).toMatch(
      /--at-risk renal or thrombosis risk \(renal: pre-existing renal insufficiency, diabetes, age > 65/,
    );
  });

  it("--at-risk alone is accepted and never plans above the label, even with --allow-above-label-rate", () => {
    const alone = JSON.parse(runCli(["--weight", "70", ...START, "--at-risk", "--json"]).stdout);
    // NL-IVIG002's 0.08 mL/kg/min × 70 kg × 60 = 336 mL/h
    expect(alone.infusions[1].ratePlan.at(-1).mlPerHour).toBe(336);
    const forced = JSON.parse(
      runCli(["--weight", "70", ...START, "--at-risk", "--max-rate", "6", "--allow-above-label-rate", "--json"]).stdout,
    );
    // held at the label's 5.4 mL/kg/h, then the at-risk top below it: 0.08 mL/kg/min × 60 × 70 kg = 336 mL/h
    expect(forced.infusions[1].ratePlan.at(-1).mlPerHour).toBe(336);
    expect(forced.warnings.map((w: { code: string }) => w.code)).toContain("AT_RISK_HOLDS_LABEL_RATE");
  });

  it("--allow-above-label-rate accepts a higher maximum and warns", () => {
    const doc = JSON.parse(
      runCli(["--weight", "70", ...START, "--max-rate", "6", "--allow-above-label-rate", "--json"]).stdout,
    );
    expect(doc.infusions[1].ratePlan.at(-1).mlPerHour).toBe(420);
    expect(doc.warnings.map((w: { code: string }) => w.code)).toContain("MAX_RATE_ABOVE_LABEL");
  });

  it("the first course titrates as a first infusion; with --every 9 every course does", () => {
    const kinds = (args: string[]) =>
      JSON.parse(runCli([...args, ...START, "--json"]).stdout).infusions.map(
        (i: { infusionKind: string }) => i.infusionKind,
      );
    expect(kinds(["--weight", "70", "--courses", "2"])).toEqual(["first", "later", "later", "later"]);
    expect(kinds(["--weight", "70", "--courses", "2", "--every", "9"])).toEqual(["first", "later", "first", "later"]);
    expect(kinds(["--weight", "70", "--courses", "2", "--first-infusion"])).toEqual([
      "first",
      "later",
      "first",
      "later",
    ]);
  });

  it("the table prints each distinct rate plan once", () => {
    const out = runCli(["--weight", "70", ...START, "--product", "octagam-10", "--vials", "5,10,20"]).stdout;
    expect(out.match(/^ {2}A {2}first infusions$/gm)).toHaveLength(1);
    expect(out.match(/^ {2}B {2}later infusions$/gm)).toHaveLength(1);
    expect(out).not.toMatch(/^ {2}C /m);
  });
});

describe("--route scig", () => {
  it("prints the weekly SCIG equivalent: 35 g of Hizentra (175 mL) every 7 days with sites and chair time", () => {
    const run = runCli(["--weight", "70", "--route", "scig", "--start", "2026-12-08", "--json"]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.regimen).toMatchObject({ route: "scig", product: "hizentra", courseDoseG: 35 });
    expect(doc.infusions[0]).toMatchObject({
      date: "2026-12-08",
      doseG: 35,
      volumeMl: 175,
      sites: 9,
      volumePerSiteMl: 19.4,
    });
    expect(doc.infusions[1].date).toBe("2026-12-15");
    const table = runCli(["--weight", "70", "--route", "scig", "--start", "2026-12-08"]).stdout;
    expect(table).toContain("140 g ÷ 4 weeks × 1 = 35 g a week");
    expect(table).toMatch(/9 × 19\.4/);
  });

  it("SCIG calendars and CSV carry the sites", () => {
    const args = ["--weight", "70", "--route", "scig", "--start", "2026-12-08", "--courses", "1"];
    const evs = new ICAL.Component(ICAL.parse(runCli([...args, "--format", "ics"]).stdout)).getAllSubcomponents(
      "vevent",
    );
    expect(evs).toHaveLength(4);
    expect(String(evs[0]!.getFirstPropertyValue("summary"))).toContain("9 sites");
    const rows = parse(runCli([...args, "--format", "csv"]).stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.sites)).toEqual(["9", "4", "4", "4"]);
  });
});

describe("calendar and CSV formats", () => {
  const args = ["--weight", "70", "--start", "2027-02-22", "--courses", "4"];
  const json = JSON.parse(runCli([...args, "--json"]).stdout);

  it("--format ics parses back to the same infusions as --json (dates, count, chair time across DST)", () => {
    const run = runCli([...args, "--format", "ics", "--time", "09:00", "--tz", "Europe/London"]);
    expect(run.status).toBe(0);
    const evs = new ICAL.Component(ICAL.parse(run.stdout)).getAllSubcomponents("vevent");
    expect(evs).toHaveLength(json.infusions.length);
    evs.forEach((e, k) => {
      const start = (e.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate();
      const end = (e.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate();
      expect(start.toISOString().slice(0, 10)).toBe(json.infusions[k].date);
      expect((end.getTime() - start.getTime()) / 60000).toBe(json.infusions[k].durationMinutes);
    });
  });

  it("--format csv parses back to the same infusions", () => {
    const rows = parse(runCli([...args, "--format", "csv"]).stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.date, Number(r.doseG)])).toEqual(
      json.infusions.map((i: { date: string; doseG: number }) => [i.date, i.doseG]),
    );
  });

  it.each([
    [["--time", "25:00"], "--time must be a clock time HH:MM"],
    [["--tz", "Mars/Olympus"], "--tz must be an IANA time zone"],
    [["--format", "pdf"], "--format must be one of table, json, csv, ics"],
  ])("%j is refused", (extra, message) => {
    const run = runCli([...args, ...(extra[0] === "--format" ? [] : ["--format", "ics"]), ...extra]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe("subcommands", () => {
  it("schema prints a draft 2020-12 JSON Schema", () => {
    const run = runCli(["schema"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("products lists the catalog with a source URL for every product", () => {
    const run = runCli(["products", "--json"]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.products.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([
        "gammagard-liquid",
        "privigen",
        "gamunex-c",
        "octagam-10",
        "panzyga",
        "kiovig",
        "flebogamma-dif-10",
      ]),
    );
    for (const p of doc.products) {
      expect(p).toMatchObject({
        id: expect.any(String),
        name: expect.any(String),
        route: expect.stringMatching(/^(ivig|scig)$/),
      });
      for (const f of p.facts) expect(typeof f.source === "string" || typeof f.notFound === "string").toBe(true);
      // The contract's shape: always a list of sizes; empty only where the label gave none, as facts say.
      expect(Array.isArray(p.vialSizesG)).toBe(true);
      const sizesFact = p.facts.find((f: { field: string }) => f.field === "vialSizesG");
      expect(p.vialSizesG.length === 0).toBe(typeof sizesFact.notFound === "string");
      expect(typeof p.concentrationGPerMl).toBe("number");
      expect(p.sources.length).toBeGreaterThan(0);
      for (const url of p.sources) expect(url).toMatch(/^https?:\/\//);
    }
    expect(runCli(["products"]).stdout).toContain("gammagard-liquid");
  });

  it("--help and --version exit 0 on stdout", () => {
    const help = runCli(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--max-daily");
    const version = runCli(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("bad input: exit 2, one plain line naming the option and range, no stack trace", () => {
  it.each([
    [["--start", "2026-12-01"], "--weight is required"],
    [["--weight", "banana"], "--weight must be a body weight from 2 to 350 kg"],
    [["--weight", ""], "--weight must be"],
    [["--weight", "-0"], "--weight must be"],
    [["--weight", "٧٠"], "--weight must be"],
    [["--weight", "70 kg"], "--weight must be"],
    [["--weight", "0"], "--weight must be a body weight from 2 to 350 kg"],
    [["--weight", "-70"], "--weight must be"],
    [["--weight", "1000"], "--weight must be"],
    [["--weight", "70,5"], "--weight must be"],
    [["--weight", "NaN"], "--weight must be"],
    [["--weight", "Infinity"], "--weight must be"],
    [["--weight", "1e309"], "--weight must be"],
    [["--weight", "70", "kg"], "unexpected argument 'kg' (write the unit without a space"],
    [["--weight", "70st"], "--weight must be"],
    [["--weight", "70", "--days", "0"], "--days must be a whole number from 1 to 5"],
    [["--weight", "70", "--days", "2.5"], "--days must be a whole number from 1 to 5"],
    [["--weight", "70", "--every", "0"], "--every must be a whole number from 1 to 52"],
    [["--weight", "70", "--dose", "0"], "--dose must be a number from 0.1 to 4 g/kg"],
    [["--weight", "70", "--dose", "-2"], "--dose must be"],
    [["--weight", "70", "--max-daily", "5"], "--max-daily must be a number from 0.1 to 2 g/kg"],
    [["--weight", "70", "--courses", "0"], "--courses must be a whole number from 1 to 100"],
    [["--weight", "70", "--courses", "100000"], "--courses must be a whole number from 1 to 100"],
    [["--weight", "70", "--start", "2026-02-30"], "--start must be a real calendar date"],
    [["--weight", "70", "--start", "01/12/2026"], "--start must be a real calendar date"],
    [
      ["--weight", "70", "--until", "2026-11-01", "--start", "2026-12-01"],
      "--until 2026-11-01 must not be before --start",
    ],
    [["--weight", "70", "--until", "2027-01-01", "--courses", "3"], "--courses and --until cannot be used together"],
    [["--weight", "70", "--product", "nope"], "--product must be one of gammagard-liquid, privigen"],
    [["--weight", "70", "--product", "kiovig"], "--initial-rate and --max-rate are required for Kiovig"],
    [["--weight", "70", "--product", "kiovig", "--initial-rate", "0.5"], "--max-rate is required for Kiovig"],
    [
      ["--weight", "70", "--product", "octagam-10", "--vials", "15"],
      "--vials 15: Octagam 10 % comes in 2, 5, 10, 20, 30 g vials",
    ],
    [["--weight", "70", "--vials", "15"], "--vials 15: Gammagard Liquid 10 % comes in 1, 2.5, 5, 10, 20, 30 g vials"],
    [["--weight", "70", "--vials", "10,,20"], "--vials must be a comma-separated list"],
    [
      ["--weight", "70", "--max-rate", "6"],
      "--max-rate 6 is above the Gammagard Liquid 10 % label maximum of 5.4 mL/kg/h",
    ],
    [["--weight", "70", "--max-rate", "0"], "--max-rate must be a number from 0.01 to 20 mL/kg/h"],
    [
      ["--weight", "70", "--initial-rate", "1"],
      "--initial-rate 1 is above the Gammagard Liquid 10 % label initial rate of 0.5 mL/kg/h (MMN (US label)); pass --allow-above-label-rate",
    ],
    [["--weight", "70", "--rate-steps", "0.3,1"], "--rate-steps 0.3 lies outside this plan's 0.5–5.4 mL/kg/h"],
    [["--weight", "70", "--rate-steps", "1,6"], "--rate-steps 6 lies outside this plan's 0.5–5.4 mL/kg/h"],
    [["--weight", "2", "--initial-rate", "0.01"], "rounds to 0 mL/h"],
    [
      ["--weight", "70", "--initial-rate", "0.1", "--max-rate", "0.1"],
      "a 700 mL infusion day would take 100:00 through this rate plan (--initial-rate 0.1, --max-rate 0.1), more than 24 h",
    ],
    [
      ["--weight", "70", "--rate-steps", "3,2"],
      "--rate-steps must be a comma-separated list of numbers from 0.01 to 20 mL/kg/h, ascending",
    ],
    [["--weight", "70", "--step-minutes", "1"], "--step-minutes must be a whole number from 5 to 240"],
    [["--weight", "70", "--round", "10g"], "--round must be one of none, vial, 5g"],
    [["--weight", "70", "--format", "pdf"], "--format must be one of"],
    [["--weight", "70", "--frobnicate"], "unknown option '--frobnicate'"],
    [["--weigth", "70"], "unknown option '--weigth' (did you mean --weight?)"],
    [["--weight", "--start", "2026-12-01"], "--weight needs a value: it took '--start', which is an option"],
    [["--weight", "70", "--weight", "80"], "--weight was given twice ('70' and '80'): give it once"],
    [
      ["--weight", "70", "--avoid", "2026-12-25", "--avoid", "2027-01-01"],
      "--avoid was given twice ('2026-12-25' and '2027-01-01'): give it once (list several values with commas)",
    ],
    [
      ["70"],
      "unexpected argument '70' (the commands are products, config, batch, schema, compare, review, explain and completion; everything else is an --option)",
    ],
    [["--weight", "70", "--max-daily", "0.2"], "needs 10 days, but a course has 1–5 days"],
    [["--weight"], "argument missing"],
    [["--weight", "70", "--route", "scig", "--scig-product", "nope"], "--scig-product must be one of hizentra"],
    [
      ["--weight", "70", "--route", "scig", "--scig-factor", "0"],
      "--scig-factor must be a number from 0.1 to 3 or 'label'",
    ],
    [["--weight", "70", "--route", "scig", "--scig-factor", "-1"], "--scig-factor must be"],
    [
      ["--weight", "70", "--route", "scig", "--scig-every", "3"],
      "--scig-every 3: Hizentra 20 % is given every 1 or 2 weeks",
    ],
    [["--weight", "70", "--route", "scig", "--days", "2"], "--days applies to --route ivig only"],
    [["--weight", "70", "--sessions", "2"], "--sessions applies to --route scig only"],
    [
      ["--weight", "70", "--route", "scig", "--last-ivig", "2026-12-01", "--start", "2026-12-08"],
      "--last-ivig and --start cannot be used together",
    ],
    [["--weight", "70", "--route", "iv"], "--route must be one of ivig, scig"],
  ])("%j", (args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines[0]).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("with --json the error is also a JSON document on stdout", () => {
    const run = runCli(["--weight", "banana", "--json"]);
    expect(run.status).toBe(2);
    const doc = JSON.parse(run.stdout);
    expect(doc).toEqual({
      schemaVersion: 1,
      error: { code: "INVALID_OPTION", message: expect.stringContaining("--weight") },
    });
  });
});

describe("pipes", () => {
  it.runIf(existsSync("/dev/full"))(
    "a full disk on stdout is an I/O failure in one line (exit 1), not a stack trace",
    () => {
      const r = runShell(`node bin/mmn-dose.cjs --weight 70 > /dev/full`);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe("mmn-dose: cannot write to standard output (ENOSPC)\n");
    },
  );

  it("`mmn-dose … | head -1` exits quietly", () => {
    const r = runShell(`node bin/mmn-dose.cjs --weight 70 --courses 100 --start 2026-12-01 | head -1`);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(1);
  });
});

function runShell(command: string) {
  const r = spawnSync("bash", ["-o", "pipefail", "-c", command], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
