import * as z from "zod/mini";
import { describe, expect, it } from "vitest";
import { POLICIES } from "../../src/data/policies.js";
import { IVIG_PRODUCTS, PRODUCTS } from "../../src/data/products.js";
import { SOURCES } from "../../src/data/sources.js";

const opt = z.optional;
const text = (min: number) => z.string().check(z.minLength(min));
const num = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));
const int = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));
const positive = (max = Number.MAX_SAFE_INTEGER) => z.number().check(z.positive(), z.lte(max));
const id = z.string().check(z.regex(/^[a-z0-9-]+$/));

const source = z.strictObject({
  id: text(1),
  title: text(10),
  url: z.string().check(z.regex(/^https?:\/\/\S+$/)),
});
const fact = <T extends z.ZodMiniType>(value: T) =>
  z.union([
    z.strictObject({ value, source, note: opt(z.string()) }),
    z.strictObject({ value: z.null(), notFound: text(10) }),
  ]);
const sourced = <T extends z.ZodMiniType>(value: T) => z.strictObject({ value, source, note: opt(z.string()) });
const rate = num(0.05, 15);
const vialList = z.array(positive(100)).check(z.minLength(1));
/** Label-region data (--region): the EU label's MMN indication, other sizes, the name sold under. */
const regionFields = {
  vialSizesGByRegion: opt(z.strictObject({ us: opt(fact(vialList)), eu: opt(fact(vialList)) })),
  mmnIndicationEu: fact(z.boolean()),
  soldAs: opt(
    z.strictObject({
      us: opt(z.strictObject({ name: z.string(), productId: z.string() })),
      eu: opt(z.strictObject({ name: z.string(), productId: z.string() })),
    }),
  ),
  // A package NDC (US label, FHIR coding): labeler-product-package, 10 digits in 4-4-2 or 5-3-2 or 5-4-1.
  usPackageNdcs: opt(
    sourced(
      z
        .array(
          z.strictObject({
            code: z.string().check(z.regex(/^(\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1})$/)),
            display: text(5),
          }),
        )
        .check(z.minLength(1)),
    ),
  ),
};

/** The catalog is checked like input: a typo in a number fails here, not at a bedside. */
const ProductSchema = z.strictObject({
  id,
  name: z.string(),
  route: z.literal("ivig"),
  concentrationGPerMl: sourced(num(0.05, 0.2)),
  vialSizesG: fact(vialList),
  mmnIndication: sourced(z.boolean()),
  ...regionFields,
  rates: z.strictObject({
    indication: text(3),
    initialMlPerKgPerHour: fact(rate),
    stepMinutes: fact(int(5, 120)),
    intermediateMlPerKgPerHour: fact(z.array(rate)),
    maxMlPerKgPerHour: fact(rate),
    firstInfusionMaxMlPerKgPerHour: opt(sourced(rate)),
    atRiskMaxMlPerKgPerHour: fact(rate),
    atRiskBelowMlPerKgPerHour: opt(sourced(rate)),
    minStepMinutes: opt(sourced(int(5, 120))),
  }),
});

const ml = positive(1000);
const phase = z.strictObject({ maxMlPerSite: fact(ml), maxMlPerHourPerSite: fact(ml), maxMlPerHourTotal: fact(ml) });
const limits = z.strictObject({
  firstInfusions: sourced(int(0, 10)),
  first: phase,
  later: phase,
  maxSites: fact(int(1, 12)),
});
const ScigSchema = z.strictObject({
  id,
  name: z.string(),
  route: z.literal("scig"),
  concentrationGPerMl: sourced(num(0.05, 0.25)),
  vialSizesG: fact(vialList),
  mmnIndication: sourced(z.boolean()),
  ...regionFields,
  labelFactor: fact(num(1, 2)),
  firstInfusions: sourced(int(0, 10)),
  first: phase,
  later: phase,
  maxSites: fact(int(1, 12)),
  maxSitesConsecutive: opt(sourced(int(1, 24))),
  intervalsWeeks: sourced(z.array(int(1, 4)).check(z.minLength(1))),
  limitsFromKg: z.number().check(z.gte(0)),
  limitsByRegion: opt(z.strictObject({ us: opt(limits), eu: opt(limits) })),
  facilitated: opt(
    z.strictObject({
      hyaluronidaseMlPerG: sourced(positive()),
      maxMlPerDay: sourced(positive(2000)),
      maxMlPerSiteWith3Sites: sourced(ml),
      siteRateStepsFirst: sourced(z.array(ml)),
      siteRateStepsLater: sourced(z.array(ml)),
      stepMinutes: sourced(z.int().check(z.positive())),
      rampUp: sourced(z.string()),
    }),
  ),
});

describe("product catalog", () => {
  it.each(PRODUCTS.filter((p) => p.route === "scig").map((p) => [p.id, p] as const))(
    "%s (SCIG) validates",
    (_id, p) => {
      expect(ScigSchema.safeParse(p).error?.issues ?? []).toEqual([]);
      if (p.route !== "scig") return;
      expect(p.first.maxMlPerSite.value ?? 0).toBeLessThanOrEqual(p.later.maxMlPerSite.value ?? Infinity);
    },
  );

  it.each(IVIG_PRODUCTS.map((p) => [p.id, p] as const))("%s validates and is internally consistent", (_id, p) => {
    expect(ProductSchema.safeParse(p).error?.issues ?? []).toEqual([]);
    const r = p.rates;
    const max = r.maxMlPerKgPerHour.value;
    if (max !== null && r.initialMlPerKgPerHour.value !== null) expect(r.initialMlPerKgPerHour.value).toBeLessThan(max);
    if (max !== null && r.atRiskMaxMlPerKgPerHour.value !== null)
      expect(r.atRiskMaxMlPerKgPerHour.value).toBeLessThan(max);
    const steps = r.intermediateMlPerKgPerHour.value ?? [];
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]!);
    if (p.vialSizesG.value) expect([...p.vialSizesG.value].sort((a, b) => a - b)).toEqual(p.vialSizesG.value);
  });

  it("has the issue's IVIGs with unique ids", () => {
    const ids = PRODUCTS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "gammagard-liquid",
      "privigen",
      "gamunex-c",
      "octagam-10",
      "panzyga",
      "kiovig",
      "flebogamma-dif-10",
      "hizentra",
      "cuvitru",
      "xembify",
      "cutaquig",
      "hyqvia",
      "gammagard-liquid-sc",
    ]) {
      expect(ids).toContain(id);
    }
  });

  it("every source and policy cites a URL", () => {
    for (const s of Object.values(SOURCES)) expect(source.safeParse(s).success).toBe(true);
    for (const p of Object.values(POLICIES)) expect(p.sources.length).toBeGreaterThan(0);
  });
});
