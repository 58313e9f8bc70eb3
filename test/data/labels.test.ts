import { describe, expect, it } from "vitest";
import { planSchedule } from "../../src/core/schedule.js";
import { MAX_DAILY_G_PER_KG } from "../../src/data/guidelines.js";
import { scheduleInput } from "../helpers/input.js";
import {
  findProduct,
  findScigProduct,
  mmnIndicationFor,
  PRODUCTS,
  vialSizesFor,
  type Product,
} from "../../src/data/products.js";

// Expected values typed from the labels (docs/clinical.md §12 and the pages cited), not from the tool.
const ivig = (id: string) => findProduct(id)!;
const scig = (id: string) => findScigProduct(id)!;
const url = (f: { source?: { url: string } } | object) => ("source" in f ? f.source!.url : null);

describe("filled vial sizes, each from the maker's page or a primary label", () => {
  it("Octagam 10 %: 2, 5, 10, 20, 30 g (Octapharma), so it no longer needs --vials", () => {
    expect(ivig("octagam-10").vialSizesG.value).toEqual([2, 5, 10, 20, 30]);
    expect(url(ivig("octagam-10").vialSizesG)).toBe("https://octagam.com/dosing-and-infusion");
  });

  it("HyQvia: 2.5, 5, 10, 20, 30 g (EU SmPC section 2)", () => {
    expect(scig("hyqvia").vialSizesG.value).toEqual([2.5, 5, 10, 20, 30]);
  });

  it("Privigen: US 5, 10, 20, 40 g (DailyMed); EU adds 2.5 g (EU SmPC), not an aggregator", () => {
    const p = ivig("privigen");
    expect(vialSizesFor(p, "us").value).toEqual([5, 10, 20, 40]);
    expect(url(vialSizesFor(p, "us"))).toContain("dailymed");
    expect(vialSizesFor(p, "eu").value).toEqual([2.5, 5, 10, 20, 40]);
    expect(url(vialSizesFor(p, "eu"))).toContain("ec.europa.eu");
  });

  it("Flebogamma DIF 10 %: 5, 10, 20 g from its EU package leaflet", () => {
    expect(ivig("flebogamma-dif-10").vialSizesG.value).toEqual([5, 10, 20]);
    expect(url(ivig("flebogamma-dif-10").vialSizesG)).toContain("flebogamma-dif-100-mgml-solution-for-infusion/pil");
  });

  it("every product now has vial sizes: none needs --vials", () => {
    for (const p of PRODUCTS) expect(p.vialSizesG.value, p.id).not.toBeNull();
  });

  it("Privigen's and Flebogamma's vial sizes no longer cite prescriberpoint or themeditary", () => {
    for (const id of ["privigen", "flebogamma-dif-10"])
      expect(url(ivig(id).vialSizesG) ?? "", id).not.toMatch(/prescriberpoint|themeditary/);
  });
});

describe("the 1 g/kg/day maximum says where it comes from", () => {
  it("Ontario IGUM's RRMS entry; no MMN-specific maximum was found", () => {
    expect(MAX_DAILY_G_PER_KG.value).toBe(1);
    expect(MAX_DAILY_G_PER_KG.source.title).toMatch(/relapsing-remitting multiple sclerosis/);
    expect(MAX_DAILY_G_PER_KG.source.title).toMatch(/no MMN-specific daily maximum was found/);
  });
});

describe("MMN indication per label region", () => {
  const labelled = (p: Product, region: "us" | "eu") => mmnIndicationFor(p, region).value;

  it.each([
    // id, US PI, EU SmPC (null: not found)
    ["gammagard-liquid", true, true], // EU: sold as Kiovig, whose SmPC lists MMN (EMA)
    ["kiovig", true, true],
    ["privigen", false, true], // EMA: immunomodulation includes MMN
    ["octagam-10", false, true], // German SmPC 4.1
    ["panzyga", false, true],
    ["gamunex-c", false, true], // GB SmPC 4.1 (Gamunex 10 %)
    ["flebogamma-dif-10", false, null],
    ["hizentra", false, false], // EMA EPAR: PID, SID, CIDP
    ["gammagard-liquid-sc", false, false],
    ["cuvitru", false, false], // Danish SmPC 4.1: replacement therapy only
    ["cutaquig", false, false],
    ["hyqvia", false, false], // EU: PID, SID, CIDP (news report)
    ["xembify", false, false], // EU SmPC 4.1: replacement therapy only
  ] as const)("%s: US %s, EU %s", (id, us, eu) => {
    const p = PRODUCTS.find((q) => q.id === id)!;
    expect(labelled(p, "us")).toBe(us);
    expect(labelled(p, "eu")).toBe(eu);
  });

  it("Gammagard Liquid and Kiovig name each other as the same product in the other region", () => {
    expect(ivig("gammagard-liquid").soldAs).toEqual({ eu: { name: "Kiovig", productId: "kiovig" } });
    expect(ivig("kiovig").soldAs).toEqual({ us: { name: "Gammagard Liquid", productId: "gammagard-liquid" } });
  });

  it("an EU indication cites the EMA or an SmPC", () => {
    expect(url(ivig("privigen").mmnIndicationEu)).toBe(
      "https://www.ema.europa.eu/en/medicines/human/variation/privigen",
    );
    expect(url(ivig("kiovig").mmnIndicationEu)).toContain("ema.europa.eu");
  });
});

describe("NOT_LABELLED_FOR_MMN follows the chosen region's label, for every product", () => {
  const cases = PRODUCTS.flatMap((p) => (["us", "eu"] as const).map((region) => [p.id, region, p] as const));
  it.each(cases)("%s under --region %s", (_id, region, p) => {
    const input = scheduleInput({
      courses: 1,
      region,
      // Kiovig's label rates may be missing from the catalog: a protocol's rates, allowed either way.
      rates: { initialMlPerKgPerHour: 0.5, maxMlPerKgPerHour: 4, allowAboveLabelMax: true },
      ...(p.route === "ivig" ? { productId: p.id } : { route: "scig" as const, scig: { productId: p.id } }),
    });
    const r = planSchedule(input, "2026-11-25");
    expect(r.regimen.region).toBe(region);
    expect(r.regimen.mmnIndication).toBe(mmnIndicationFor(p, region).value);
    expect(r.warnings.some((w) => w.code === "NOT_LABELLED_FOR_MMN")).toBe(mmnIndicationFor(p, region).value !== true);
    expect(r.regimen.vialSizesG).toEqual(vialSizesFor(p, region).value);
  });
});
