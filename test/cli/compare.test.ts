import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseRegimen } from "../../src/cli/regimenText.js";
import { runInProcess } from "../helpers/inProcess.js";

const THREE = ["--regimen", "dose=2,every=4", "--regimen", "dose=1,every=2", "--regimen", "route=scig,dose=2,every=4"];
const compare = (...args: string[]) => runInProcess(["compare", "--weight", "70", ...args]);

/** One line naming the problem, then the pointer to --help; nothing on stdout (table) and exit 2. */
async function refused(args: string[], pattern: RegExp) {
  const run = await runInProcess(["compare", ...args]);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  const [first, ...rest] = run.stderr.trimEnd().split("\n");
  expect(first).toMatch(pattern);
  expect(rest).toEqual(["Run 'mmn-dose compare --help' for the options and their ranges."]);
}

describe("--regimen text", () => {
  it("reads key=value pairs; a list goes on to the next key=; on/off keys take true or false", () => {
    expect(parseRegimen("dose=1,vials=10,20,every=2,allowAboveLabelRate=true").values).toEqual({
      dose: "1",
      vials: "10,20",
      every: "2",
      allowAboveLabelRate: true,
    });
  });

  it.each([
    ["dos=2", /unknown key 'dos' \(did you mean dose\?\); the regimen keys are dose, every, days/],
    ["max-dialy=0.5", /unknown key 'max-dialy' \(did you mean maxDaily\?\)/],
    ["last-ivig=2026-12-01", /'last-ivig' has no place in a comparison/],
    ["dose=2,dose=1", /'dose' is given twice/],
    ["dose=2,4", /'4' is not key=value/],
    ["weight=80", /'weight' is patient data, the same for every regimen: give --weight once on the command line/],
    ["policy=uk", /'policy' is patient data.*give --policy once/],
    ["start=2026-12-01", /'start' has no place in a comparison/],
    ["courses=3", /'courses' has no place in a comparison/],
    ["allowAboveLabelRate=yes", /allowAboveLabelRate must be true or false; got 'yes'/],
  ])("refuses %s", (text, pattern) => {
    expect(() => parseRegimen(text)).toThrow(pattern);
  });
});

describe("mmn-dose compare: bad input is exit 2 with one line naming the key and the range", () => {
  it("fewer than two regimens", async () => {
    await refused(
      ["--weight", "70", "--regimen", "dose=2"],
      /^mmn-dose: compare needs at least two --regimen .*\(got 1\)/,
    );
    await refused(["--weight", "70"], /at least two --regimen options \(got 0\)/);
  });

  it("an unknown key names the closest regimen key", async () => {
    await refused(
      ["--weight", "70", "--regimen", "dose=2", "--regimen", "evrey=2"],
      /^mmn-dose: --regimen evrey=2: unknown key 'evrey' \(did you mean every\?\)/,
    );
  });

  it("a patient key in a regimen", async () => {
    await refused(
      ["--weight", "70", "--regimen", "dose=2", "--regimen", "sex=f,dose=1"],
      /^mmn-dose: --regimen sex=f,dose=1: 'sex' is patient data/,
    );
  });

  it("a value out of range gets the flag's own check, named by its key", async () => {
    await refused(
      ["--weight", "70", "--regimen", "dose=9", "--regimen", "dose=1"],
      /^mmn-dose: --regimen dose=9: dose must be a number from 0.1 to 4 g\/kg; got '9'$/,
    );
    await refused(
      ["--weight", "70", "--regimen", "dose=2", "--regimen", "every=2.5"],
      /^mmn-dose: --regimen every=2.5: every must be a whole number from 1 to 52 weeks; got '2.5'$/,
    );
    await refused(
      ["--weight", "70", "--regimen", "dose=2", "--regimen", "product=kiovg"],
      /product must be one of .* \(did you mean kiovig\?\)/,
    );
  });

  it("what the planner refuses names the regimen and its key", async () => {
    await refused(
      ["--weight", "70", "--regimen", "dose=2", "--regimen", "route=scig,scigEvery=3"],
      /^mmn-dose: --regimen route=scig,scigEvery=3: scigEvery=3: Hizentra 20 % is given every 1 or 2 weeks/,
    );
    await refused(
      ["--weight", "70", "--regimen", "dose=2", "--regimen", "route=scig,product=privigen"],
      /^mmn-dose: --regimen route=scig,product=privigen: product applies to route ivig only/,
    );
  });

  it("the command line's own options, before any regimen", async () => {
    await refused(["--regimen", "dose=2", "--regimen", "dose=1"], /^mmn-dose: --weight is required/);
    await refused(["--weight", "700", ...THREE], /^mmn-dose: --weight must be a body weight from 2 to 350 kg/);
    await refused(["--weight", "70", ...THREE, "--price-per-g", "0"], /--price-per-g must be a number above 0/);
    await refused(["--weight", "70", ...THREE, "--price-per-g", "-5"], /--price-per-g/);
    await refused(["--weight", "70", ...THREE, "--format", "csv"], /compare --format must be one of table, json/);
    await refused(["--weight", "70", "--weight", "80", ...THREE], /--weight was given twice/);
    await refused(["--weight", "70", "--policy", "ontario", ...THREE], /--height is required/);
  });

  it("with --json an error is a JSON document on stdout too", async () => {
    const run = await compare("--regimen", "dose=2", "--json");
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ schemaVersion: 1, error: { code: "TOO_FEW_REGIMENS" } });
  });

  it("a bad site setting names where it came from", async () => {
    const run = await runInProcess(["compare", "--weight", "70", ...THREE], { env: { MMN_DOSE_MAX_DAILY: "9" } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/MMN_DOSE_MAX_DAILY: --max-daily must be a number from 0.1 to 2 g\/kg/);
  });
});

