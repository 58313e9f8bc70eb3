import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { phrased, phrasedRemedy } from "../../src/cli/optionWords.js";
import { option } from "../../src/core/optionKeys.js";
import { IVIG_PRODUCTS, SCIG_PRODUCTS } from "../../src/data/products.js";
import { runInProcess } from "../helpers/inProcess.js";

// The core names an option as data; the CLI says it once, in its reader's words: flags for the
// one-patient command, the keys a script or a plan sends for a batch line and a plan file.

/** The private-use characters of a mention: none may ever reach any output. */
const MENTION_CHARS = /[\u{E000}-\u{E002}]/u;

describe("a mention in each reader's words", () => {
  it.each([
    ["--max-daily", "'maxDaily'", option("maxDaily")],
    ["--days 3", "'days': 3", option("days", 3)],
    ["--round none", "'round': 'none'", option("round", "none")],
    ["--no-skip-weekends", "'skipWeekends': false", option("skipWeekends", false)],
    ["--at-risk", "'atRisk': true", option("atRisk", true)],
    ["--vials 10,20", "'vials': [10,20]", option("vials", [10, 20])],
    ["--scig-product hyqvia", "'scigProduct': 'hyqvia'", option("scigProduct", "hyqvia")],
  ])("%s / %s", (flags, keys, mention) => {
    expect(phrased(`use ${mention} instead`, "flags")).toBe(`use ${flags} instead`);
    expect(phrased(`use ${mention} instead`, "keys")).toBe(`use ${keys} instead`);
  });

  it("a remedy is flags to append, or for a batch line a JSON object of the keys to set on it", () => {
    expect(phrasedRemedy(option("days", 3), "flags")).toBe("--days 3");
    expect(phrasedRemedy(option("days", 3), "keys")).toBe('{"days":3}');
    expect(phrasedRemedy(option("atRisk", true), "keys")).toBe('{"atRisk":true}');
    expect(phrasedRemedy(option("skipWeekends", false), "keys")).toBe('{"skipWeekends":false}');
    expect(phrasedRemedy(option("dosingWeight", "actual"), "keys")).toBe('{"dosingWeight":"actual"}');
  });

  it("text without a mention is left as it is, even one that looks like a flag", () => {
    expect(phrased("got '--route'", "keys")).toBe("got '--route'");
  });
});

const lineInput = (lines: readonly object[]) => {
  const text = `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`;
  return {
    readInput: async function* () {
      yield Buffer.from(text);
    },
  };
};

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Batch lines over the options the core's messages name, often outside what plans (refusals too). */
const line = fc
  .record({
    weight: fc.integer({ min: 2, max: 250 }),
    height: opt(fc.integer({ min: 60, max: 210 })),
    sex: opt(fc.constantFrom("male", "female")),
    policy: opt(fc.constantFrom("ontario", "australia", "uk")),
    dosingWeight: opt(fc.constantFrom("actual", "ideal", "adjusted", "bmi30")),
    age: opt(fc.integer({ min: 10, max: 95 })),
    pregnant: opt(fc.boolean()),
    dose: fc.constantFrom(0.4, 1, 2),
    every: fc.integer({ min: 1, max: 8 }),
    days: opt(fc.integer({ min: 1, max: 5 })),
    maxDaily: opt(fc.constantFrom(0.2, 0.5, 1, 2)),
    round: opt(fc.constantFrom("none", "vial", "5g")),
    vials: opt(fc.constantFrom([20], [5, 10], [30])),
    product: fc.constantFrom(...IVIG_PRODUCTS.map((p) => p.id)),
    maxRate: opt(fc.constantFrom(1, 4, 9)),
    stepMinutes: opt(fc.constantFrom(5, 30)),
    atRisk: opt(fc.boolean()),
    skipWeekends: opt(fc.boolean()),
    scig: fc.boolean(),
    scigProduct: fc.constantFrom(...SCIG_PRODUCTS.map((p) => p.id)),
    scigEvery: opt(fc.integer({ min: 1, max: 4 })),
    sessions: opt(fc.constantFrom(1, 2)),
    start: fc.constantFrom("2026-12-07", "2027-01-04"),
  })
  .map(({ scig, scigProduct, scigEvery, sessions, product, ...rest }) => {
    const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    return scig
      ? {
          ...defined,
          route: "scig",
          scigProduct,
          ...(scigEvery ? { scigEvery } : {}),
          ...(sessions ? { sessions } : {}),
        }
      : { ...defined, product };
  });

