import { describe, expect, it } from "vitest";
import { planSchedule } from "../../src/core/schedule.js";
import { findScigProduct } from "../../src/data/products.js";
import { scheduleInput } from "../helpers/input.js";

const TODAY = "2026-11-25";
const cutaquig = (region: "us" | "eu") =>
  planSchedule(
    scheduleInput({
      route: "scig",
      scig: { productId: "cutaquig" },
      region,
      startDate: "2026-12-01",
      courses: 2, // 8 weekly doses
    }),
    TODAY,
  );

describe("Cutaquig's site limits follow the chosen region's label", () => {
  it("the data: US page (first 2 ≤ 25 mL at ≤ 20 mL/h/site, then ≤ 40 at ≤ 52, no all-sites cap, 6 at once)", () => {
    const us = findScigProduct("cutaquig", "us")!;
    expect(us.firstInfusions.value).toBe(2);
    expect([us.first.maxMlPerSite.value, us.first.maxMlPerHourPerSite.value, us.first.maxMlPerHourTotal.value]).toEqual(
      [25, 20, null],
    );
    expect([us.later.maxMlPerSite.value, us.later.maxMlPerHourPerSite.value, us.later.maxMlPerHourTotal.value]).toEqual(
      [40, 52, null],
    );
    expect(us.maxSites.value).toBe(6);
  });

  it("the data: EU SmPC (first 6 infusions at 15 mL/h/site and 30 mL/h in all, then 25 and 100; no site limit)", () => {
    const eu = findScigProduct("cutaquig", "eu")!;
    expect(eu.firstInfusions.value).toBe(6);
    expect([eu.first.maxMlPerHourPerSite.value, eu.first.maxMlPerHourTotal.value]).toEqual([15, 30]);
    expect([eu.later.maxMlPerHourPerSite.value, eu.later.maxMlPerHourTotal.value]).toEqual([25, 100]);
    expect(eu.maxSites.value).toBeNull();
    expect("source" in eu.first.maxMlPerHourPerSite && eu.first.maxMlPerHourPerSite.source.url).toBe(
      "https://www.cutaquig.com/dosing",
    );
  });

  it("--region us, 70 kg, 2 g/kg every 4 weeks: 35 g = 212.12 mL a week; infusions 1–2 first, 3 on later", () => {
    // By hand: 140 g ÷ 4 = 35 g; 35 ÷ 0.165 = 212.12 mL. First: ⌈212.12 / 25⌉ = 9 sites, ≤ 6 at once → rounds
    // 5 + 4 at 20 mL/h/site: 117.85 mL at 100 mL/h + 94.28 mL at 80 mL/h = 70.7 + 70.7 = 141.4 → 142 min.
    // Later: ⌈212.12 / 40⌉ = 6 sites at 52 mL/h/site = 312 mL/h (no all-sites cap): 40.8 → 41 min.
    const r = cutaquig("us").infusions;
    expect(r.map((i) => i.infusionKind)).toEqual(["first", "first", ...Array(6).fill("later")]);
    expect(r[0]).toMatchObject({ sites: 9, sitesAtOnce: 5, siteRounds: 2, durationMinutes: 142 });
    expect(r[2]).toMatchObject({ sites: 6, sitesAtOnce: 6, siteRounds: 1, durationMinutes: 41 });
    expect(r[2]!.ratePlan[0]!.mlPerHour).toBe(312);
  });

  it("--region eu: infusions 1–6 first at 30 mL/h in all, then 100 mL/h; sites all at once", () => {
    // First: 9 sites × 15 = 135 mL/h, capped at 30 in all: 212.12 / 30 = 424.2 → 425 min.
    // Later: 6 sites × 25 = 150, capped at 100: 127.3 → 128 min.
    const r = cutaquig("eu").infusions;
    expect(r.map((i) => i.infusionKind)).toEqual([...Array(6).fill("first"), "later", "later"]);
    expect(r[0]).toMatchObject({ sites: 9, sitesAtOnce: 9, siteRounds: 1, durationMinutes: 425 });
    expect(r[6]).toMatchObject({ sites: 6, sitesAtOnce: 6, durationMinutes: 128 });
  });
});
