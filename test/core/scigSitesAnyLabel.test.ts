import { describe, expect, it } from "vitest";
import { planSchedule as planScheduleData } from "../../src/core/schedule.js";
import { scheduleInput } from "../helpers/input.js";
import { flagged } from "../helpers/inFlags.js";

const planSchedule = flagged(planScheduleData);

const TODAY = "2026-11-25";
const plan = (productId: string, weightKg: number, intervalWeeks: number, region: "us" | "eu" = "us") =>
  planSchedule(
    scheduleInput({
      route: "scig",
      scig: { productId },
      weightKg,
      intervalWeeks,
      region,
      startDate: "2026-12-01",
      courses: 1,
      vialSizesG: productId === "gammagard-liquid-sc" ? [1, 2.5, 5, 10, 20, 30] : undefined,
    }),
    TODAY,
  );
const sitesWarning = (r: ReturnType<typeof plan>) => r.warnings.find((w) => w.code === "SCIG_SITES_ABOVE_LABEL");

describe("SCIG site counts far beyond any label warn for every product with a site limit", () => {
  it("Gammagard Liquid SC, 100 kg, 2 g/kg every 2 weeks: 100 g = 1000 mL a week → ⌈1000 / 30⌉ = 34 sites", () => {
    const r = plan("gammagard-liquid-sc", 100, 2);
    expect(r.infusions[0]!.sites).toBe(34);
    const w = sitesWarning(r)!;
    expect(w.message).toContain("34 sites");
    expect(w.message).toContain("allows 8 at once");
    expect(w.message).toMatch(/more than 12 in one infusion/);
    // Half, 500 mL, is ⌈500 / 30⌉ = 17 sites: still over 12, so --sessions 2 is not offered.
    expect(w.remedies).toBeUndefined();
  });

  it("Xembify, 100 kg, every 2 weeks: 500 mL at ≤ 25 mL/site = 20 sites (> 12); half is 10: --sessions 2 offered", () => {
    const w = sitesWarning(plan("xembify", 100, 2))!;
    expect(w.message).toContain("20 sites");
    expect(w.message).toContain("allows 6 at once");
    expect(w.remedies).toEqual(["--sessions 2"]);
  });

  it("Cuvitru, 100 kg, 2 g/kg every week: 1000 mL at ≤ 60 mL/site = 17 sites (> 12) warns", () => {
    expect(sitesWarning(plan("cuvitru", 100, 1))!.message).toContain("17 sites");
  });

  it("Cutaquig: under the US label (6 at once) 100 g a week warns; under the EU SmPC (no site limit) it does not", () => {
    // 100 g ÷ 0.165 = 606.06 mL; first infusions ≤ 25 mL/site → 25 sites.
    expect(sitesWarning(plan("cutaquig", 100, 2, "us"))!.message).toContain("25 sites");
    expect(sitesWarning(plan("cutaquig", 100, 2, "eu"))).toBeUndefined();
  });

  it("an ordinary dose stays a note, not a warning: Xembify, 70 kg, 35 g = 175 mL = 7 sites in 2 rounds", () => {
    const r = plan("xembify", 70, 4);
    expect(sitesWarning(r)).toBeUndefined();
    expect(r.notes.map((n) => n.code)).toContain("SCIG_SITE_ROUNDS");
  });
});
