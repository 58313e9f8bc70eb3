import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { IVIG_IDS, SCIG_IDS, type ValueSpec, VALUE_OPTIONS } from "../../src/cli/options.js";
import { checkScheduleOptions, optionCheck } from "../../src/cli/validate.js";

/** One object of every option's check, built at once: what checkScheduleOptions must answer like. */
const everyOption = z.object(Object.fromEntries(VALUE_OPTIONS.map((o) => [o.key, optionCheck(o.key)!])));

/** Texts an option of this kind accepts, and near misses it refuses. */
function textsFor(value: ValueSpec): string[] {
  switch (value.kind) {
    case "flag":
      return ["true"];
    case "decimal":
    case "list":
      return [String(value.limits.min), String(value.limits.max), String(value.limits.max + 1), "1,2", "2,1", "x"];
    case "choice":
      return [...value.choices, value.choices[0]!.toUpperCase(), ...Object.keys(value.aliases ?? {}), "zzz"];
    case "product":
      return [...IVIG_IDS.slice(0, 2), ...SCIG_IDS.slice(0, 2), "Privigen", "privgen"];
    default:
      return [
        "2026-12-01",
        "2026-02-30",
        "2026-12-01,2026-12-08",
        "70",
        "154lb",
        "5ft9in",
        "175cm",
        "9:00",
        "24:00",
        "Europe/London",
        "Mars/Base",
        "label",
        "0.8",
        "Patient/123",
        "Patient/..",
        "",
      ];
  }
}

const KEYS = VALUE_OPTIONS.map((o) => o.key);
const entry = fc.constantFrom(...VALUE_OPTIONS).chain((o) =>
  fc.tuple(
    fc.constant(o.key),
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...textsFor(o.value)) },
      { weight: 1, arbitrary: fc.boolean() },
      // A config file or a batch line may send any JSON value, or no value at all.
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
  ),
);
const unknownEntry = fc.tuple(
  fc.constantFrom("notAnOption", "toString", "weightKg", "WEIGHT"),
  fc.jsonValue({ maxDepth: 1 }),
);
const rawOptions = fc
  .oneof(
    { weight: 8, arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: entry }, unknownEntry), { maxLength: 8 }) },
    { weight: 1, arbitrary: fc.constant(null) },
  )
  .map((entries) => (entries === null ? null : Object.fromEntries(entries)));
const notAnObject = fc.oneof(
  fc.jsonValue({ maxDepth: 1 }).filter((v) => typeof v !== "object"),
  fc.constant([]),
);

/** What a caller sees of a check's answer: the data with its keys in order, or every issue's path and message. */
function answer(result: ReturnType<typeof checkScheduleOptions>): unknown {
  return result.success
    ? { data: result.data, keys: Object.keys(result.data) }
    : { issues: result.error.issues.map((i) => ({ path: i.path, message: i.message })) };
}

describe("checkScheduleOptions: the checks of the options given only", () => {
  it("answers as one object of every option's check: the same data, or the same issues in the same order", () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: rawOptions }, notAnObject), (raw) => {
        expect(answer(checkScheduleOptions(raw))).toStrictEqual(answer(everyOption.safeParse(raw)));
      }),
      { numRuns: 600 },
    );
  });

  it("reports the first bad option in the options table's order, not the order the keys were given", () => {
    expect(KEYS.indexOf("weight")).toBeLessThan(KEYS.indexOf("dose"));
    const result = checkScheduleOptions({ dose: "9", weight: "x" });
    expect(result.success).toBe(false);
    expect(String(result.error!.issues[0]!.path[0])).toBe("weight");
  });

  it("keeps a key given as undefined, drops unknown keys and leaves absent ones absent", () => {
    const result = checkScheduleOptions({ weight: "70", height: undefined, notAnOption: "1" });
    expect(result.success).toBe(true);
    expect(Object.keys(result.data!)).toEqual(["weight", "height"]);
    expect(result.data).toStrictEqual({ weight: 70, height: undefined });
  });
});
