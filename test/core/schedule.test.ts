import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/core/domainError.js";
import { planSchedule } from "../../src/core/schedule.js";
import { scheduleInput } from "../helpers/input.js";

const TODAY = "2026-11-25";
/** Warning codes, less the rate-step gap every Gammagard plan carries (tested in ratePlan.test.ts). */
const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

describe("planSchedule: 70 kg, 2 g/kg every 4 weeks from 2026-12-01 (the contract example)", () => {
  const r = planSchedule(scheduleInput(), TODAY);

  it("gives 6 courses of 140 g, each 2 days of 70 g = 700 mL of Gammagard Liquid 10 %", () => {
    expect(r.regimen.courseDoseG).toBe(140);
    expect(r.regimen.exactCourseDoseG).toBe(140);
    expect(r.regimen.daysPerCourse).toBe(2);
    expect(r.regimen.courses).toBe(6);
    expect(r.infusions).toHaveLength(12);
    for (const i of r.infusions) {
      expect(i.doseG).toBe(70);
      expect(i.volumeMl).toBe(700);
      expect(i.vials).toEqual([
        { sizeG: 30, count: 2 },
        { sizeG: 10, count: 1 },
      ]);
    }
  });

  it("dates each course 28 days after the last, on consecutive days", () => {
    expect(r.infusions.map((i) => i.date)).toEqual([
      "2026-12-01",
      "2026-12-02",
      "2026-12-29",
      "2026-12-30",
      "2027-01-26",
      "2027-01-27",
      "2027-02-23",
      "2027-02-24",
      "2027-03-23",
      "2027-03-24",
      "2027-04-20",
      "2027-04-21",
    ]);
    expect(r.infusions[0]!.weekday).toBe("Tue");
  });

  it("has no warnings: 2 g/kg every 4 weeks is typical and 2.17 g/kg/month is within the label", () => {
    expect(codes(r)).toEqual([]);
    expect(r.regimen.monthlyDoseGPerKg).toBe(2.17);
  });

  it("states the split and that no rounding was needed", () => {
    expect(r.notes.map((n) => n.code)).toEqual(["NOT_ROUNDED", "SPLIT", "RATE_PLAN", "RATE_FASTEST_LABEL_PLAN"]);
  });

  it("defaults the start to today", () => {
    const t = planSchedule(scheduleInput({ startDate: undefined }), TODAY);
    expect(t.infusions[0]!.date).toBe(TODAY);
  });
});

describe("planSchedule: the issue's examples", () => {
  it("--dose 1 --every 2: one day of 70 g every 14 days", () => {
    const r = planSchedule(scheduleInput({ doseGPerKg: 1, intervalWeeks: 2 }), TODAY);
    expect(r.regimen.daysPerCourse).toBe(1);
    expect(r.infusions.map((i) => i.date).slice(0, 3)).toEqual(["2026-12-01", "2026-12-15", "2026-12-29"]);
    expect(codes(r)).toEqual([]);
  });

  it("--every 8: courses 56 days apart, within EFNS/PNS", () => {
    const r = planSchedule(scheduleInput({ intervalWeeks: 8 }), TODAY);
    expect(r.courseTotals.map((c) => c.startDate).slice(0, 2)).toEqual(["2026-12-01", "2027-01-26"]);
    expect(codes(r)).toEqual([]);
  });

  it("--days 5: 0.4 g/kg/day", () => {
    const r = planSchedule(scheduleInput({ daysPerCourse: 5 }), TODAY);
    expect(r.regimen.dayDosesG).toEqual([28, 28, 28, 28, 28]);
    expect(r.infusions[0]!.doseGPerKg).toBe(0.4);
    expect(r.infusions[0]!.volumeMl).toBe(280);
  });

  it("--weight 73 --round 5g: 146 g -> 145 g, 72.5 g on each of 2 days", () => {
    const r = planSchedule(scheduleInput({ weightKg: 73, rounding: "5g" }), TODAY);
    expect(r.regimen.exactCourseDoseG).toBe(146);
    expect(r.regimen.courseDoseG).toBe(145);
    expect(r.regimen.roundingDifferencePercent).toBe(-0.68);
    expect(r.regimen.dayDosesG).toEqual([72.5, 72.5]);
    expect(r.notes[0]!.code).toBe("ROUNDED");
    expect(r.notes[0]!.message).toContain("146 g");
    expect(r.notes[0]!.message).toContain("145 g");
  });

  it("--weight 66.6 --round vial: 133.2 g -> 133 g, 66.5 g a day", () => {
    const r = planSchedule(scheduleInput({ weightKg: 66.6 }), TODAY);
    expect(r.regimen.courseDoseG).toBe(133);
    expect(r.regimen.dayDosesG).toEqual([66.5, 66.5]);
    expect(r.regimen.roundingDifferenceG).toBe(-0.2);
    expect(r.regimen.roundingDifferencePercent).toBe(-0.15);
  });

  it("--until gives every course that starts on or before the date", () => {
    const r = planSchedule(scheduleInput({ courses: undefined, untilDate: "2027-01-26" }), TODAY);
    expect(r.regimen.courses).toBe(3);
    expect(r.infusions.at(-1)!.date).toBe("2027-01-27");
  });
});

