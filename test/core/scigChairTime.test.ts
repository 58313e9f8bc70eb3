import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/core/domainError.js";
import { planSchedule as planScheduleData } from "../../src/core/schedule.js";
import type { ScigOptions } from "../../src/core/input.js";
import { findScigProduct, SCIG_PRODUCTS } from "../../src/data/products.js";
import { scheduleInput } from "../helpers/input.js";
import { flagged } from "../helpers/inFlags.js";

const planSchedule = flagged(planScheduleData);

const TODAY = "2026-11-25";
const scig = (scigOptions: ScigOptions = {}, overrides: Parameters<typeof scheduleInput>[0] = {}) =>
  planSchedule(
    scheduleInput({ route: "scig", scig: scigOptions, startDate: "2026-12-01", courses: 1, ...overrides }),
    TODAY,
  );

describe("SCIG sites run at most the label's number at once", () => {
  it("Hizentra, 70 kg, 2 g/kg every 4 weeks: the first infusion is 9 sites in 3 rounds, 2:55 in the chair", () => {
    // By hand: 140 g ÷ 4 = 35 g a week = 175 mL at 20 %. First infusion (CIDP): ≤ 20 mL per site → ceil(175/20) = 9
    // sites of 19.44 mL; at most 4 at once (PI page) → ceil(9/4) = 3 rounds, evenly 3 + 3 + 3. Each site runs
    // 19.44 mL at 20 mL/h/site = 58.33 min, and the 3 rounds run one after another: 175 min = 2:55.
    const first = scig().infusions[0]!;
    expect(first).toMatchObject({ volumeMl: 175, sites: 9, sitesAtOnce: 3, siteRounds: 3, durationMinutes: 175 });
    expect(first.ratePlan).toEqual([expect.objectContaining({ startMinute: 0, mlPerHour: 60 })]);
  });

  it("later Hizentra infusions: 4 sites of 43.75 mL at 50 mL/h/site, all at once, 52.5 → 53 min", () => {
    const later = scig().infusions[1]!;
    expect(later).toMatchObject({ sites: 4, sitesAtOnce: 4, siteRounds: 1, durationMinutes: 53 });
  });

  it("never more sites at once than any product's label maximum", () => {
    for (const p of SCIG_PRODUCTS) {
      const r = scig(
        { productId: p.id },
        { weightKg: 120, vialSizesG: p.vialSizesG.value === null ? [1, 2.5, 5, 10, 20, 30] : undefined },
      );
      for (const i of r.infusions) {
        expect(i.sitesAtOnce!).toBeLessThanOrEqual(p.maxSites.value ?? Infinity);
        expect(i.sitesAtOnce! * i.siteRounds!).toBeGreaterThanOrEqual(i.sites!);
        expect((i.sitesAtOnce! - 1) * i.siteRounds!).toBeLessThan(i.sites!);
      }
    }
  });

  it("rounds of sites are a note that offers --sessions 2 (Hizentra allows 1 or 2 sessions), no sites warning", () => {
    const r = scig();
    expect(r.warnings.map((w) => w.code)).not.toContain("SCIG_SITES_ABOVE_LABEL");
    const note = r.notes.find((n) => n.code === "SCIG_SITE_ROUNDS")!;
    expect(note.message).toContain("3 rounds");
    expect(note.remedies).toEqual(["--sessions 2"]);
    expect(scig({ sessions: 2 }).infusions[0]).toMatchObject({ volumeMl: 90, sites: 5, sitesAtOnce: 3, siteRounds: 2 }); // 17.5 g → 18 g in whole vials;
  });

  it("more than the 12 sites Hizentra allows in turn warns; --sessions 2 is offered only when it cures it", () => {
    // 100 kg, 2 g/kg every 2 weeks: 100 g a week = 500 mL → 25 sites of ≤ 20 mL in the first infusion;
    // --sessions 2 gives 250 mL → 13 sites, still over 12, so it is not offered.
    const r = scig({}, { weightKg: 100, intervalWeeks: 2 });
    const w = r.warnings.find((x) => x.code === "SCIG_SITES_ABOVE_LABEL")!;
    expect(w.message).toContain("25 sites");
    expect(w.remedies).toBeUndefined();
    // 80 kg, 2 g/kg every 2 weeks: 80 g = 400 mL → 20 sites; half, 200 mL, is 10 sites: --sessions 2 cures it.
    const cured = scig({}, { weightKg: 80, intervalWeeks: 2 });
    expect(cured.warnings.find((x) => x.code === "SCIG_SITES_ABOVE_LABEL")!.remedies).toEqual(["--sessions 2"]);
    expect(scig({ sessions: 2 }, { weightKg: 80, intervalWeeks: 2 }).warnings.map((x) => x.code)).not.toContain(
      "SCIG_SITES_ABOVE_LABEL",
    );
    expect(findScigProduct("hizentra")!.maxSitesConsecutive!.value).toBe(12);
  });

  it("HyQvia (one session only) never suggests --sessions 2; above its daily volume it is refused naming a shorter --scig-every", () => {
    // 150 kg × 2 g/kg = 300 g every 4 weeks: 75 g (750 mL) a week, 3000 mL every 4 weeks; even every
    // 2 weeks (1500 mL) is above 1200 mL a day, so no interval is offered, only a lower dose.
    expect(() =>
      scig({ productId: "hyqvia", everyWeeks: 4 }, { weightKg: 150, vialSizesG: [10, 20, 30], courses: 2 }),
    ).toThrow(
      /3000 mL of HyQvia every 4 weeks is above its label's 1200 mL a day \(one session\); lower --dose or --every/,
    );
    expect(() => scig({ productId: "hyqvia" }, { weightKg: 150, vialSizesG: [10, 20, 30], courses: 2 })).toThrow(
      /1500 mL of HyQvia every 2 weeks/,
    );
    expect(() => scig({ productId: "hyqvia", sessions: 2 }, { vialSizesG: [10] })).toThrow(/one session/);
  });

  it("a chair time over 24 h is refused, naming the options that set the volume", () => {
    // Cutaquig under the EU SmPC, 100 kg, 2 g/kg every week: 200 g = 1212.1 mL at 16.5 %; first 6 infusions
    // ≤ 30 mL/h across all sites → 40.4 h.
    const run = () => scig({ productId: "cutaquig" }, { weightKg: 100, intervalWeeks: 1, region: "eu" });
    expect(run).toThrow(DomainError);
    expect(run).toThrow(/40\.4 h, over 24 h.*--dose, --every and --scig-factor.*--sessions 2/);
  });
});
