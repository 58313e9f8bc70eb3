import { describe, expect, it } from "vitest";
import { planSchedule } from "../../src/core/schedule.js";
import { scheduleInput } from "../helpers/input.js";

const TODAY = "2026-11-25";
const scig = (overrides: Parameters<typeof scheduleInput>[0] = {}, factor?: number) =>
  planSchedule(
    scheduleInput({ route: "scig", scig: factor ? { factor } : {}, startDate: "2026-12-01", courses: 1, ...overrides }),
    TODAY,
  );
const codes = (ms: readonly { code: string }[]) => ms.map((m) => m.code);

describe("the MMN study's 1:1 SCIG dose is a note citing it, not a warning", () => {
  it("2 g/kg every 4 weeks at 70 kg, 1:1: 140 ÷ 4 = 35 g = 0.5 g/kg a week, a note naming the study and the label's 0.4", () => {
    const r = scig();
    expect(codes(r.warnings)).not.toContain("SCIG_WEEKLY_ABOVE_0_4_G_PER_KG");
    const note = r.notes.find((n) => n.code === "SCIG_WEEKLY_MMN_STUDY")!;
    expect(note.message).toContain("35 g a week is 0.5 g/kg, above the 0.4 g/kg/week SCIG CIDP label maximum");
    expect(note.message).toMatch(/Muscle Nerve 2016: 1:1/);
    expect(note.message).toMatch(/Harbo 2009/);
    expect(note.sources).toContain("https://pubmed.ncbi.nlm.nih.gov/26991654/");
    expect(note.sources).toContain("https://pubmed.ncbi.nlm.nih.gov/19236457/");
  });

  it("beyond the study stays a warning: 2 g/kg every 2 weeks (1 g/kg a week), or 1.37 at 2 g/kg every 4 weeks", () => {
    expect(codes(scig({ intervalWeeks: 2 }).warnings)).toContain("SCIG_WEEKLY_ABOVE_0_4_G_PER_KG");
    // 35 × 1.37 = 47.95 g = 0.685 g/kg: a factor above the study's 1:1 at 2 g/kg/month.
    const labelled = scig({}, 1.37);
    expect(codes(labelled.warnings)).toContain("SCIG_WEEKLY_ABOVE_0_4_G_PER_KG");
    expect(codes(labelled.notes)).not.toContain("SCIG_WEEKLY_MMN_STUDY");
  });

  it("below 2 g/kg/month the study's 1.53:1 is its dose too: 1.6 g/kg every 4 weeks × 1.53 = 0.612 g/kg a week", () => {
    const r = scig({ doseGPerKg: 1.6 }, 1.53);
    expect(codes(r.warnings)).not.toContain("SCIG_WEEKLY_ABOVE_0_4_G_PER_KG");
    expect(r.notes.find((n) => n.code === "SCIG_WEEKLY_MMN_STUDY")!.message).toMatch(
      /1\.53:1 SCIG:IVIG for patients on less than 2/,
    );
  });

  it("at or under 0.4 g/kg a week: neither", () => {
    const r = scig({ doseGPerKg: 1.6 });
    expect(codes(r.warnings)).not.toContain("SCIG_WEEKLY_ABOVE_0_4_G_PER_KG");
    expect(codes(r.notes)).not.toContain("SCIG_WEEKLY_MMN_STUDY");
  });
});