describe("planSchedule: warnings", () => {
  it("warns when --days forces a day above --max-daily", () => {
    const r = planSchedule(scheduleInput({ daysPerCourse: 1 }), TODAY);
    expect(codes(r)).toContain("DAY_ABOVE_MAX_DAILY");
  });

  it("warns when --max-daily above 1 g/kg lets a day exceed 1 g/kg", () => {
    const r = planSchedule(scheduleInput({ maxDailyGPerKg: 2 }), TODAY);
    expect(r.regimen.daysPerCourse).toBe(1);
    expect(codes(r)).toEqual(["DAY_ABOVE_1_G_PER_KG"]);
  });

  it("notes, without a warning, when Ontario rounding tips a day over the cap by less than 10 % (72 kg, 145 g over 2 days)", () => {
    const r = planSchedule(scheduleInput({ weightKg: 72, rounding: "5g" }), TODAY);
    expect(codes(r)).toEqual([]);
    expect(r.notes.find((n) => n.code === "ROUNDED_DAY_WITHIN_TOLERANCE")!.message).toContain("0.5 g (+0.69 %) above");
  });

  it("warns outside the EFNS/PNS typical regimens and above the label's 2.4 g/kg/month", () => {
    const r = planSchedule(scheduleInput({ intervalWeeks: 3 }), TODAY);
    expect(codes(r)).toEqual(["OUTSIDE_EFNS_MAINTENANCE", "ABOVE_LABEL_MONTHLY_DOSE"]);
    expect(r.regimen.monthlyDoseGPerKg).toBe(2.9);
  });

  it("warns below the label's 0.5 g/kg/month", () => {
    const r = planSchedule(scheduleInput({ doseGPerKg: 0.5, intervalWeeks: 8 }), TODAY);
    expect(codes(r)).toEqual(["OUTSIDE_EFNS_MAINTENANCE", "BELOW_LABEL_MONTHLY_DOSE"]);
  });

  it("refuses a rounding that moves the dose more than 10 % (1.2 g is not rounded to 5 g)", () => {
    expect(() => planSchedule(scheduleInput({ weightKg: 3, doseGPerKg: 0.4, rounding: "5g" }), TODAY)).toThrow(
      /ROUNDING|beyond the 10 %/,
    );
  });

  it("every warning and note names a source or is the tool's own arithmetic", () => {
    const r = planSchedule(scheduleInput({ intervalWeeks: 3, daysPerCourse: 1 }), TODAY);
    for (const w of r.warnings) expect(w.sources?.length).toBeGreaterThan(0);
    const urls = new Set(r.sources.map((s) => s.url));
    for (const m of [...r.warnings, ...r.notes]) for (const u of m.sources ?? []) expect(urls).toContain(u);
  });
});

describe("planSchedule: refusals", () => {
  it("refuses --until before the start", () => {
    expect(() => planSchedule(scheduleInput({ courses: undefined, untilDate: "2026-11-01" }), TODAY)).toThrow(
      DomainError,
    );
  });
  it("refuses an unknown product", () => {
    expect(() => planSchedule(scheduleInput({ productId: "nope" }), TODAY)).toThrow(/unknown product/);
  });
  it("refuses an --until that makes more than 100 courses", () => {
    expect(() =>
      planSchedule(scheduleInput({ courses: undefined, intervalWeeks: 1, untilDate: "2029-12-01" }), TODAY),
    ).toThrow(/at most 100/);
  });
});

describe("planSchedule: rounding notes say what was done", () => {
  const rounded = (r: { notes: { code: string; message: string }[] }) =>
    r.notes.find((n) => n.code === "ROUNDED")!.message;

  it("73 kg, --round 5g: the nearest 5 g, 145 g", () => {
    const r = planSchedule(scheduleInput({ weightKg: 73, rounding: "5g", courses: 1 }), TODAY);
    expect(r.regimen.courseDoseG).toBe(145);
    expect(rounded(r)).toContain("to the nearest 5 g = 145 g");
  });

  it("24 kg, --round 5g: 24 g becomes 25 g, the nearest 5 g, not a vial problem", () => {
    const r = planSchedule(scheduleInput({ weightKg: 24, doseGPerKg: 1, rounding: "5g", courses: 1 }), TODAY);
    expect(r.regimen.courseDoseG).toBe(25);
    expect(rounded(r)).toContain("to the nearest 5 g = 25 g");
  });

  it("73 kg, --round 5g with only 10 and 20 g vials: 145 g cannot be made in 2 days, so 150 g, and the note says why", () => {
    const r = planSchedule(scheduleInput({ weightKg: 73, rounding: "5g", courses: 1, vialSizesG: [10, 20] }), TODAY);
    expect(r.regimen.courseDoseG).toBe(150);
    expect(rounded(r)).toContain(
      "to the nearest 5 g that whole vials can make in the days of the course (145 g, the nearest 5 g, cannot be made from these vials) = 150 g",
    );
  });
});
