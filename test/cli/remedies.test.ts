import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { runInProcess } from "../helpers/inProcess.js";
import { addCalendarDays } from "../../src/core/calendarDate.js";
import { findScigProduct, IVIG_PRODUCTS, SCIG_PRODUCTS } from "../../src/data/products.js";

/**
 * Every remedy a warning or note names, appended to the same arguments, is
 * accepted (exit 0); SCIG chair time is finite and under 24 h, sites at once within the label, and no
 * rate is 0 or below. Runs the CLI in-process (`main`), as a user's command line would.
 */
const run = (argv: readonly string[]) => runInProcess(argv, { systemTimeZone: () => "UTC" });

interface Message {
  readonly code: string;
  readonly message: string;
  readonly remedies?: readonly string[];
}
interface Output {
  readonly warnings: Message[];
  readonly notes: Message[];
  readonly regimen: { readonly route: string; readonly product: string };
  readonly infusions: {
    durationMinutes: number;
    sites?: number;
    sitesAtOnce?: number;
    siteRounds?: number;
    ratePlan: { mlPerHour: number }[];
  }[];
}

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const start = fc.integer({ min: 0, max: 400 }).map((d) => addCalendarDays("2026-01-05", d));

/** Random regimens, IVIG and SCIG, with the patient data and options the remedies touch. */
const regimen = fc
  .record({
    route: fc.constantFrom("ivig", "scig"),
    weight: fc.integer({ min: 40, max: 200 }),
    body: opt(fc.record({ height: fc.integer({ min: 90, max: 205 }), sex: fc.constantFrom("male", "female") })),
    policy: opt(fc.constantFrom("ontario", "australia", "uk")),
    age: opt(fc.integer({ min: 10, max: 90 })),
    pregnant: fc.boolean(),
    dose: fc.constantFrom("0.4", "1", "1.6", "2"),
    every: fc.integer({ min: 1, max: 8 }),
    days: opt(fc.integer({ min: 1, max: 5 })),
    round: opt(fc.constantFrom("none", "vial", "5g")),
    product: fc.constantFrom(...IVIG_PRODUCTS.map((p) => p.id)),
    atRisk: fc.boolean(),
    scigProduct: fc.constantFrom(...SCIG_PRODUCTS.map((p) => p.id)),
    scigEvery: opt(fc.integer({ min: 1, max: 4 })),
    sessions: opt(fc.constantFrom(1, 2)),
    scigFactor: opt(fc.constantFrom("1", "1.3", "1.37", "1.53")),
    start,
    skipWeekends: fc.boolean(),
    avoid: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 3 }),
  })
  .map((o) => {
    const args = [
      "--weight",
      String(o.weight),
      "--start",
      o.start,
      "--courses",
      "2",
      "--dose",
      o.dose,
      "--every",
      String(o.every),
      "--json",
    ];
    if (o.body) args.push("--height", String(o.body.height), "--sex", o.body.sex);
    if (o.body && o.policy) args.push("--policy", o.policy);
    if (o.age !== undefined) args.push("--age", String(o.age));
    if (o.pregnant) args.push("--pregnant");
    if (o.round) args.push("--round", o.round);
    if (o.skipWeekends) args.push("--skip-weekends");
    if (o.avoid.length > 0)
      args.push("--avoid", [...new Set(o.avoid.map((d) => addCalendarDays(o.start, d)))].join(","));
    if (o.route === "ivig") {
      args.push("--product", o.product);
      if (o.days !== undefined) args.push("--days", String(o.days));
      if (o.atRisk) args.push("--at-risk");
      if (o.product === "octagam-10") args.push("--vials", "5,10");
    } else {
      const p = findScigProduct(o.scigProduct)!;
      args.push("--route", "scig", "--scig-product", p.id);
      if (o.scigEvery !== undefined && p.intervalsWeeks.value.includes(o.scigEvery))
        args.push("--scig-every", String(o.scigEvery));
      if (o.sessions !== undefined && !p.facilitated) args.push("--sessions", String(o.sessions));
      if (o.scigFactor) args.push("--scig-factor", o.scigFactor);
      if (p.vialSizesG.value === null) args.push("--vials", "5,10,20");
    }
    return args;
  });

/** The plan of an accepted command, or undefined when the command is refused (exit 2 with a reason). */
async function plan(args: readonly string[]): Promise<Output | undefined> {
  const r = await run(args);
  if (r.status === 2) return undefined;
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Output;
}

describe("the remedy invariant", () => {
  test.prop([regimen], { numRuns: 200 })(
    "every remedy a warning or note names, appended to the same arguments, is accepted",
    async (args) => {
      const out = await plan(args);
      if (!out) return;
      for (const m of [...out.warnings, ...out.notes]) {
        for (const remedy of m.remedies ?? []) {
          const again = await run([...args, ...remedy.split(" ")]);
          expect(again.status, `${m.code} offers '${remedy}' for: mmn-dose ${args.join(" ")}\n${again.stderr}`).toBe(0);
        }
      }
    },
  );

  test.prop([regimen], { numRuns: 150 })(
    "SCIG chair time is finite and under 24 h, sites at once within the label; no rate is 0 or below",
    async (args) => {
      const out = await plan(args);
      if (!out) return;
      for (const i of out.infusions) {
        expect(i.ratePlan.length).toBeGreaterThan(0);
        for (const step of i.ratePlan) expect(step.mlPerHour).toBeGreaterThan(0);
        expect(Number.isFinite(i.durationMinutes)).toBe(true);
        expect(i.durationMinutes).toBeGreaterThan(0);
        if (out.regimen.route !== "scig") continue;
        expect(i.durationMinutes).toBeLessThanOrEqual(24 * 60);
        const max = findScigProduct(out.regimen.product)!.maxSites.value ?? Infinity;
        expect(i.sitesAtOnce!).toBeLessThanOrEqual(max);
        expect(i.sitesAtOnce! * i.siteRounds!).toBeGreaterThanOrEqual(i.sites!);
      }
    },
  );
});
