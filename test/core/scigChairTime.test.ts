import { describe, expect, it } from "vitest";
import { planSchedule, ScheduleInputError } from "../../src/core/schedule.js";
import type { ScigOptions } from "../../src/core/input.js";
import { findScigProduct, SCIG_PRODUCTS } from "../../src/data/products.js";
import { scheduleInput } from "../helpers/input.js";

const TODAY = "2026-11-25";
const scig = (scigOptions: ScigOptions = {}, overrides: Parameters<typeof scheduleInput>[0] = {}) =>
  planSchedule(scheduleInput({ route: "scig", scig: scigOptions, startDate: "2026-12-01", courses: 1, ...overrides }), TODAY);

describe("SCIG sites run at most the label's number at once (issue 12 item 6)", () => {
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
      const r = scig({ productId: p.id }, { weightKg: 120, vialSizesG: p.vialSizesG.value === null ? [1, 2.5, 5, 10, 20, 30] : undefined });
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
    expect(scig({ sessions: 2 }).infusions[0]).toMatchObject({ volumeMl: 90, sites: 5, sitesAtOnce: 3, siteRounds: 2 }) // 17.5 g → 18 g in whole vials;
  });

  it("more than the 12 sites Hizentra allows in turn warns, with --sessions 2 as the remedy", () => {
    // 100 kg, 2 g/kg every 2 weeks: 100 g a week = 500 mL → 25 sites of ≤ 20 mL in the first infusion.
    const r = scig({}, { weightKg: 100, intervalWeeks: 2 });
    const w = r.warnings.find((x) => x.code === "SCIG_SITES_ABOVE_LABEL")!;
    expect(w.message).toContain("25 sites");
    expect(w.remedies).toEqual(["--sessions 2"]);
    expect(findScigProduct("hizentra")!.maxSitesConsecutive!.value).toBe(12);
  });

  it("HyQvia (one session only) never suggests --sessions 2; its daily-volume remedy is a shorter --scig-every", () => {
    // 150 kg × 2 g/kg = 300 g every 4 weeks = 3000 mL at 10 %, above HyQvia's 1200 mL a day.
    const r = scig({ productId: "hyqvia" }, { weightKg: 150, vialSizesG: [10, 20, 30], courses: 2 });
    const texts = [...r.warnings, ...r.notes].map((m) => m.message).join("\n");
    expect(texts).not.toContain("--sessions");
    const daily = r.warnings.find((w) => w.code === "HYQVIA_DAILY_VOLUME")!;
    expect(daily.remedies).toEqual(["--scig-every 2", "--scig-every 3"]);
    expect(() => scig({ productId: "hyqvia", sessions: 2 }, { vialSizesG: [10] })).toThrow(/one session/);
  });

  it("a chair time over 24 h is refused, naming the options that set the volume", () => {
    // Cutaquig, 100 kg, 2 g/kg every week: 200 g = 1212.1 mL at 16.5 %; first 6 infusions ≤ 30 mL/h across all
    // sites → 40.4 h.
    const run = () => scig({ productId: "cutaquig" }, { weightKg: 100, intervalWeeks: 1 });
    expect(run).toThrow(ScheduleInputError);
    expect(run).toThrow(/40\.4 h, over 24 h.*--dose, --every and --scig-factor.*--sessions 2/);
  });
});
