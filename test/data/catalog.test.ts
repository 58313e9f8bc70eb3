import * as z from "zod";
import { describe, expect, it } from "vitest";
import { POLICIES } from "../../src/data/policies.js";
import { IVIG_PRODUCTS, PRODUCTS } from "../../src/data/products.js";
import { SOURCES } from "../../src/data/sources.js";

const source = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(10),
  url: z.string().regex(/^https?:\/\/\S+$/),
});
const fact = <T extends z.ZodType>(value: T) =>
  z.union([
    z.strictObject({ value, source, note: z.string().optional() }),
    z.strictObject({ value: z.null(), notFound: z.string().min(10) }),
  ]);
const rate = z.number().min(0.05).max(15);
const vialList = z.array(z.number().positive().max(100)).min(1);
/** Label-region data (--region): the EU label's MMN indication, other sizes, the name sold under. */
const regionFields = {
  vialSizesGByRegion: z.strictObject({ us: fact(vialList).optional(), eu: fact(vialList).optional() }).optional(),
  mmnIndicationEu: fact(z.boolean()),
  soldAs: z
    .strictObject({
      us: z.strictObject({ name: z.string(), productId: z.string() }).optional(),
      eu: z.strictObject({ name: z.string(), productId: z.string() }).optional(),
    })
    .optional(),
};

/** The catalog is checked like input: a typo in a number fails here, not at a bedside. */
const ProductSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  route: z.literal("ivig"),
  concentrationGPerMl: z.strictObject({ value: z.number().min(0.05).max(0.2), source, note: z.string().optional() }),
  vialSizesG: fact(vialList),
  mmnIndication: z.strictObject({ value: z.boolean(), source, note: z.string().optional() }),
  ...regionFields,
  rates: z.strictObject({
    indication: z.string().min(3),
    initialMlPerKgPerHour: fact(rate),
    stepMinutes: fact(z.number().int().min(5).max(120)),
    intermediateMlPerKgPerHour: fact(z.array(rate)),
    maxMlPerKgPerHour: fact(rate),
    firstInfusionMaxMlPerKgPerHour: z.strictObject({ value: rate, source, note: z.string().optional() }).optional(),
    atRiskMaxMlPerKgPerHour: fact(rate),
  }),
});

const ml = z.number().positive().max(1000);
const phase = z.strictObject({ maxMlPerSite: fact(ml), maxMlPerHourPerSite: fact(ml), maxMlPerHourTotal: fact(ml) });
const sourced = <T extends z.ZodType>(value: T) => z.strictObject({ value, source, note: z.string().optional() });
const ScigSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  route: z.literal("scig"),
  concentrationGPerMl: sourced(z.number().min(0.05).max(0.25)),
  vialSizesG: fact(vialList),
  mmnIndication: sourced(z.boolean()),
  ...regionFields,
  labelFactor: fact(z.number().min(1).max(2)),
  firstInfusions: sourced(z.number().int().min(0).max(10)),
  first: phase,
  later: phase,
  maxSites: fact(z.number().int().min(1).max(12)),
  maxSitesConsecutive: sourced(z.number().int().min(1).max(24)).optional(),
  intervalsWeeks: sourced(z.array(z.number().int().min(1).max(4)).min(1)),
  limitsFromKg: z.number().min(0),
  facilitated: z
    .strictObject({
      hyaluronidaseMlPerG: sourced(z.number().positive()),
      maxMlPerDay: sourced(z.number().positive().max(2000)),
      maxMlPerSiteWith3Sites: sourced(ml),
      siteRateStepsFirst: sourced(z.array(ml)),
      siteRateStepsLater: sourced(z.array(ml)),
      stepMinutes: sourced(z.number().int().positive()),
      rampUp: sourced(z.string()),
    })
    .optional(),
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