describe("mmn-dose compare: output", () => {
  it("JSON: schemaVersion 1, the patient, the regimens in order with the contract's fields", async () => {
    const run = await compare(...THREE, "--json", "--price-per-g", "60");
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, patient: { weightKg: 70, dosingWeightKg: 70 } });
    expect(doc.regimens.map((r: { regimen: string }) => r.regimen)).toEqual([
      "dose=2,every=4",
      "dose=1,every=2",
      "route=scig,dose=2,every=4",
    ]);
    // Hand-computed in test/core/compare.test.ts.
    expect(doc.regimens[0]).toMatchObject({
      route: "ivig",
      product: "gammagard-liquid",
      doseGPerKg: 2,
      intervalWeeks: 4,
      gPerKgPerMonth: 2.17,
      gramsPerYear: 1826.25,
      infusionDaysPerYear: 26.09,
      chairHoursPerYear: 95.23,
      vialsPerYear: [
        { sizeG: 30, count: 52.18 },
        { sizeG: 10, count: 26.09 },
      ],
      costPerYear: 109575,
      warnings: [],
    });
    expect(doc.regimens[2]).toMatchObject({ route: "scig", product: "hizentra", chairHoursPerYear: 46.09 });
    expect(doc.regimens[2].warnings.map((w: { code: string }) => w.code)).toContain("NOT_LABELLED_FOR_MMN");
  });

  it("costPerYear is null without --price-per-g", async () => {
    const doc = JSON.parse((await compare(...THREE, "--format", "JSON")).stdout);
    expect(doc.pricePerG).toBeNull();
    expect(doc.regimens.map((r: { costPerYear: unknown }) => r.costPerYear)).toEqual([null, null, null]);
  });

  it("site defaults apply to the regimens of their route; a regimen's keys win", async () => {
    const run = await runInProcess(["compare", "--weight", "70", "--product", "privigen", ...THREE, "--json"]);
    const doc = JSON.parse(run.stdout);
    expect(doc.regimens.map((r: { product: string }) => r.product)).toEqual(["privigen", "privigen", "hizentra"]);
    const own = JSON.parse((await compare("--regimen", "dose=2", "--regimen", "product=octagam-10", "--json")).stdout);
    expect(own.regimens.map((r: { product: string }) => r.product)).toEqual(["gammagard-liquid", "octagam-10"]);
  });

  it("a warning names the regimen's key, not the one-patient flag", async () => {
    const doc = JSON.parse((await compare("--regimen", "dose=2", "--regimen", "days=1", "--json")).stdout);
    const day = doc.regimens[1].warnings.find((w: { code: string }) => w.code === "DAY_ABOVE_MAX_DAILY");
    expect(day.message).toMatch(/^days=1 puts 140 g/);
  });

  it("table: the patient and dosing weight, regimens as numbered columns, within 80 columns for 3", async () => {
    const run = await compare(...THREE, "--price-per-g", "60");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Dosing weight  70 kg actual weight");
    expect(run.stdout).toMatch(/^ {2}3 {2}route=scig,dose=2,every=4$/m);
    expect(run.stdout).toMatch(/^ {2}Chair hours +95\.23 +95\.23 +46\.09$/m);
    expect(run.stdout).toMatch(/^ {2}Cost \(60\.00 a gram\) +109,575\.00 +109,575\.00 +109,575\.00$/m);
    const table = run.stdout.slice(0, run.stdout.indexOf("\nWarnings ("));
    for (const line of table.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("-o writes the file; the warnings go to stderr too", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "compare-")), "out.json");
    writeFileSync(file, "old");
    const run = await compare(...THREE, "--json", "-o", file);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(JSON.parse(readFileSync(file, "utf8")).regimens).toHaveLength(3);
    expect(run.stderr).toMatch(/^mmn-dose: warning NOT_LABELLED_FOR_MMN \(regimen 3\): /m);
  });
});

describe("--regimen text is forgiving about spaces", () => {
  it("reads 'dose=2, every=4' and 'vials=10, 20' as the flags' lists are", () => {
    expect(parseRegimen("dose=2, every=4, vials=10, 20").values).toEqual({ dose: "2", every: "4", vials: "10,20" });
  });
});