/** The same line as the one-patient command's arguments. */
function argsOf(record: Record<string, unknown>): string[] {
  return Object.entries(record).flatMap(([key, value]) => {
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    if (typeof value === "boolean")
      return key === "skipWeekends" && !value ? ["--no-skip-weekends"] : value ? [flag] : [];
    return [flag, Array.isArray(value) ? value.join(",") : String(value)];
  });
}

describe("no mention ever reaches any output", () => {
  const formats = [
    ["--json"],
    ["--explain"],
    ["--format", "csv"],
    ["--format", "ics"],
    ["--format", "html"],
    ["--format", "fhir"],
    [],
  ];

  test.prop([line, fc.constantFrom(...formats)], { numRuns: 60 })(
    "one patient, every format, planned or refused: stdout and stderr",
    async (record, format) => {
      const r = await runInProcess([...argsOf(record), "--courses", "2", ...format]);
      expect(r.status === 0 || r.status === 2, r.stderr).toBe(true);
      expect(r.stdout).not.toMatch(MENTION_CHARS);
      expect(r.stderr).not.toMatch(MENTION_CHARS);
      if (r.status === 2) expect(r.stderr).toMatch(/^mmn-dose: /);
    },
  );

  test.prop([fc.array(line, { minLength: 1, maxLength: 4 }), fc.constantFrom("json", "csv", "fhir")], { numRuns: 40 })(
    "batch lines, planned or refused, in JSON, CSV and FHIR",
    async (records, format) => {
      const r = await runInProcess(
        ["batch", "--format", format],
        lineInput(records.map((l) => ({ ...l, courses: 2 }))),
      );
      expect(r.stdout).not.toMatch(MENTION_CHARS);
      expect(r.stderr).not.toMatch(MENTION_CHARS);
      // A line names the keys it sent, never a flag (a value echoed back is quoted as sent).
      if (format === "json")
        for (const text of r.stdout.match(/"message":"[^"]*"/g) ?? []) expect(text).not.toMatch(/ --[a-z]/);
    },
  );
});

interface LineMessage {
  readonly code: string;
  readonly message: string;
  readonly remedies?: readonly string[];
}
interface LineOut {
  readonly error?: { readonly code: string; readonly message: string };
  readonly warnings: readonly LineMessage[];
  readonly notes: readonly LineMessage[];
  readonly infusions: readonly { readonly doseG: number }[];
}

/** One batch line's result (or error). */
async function batchLine(record: object): Promise<LineOut> {
  const r = await runInProcess(["batch"], lineInput([record]));
  return JSON.parse(r.stdout.trim());
}

describe("a batch line's remedy is a JSON object of keys: set on the line, the line is accepted", () => {
  it("50 kg, 2 g/kg, 20 g vials: 100 g in 2 days of whole vials is 60 + 40 g, 60 g is 20 % over the 50 g cap", async () => {
    // 50 kg × 1 g/kg = 50 g a day; 3 days of 20 g vials: 40 + 40 + 20 g; unrounded: 50 + 50 g.
    const sent = { weight: 50, dose: 2, every: 4, vials: [20], courses: 1, start: "2027-01-04" };
    const out = await batchLine(sent);
    const w = out.warnings.find((m) => m.code === "ROUNDED_DAY_ABOVE_MAX_DAILY")!;
    expect(w.remedies).toEqual(['{"days":3}', '{"round":"none"}']);
    const [days3, roundNone] = w.remedies!;
    expect(w.message).toContain("'days': 3 or 'round': 'none' would keep each day within it");
    const days = await batchLine({ ...sent, ...JSON.parse(days3!) });
    expect(days.error).toBeUndefined();
    expect(days.infusions.map((i) => i.doseG)).toEqual([40, 40, 20]);
    const none = await batchLine({ ...sent, ...JSON.parse(roundNone!) });
    expect(none.infusions.map((i) => i.doseG)).toEqual([50, 50]);
  });

  test.prop([line], { numRuns: 60 })("every remedy of a random line, merged into it, is accepted", async (record) => {
    const sent = { ...record, courses: 2 };
    const out = await batchLine(sent);
    if (out.error) return;
    for (const m of [...out.warnings, ...out.notes]) {
      for (const remedy of m.remedies ?? []) {
        const again = await batchLine({ ...sent, ...JSON.parse(remedy) });
        expect(again.error, `${m.code} offers ${remedy} for ${JSON.stringify(sent)}`).toBeUndefined();
      }
    }
  });
});
