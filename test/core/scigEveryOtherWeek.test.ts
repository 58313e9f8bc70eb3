import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/core/domainError.js";
import { planSchedule as planScheduleData } from "../../src/core/schedule.js";
import { findScigProduct } from "../../src/data/products.js";
import { scheduleInput } from "../helpers/input.js";
import { flagged } from "../helpers/inFlags.js";

const planSchedule = flagged(planScheduleData);

const TODAY = "2026-11-25";
const every2 = (productId: string, vialSizesG?: number[]) =>
  planSchedule(
    scheduleInput({
      route: "scig",
      scig: { productId, everyWeeks: 2 },
      startDate: "2026-12-01",
      courses: 1,
      vialSizesG,
    }),
    TODAY,
  );

describe("every-other-week SCIG where the label allows it", () => {
  it.each([
    ["xembify", "https://prescriberpoint.com/therapies/xembify-8c174b1"],
    ["cutaquig", "https://www.cutaquigus.com/hcp/usage/"],
    ["hizentra", undefined],
    ["cuvitru", undefined],
  ])("%s: --scig-every 2 is accepted, each dose twice the weekly one, every 14 days", (id, url) => {
    // By hand: 70 kg × 2 g/kg = 140 g every 4 weeks = 35 g a week; every 2 weeks 70 g, on 12-01 and 12-15.
    const r = every2(id);
    expect(r.infusions.map((i) => i.date)).toEqual(["2026-12-01", "2026-12-15"]);
    for (const i of r.infusions) expect(i.doseG).toBe(70);
    const intervals = findScigProduct(id)!.intervalsWeeks;
    expect(intervals.value).toContain(2);
    if (url) expect(intervals.source.url).toBe(url);
  });

  it("Gammagard Liquid SC (weekly in its label) still refuses --scig-every 2", () => {
    expect(() => every2("gammagard-liquid-sc")).toThrow(DomainError);
    expect(() => every2("gammagard-liquid-sc")).toThrow(/--scig-every 2: .* every 1 week \(label\)/);
  });
});
