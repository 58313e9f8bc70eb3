import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/inProcess.js";

/** Runs the CLI in-process with a fake terminal-less Io. */
const run = (argv: string[], env: Record<string, string> = {}) => runInProcess(argv, { env });

const pairs = (...flags: [string, string][]) => flags;

describe("argument order never changes the result", () => {
  const options = pairs(
    ["--weight", "100"],
    ["--height", "5ft9in"],
    ["--sex", "male"],
    ["--policy", "ontario"],
    ["--start", "2026-12-01"],
    ["--age", "54"],
    ["--courses", "2"],
  );
  test.prop(
    [
      fc.shuffledSubarray(options, { minLength: options.length, maxLength: options.length }),
      fc.constantFrom("ontario", "australia", "uk"),
    ],
    {
      numRuns: 25,
    },
  )("--policy results are the same for any order of the options", async (shuffled, policy) => {
    const argv = (list: [string, string][]) =>
      list.flatMap(([k, v]) => [k, k === "--policy" ? policy : v]).concat("--json");
    const a = await run(argv(options));
    const b = await run(argv(shuffled));
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });
});

describe("dosing weight through the CLI", () => {
  it("shows kg and cm with what was typed, BMI, ideal and adjusted weight, and the rule", async () => {
    const r = await run([
      "--weight",
      "220lb",
      "--height",
      "5ft9in",
      "--sex",
      "male",
      "--policy",
      "ontario",
      "--start",
      "2026-12-01",
      "--json",
    ]);
    expect(r.status).toBe(0);
    const p = JSON.parse(r.stdout).patient;
    expect(p).toMatchObject({
      weightAsEntered: "220lb",
      heightAsEntered: "5ft9in",
      sex: "male",
      dosingWeightBasis: "adjusted",
      dosingWeightRule: "policy:ontario",
      policy: "ontario",
    });
    expect(p.weightKg).toBeCloseTo(99.79, 2);
    expect(p.heightCm).toBeCloseTo(175.26, 2);
    expect(p.idealWeightKg).toBeCloseTo(70.7, 2);
    expect(p.bmi).toBeCloseTo(32.49, 2);
    const table = await run([
      "--weight",
      "220lb",
      "--height",
      "5ft9in",
      "--sex",
      "male",
      "--policy",
      "ontario",
      "--start",
      "2026-12-01",
    ]);
    expect(table.stdout).toContain("99.79 kg (typed 220lb), 175.3 cm (typed 5ft9in), male, BMI 32.5");
    expect(table.stdout).toContain("Ideal weight");
    expect(table.stdout).toContain("adjusted weight: height ≥ 152.4 cm and weight > 50 kg (male) [--policy ontario]");
  });

  it("D4 through --policy ontario: 164.56 g -> 165 g", async () => {
    const r = await run([
      "--weight",
      "100",
      "--height",
      "175",
      "--sex",
      "male",
      "--policy",
      "ontario",
      "--start",
      "2026-12-01",
      "--json",
    ]);
    const doc = JSON.parse(r.stdout);
    expect(doc.regimen.exactCourseDoseG).toBeCloseTo(164.557, 3);
    expect(doc.regimen.courseDoseG).toBe(165);
    expect(doc.regimen).toMatchObject({ rounding: "5g", roundingSource: "policy" });
  });

  it.each([
    ["D5", ["--weight", "90", "--height", "160", "--sex", "female"], 135],
    ["D6", ["--weight", "120", "--height", "180", "--sex", "male"], 185],
    ["D7", ["--weight", "70", "--height", "165", "--sex", "female"], 125],
    ["D8", ["--weight", "70", "--height", "170", "--sex", "male"], 135],
  ])("%s through --policy ontario", async (_name, args, grams) => {
    const r = await run([...args, "--policy", "ontario", "--start", "2026-12-01", "--json"]);
    expect(JSON.parse(r.stdout).regimen.courseDoseG).toBe(grams);
  });

  it("an explicit --round overrides the policy's and the output says so", async () => {
    const r = await run([
      "--weight",
      "100",
      "--height",
      "175",
      "--sex",
      "male",
      "--policy",
      "ontario",
      "--round",
      "none",
      "--start",
      "2026-12-01",
      "--json",
    ]);
    const doc = JSON.parse(r.stdout);
    expect(doc.regimen).toMatchObject({ rounding: "none", roundingSource: "option", courseDoseG: 164.56 });
    expect(doc.notes.map((n: { code: string }) => n.code)).toContain("ROUNDING_OVERRIDES_POLICY");
  });

  it("Australia rounds to whole vials", async () => {
    const r = await run([
      "--weight",
      "100",
      "--height",
      "175",
      "--sex",
      "male",
      "--policy",
      "australia",
      "--start",
      "2026-12-01",
      "--json",
    ]);
    expect(JSON.parse(r.stdout).regimen).toMatchObject({ rounding: "vial", courseDoseG: 164.5 });
  });

  it.each([
    [["--weight", "100", "--policy", "ontario"], "--height is required"],
    [["--weight", "100", "--height", "175", "--dosing-weight", "adjusted"], "--sex male|female is required"],
    [["--weight", "100", "--height", "5ft"], ""],
    [["--weight", "100", "--height", "5ft9"], "--height must be a height from 50 to 250 cm"],
    [["--weight", "100", "--height", "-175"], "--height must be"],
    [["--weight", "100", "--height", "400"], "--height must be"],
    [["--weight", "100", "--height", "175mm"], "--height must be"],
    [["--weight", "70st"], "--weight must be"],
    [["--weight", "100", "--weight", "70"], "--weight was given twice ('100' and '70'): give it once"],
    [["--weight", "100", "--sex", "x"], "--sex must be one of male, female"],
    [["--weight", "100", "--policy", "france"], "--policy must be one of ontario, australia, uk, none"],
    [["--weight", "100", "--dosing-weight", "lean"], "--dosing-weight must be one of"],
    [["--weight", "100", "--age", "-3"], "--age must be a number from 0 to 120"],
  ])("%j", async (args, message) => {
    const r = await run(args);
    if (message === "") {
      expect(r.status).toBe(0);
      return;
    }
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toContain(message);
  });
});
