import * as z from "zod";
import { describe, expect, it } from "vitest";
import { POLICIES } from "../../src/data/policies.js";
import { PRODUCTS } from "../../src/data/products.js";
import { SOURCES } from "../../src/data/sources.js";

const source = z.strictObject({ id: z.string().min(1), title: z.string().min(10), url: z.string().regex(/^https?:\/\/\S+$/) });
const fact = <T extends z.ZodType>(value: T) =>
  z.union([
    z.strictObject({ value, source, note: z.string().optional() }),
    z.strictObject({ value: z.null(), notFound: z.string().min(10) }),
  ]);
const rate = z.number().min(0.05).max(15);

/** The catalog is checked like input: a typo in a number fails here, not at a bedside. */
const ProductSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  route: z.literal("ivig"),
  concentrationGPerMl: z.strictObject({ value: z.number().min(0.05).max(0.2), source, note: z.string().optional() }),
  vialSizesG: fact(z.array(z.number().positive().max(100)).min(1)),
  mmnIndication: z.strictObject({ value: z.boolean(), source, note: z.string().optional() }),
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

describe("product catalog", () => {
  it.each(PRODUCTS.map((p) => [p.id, p] as const))("%s validates and is internally consistent", (_id, p) => {
    expect(ProductSchema.safeParse(p).error?.issues ?? []).toEqual([]);
    const r = p.rates;
    const max = r.maxMlPerKgPerHour.value;
    if (max !== null && r.initialMlPerKgPerHour.value !== null) expect(r.initialMlPerKgPerHour.value).toBeLessThan(max);
    if (max !== null && r.atRiskMaxMlPerKgPerHour.value !== null) expect(r.atRiskMaxMlPerKgPerHour.value).toBeLessThan(max);
    const steps = r.intermediateMlPerKgPerHour.value ?? [];
    steps.forEach((s, i) => i > 0 && expect(s).toBeGreaterThan(steps[i - 1]!));
    if (p.vialSizesG.value) expect([...p.vialSizesG.value].sort((a, b) => a - b)).toEqual(p.vialSizesG.value);
  });

  it("has the issue's IVIGs with unique ids", () => {
    const ids = PRODUCTS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ["gammagard-liquid", "privigen", "gamunex-c", "octagam-10", "panzyga", "kiovig", "flebogamma-dif-10"]) {
      expect(ids).toContain(id);
    }
  });

  it("every source and policy cites a URL", () => {
    for (const s of Object.values(SOURCES)) expect(source.safeParse(s).success).toBe(true);
    for (const p of Object.values(POLICIES)) expect(p.sources.length).toBeGreaterThan(0);
  });
});
