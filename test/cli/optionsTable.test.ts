// The options table (src/cli/options.ts) is the single source: --help, validation, site settings,
// batch keys and route checks all come from it. These tests pin what each consumer derives.
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/inProcess.js";
import {
  envName,
  longFlagOf,
  OPTION_GROUPS,
  PATIENT_KEYS,
  routeOnly,
  SCHEDULE_OPTIONS,
  SITE_KEYS,
} from "../../src/cli/options.js";
import { optionCheck } from "../../src/cli/validate.js";

async function run(argv: string[]) {
  const { status, stdout, stderr } = await runInProcess(argv, { env: { HOME: "/nonexistent" } });
  return { code: status, out: stdout, err: stderr };
}

/** A value each option accepts, so that only the route is wrong. */
const GOOD_VALUE: Record<string, string> = {
  product: "privigen",
  scigProduct: "cuvitru",
  stepMinutes: "20",
  lastIvig: "2026-11-24",
  lastCourse: "2026-11-03",
  lastScig: "2026-11-24",
};

describe("options table", () => {
  it("--help lists every option under its group's heading, the groups in order", async () => {
    const { code, out } = await run(["--help"]);
    expect(code).toBe(0);
    const headings = OPTION_GROUPS.map((g) => out.indexOf(`\n${g}\n`));
    expect(headings.every((at) => at > 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    for (const spec of SCHEDULE_OPTIONS) {
      const at = out.indexOf(`  ${spec.flags}`);
      const g = OPTION_GROUPS.indexOf(spec.group);
      expect(at, spec.flags).toBeGreaterThan(headings[g]!);
      if (g + 1 < headings.length) expect(at, spec.flags).toBeLessThan(headings[g + 1]!);
    }
  });

  it("gives every option with a value a check in the schema, and nothing else", () => {
    // --no-skip-weekends shares its key with --skip-weekends, which has the check.
    const checked = new Set(SCHEDULE_OPTIONS.filter((o) => o.value !== undefined).map((o) => o.key));
    for (const spec of SCHEDULE_OPTIONS)
      expect(optionCheck(spec.key) !== undefined, spec.key).toBe(checked.has(spec.key));
    expect(optionCheck("notAnOption")).toBeUndefined();
  });

  it("derives the site settings, their variables and patient data as before", () => {
    expect(SITE_KEYS).toEqual([
      "region",
      "product",
      "vials",
      "policy",
      "round",
      "maxDaily",
      "maxRate",
      "stepMinutes",
      "rateSteps",
      "scigProduct",
      "skipWeekends",
      "avoid",
      "tz",
      "time",
    ]);
    expect(envName("maxDaily")).toBe("MMN_DOSE_MAX_DAILY");
    expect([...PATIENT_KEYS].sort()).toEqual(
      [
        "weight",
        "height",
        "sex",
        "age",
        "pregnant",
        "dose",
        "every",
        "days",
        "courses",
        "until",
        "start",
        "lastIvig",
        "lastCourse",
        "coursesGiven",
        "lastProduct",
        "lastScig",
        "doses",
        "patientRef",
        "id",
        "name",
      ].sort(),
    );
  });

  it("refuses each option of one route on the other, naming it", async () => {
    for (const [route, other] of [
      ["ivig", "scig"],
      ["scig", "ivig"],
    ] as const) {
      for (const spec of routeOnly(route, true)) {
        const value = spec.value?.kind === "flag" ? [] : [GOOD_VALUE[spec.key] ?? "2"];
        const args = ["--weight", "70", "--route", other, longFlagOf(spec.key), ...value];
        const { code, err } = await run(args);
        expect(code, args.join(" ")).toBe(2);
        expect(err).toContain(`${longFlagOf(spec.key)} applies to --route ${route} only`);
      }
    }
  });
});
