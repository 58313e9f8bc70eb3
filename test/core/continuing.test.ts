import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/core/domainError.js";
import { planPhases as planPhasesData } from "../../src/core/phases.js";
import { planSchedule as planScheduleData } from "../../src/core/schedule.js";
import { scheduleInput } from "../helpers/input.js";
import { flagged } from "../helpers/inFlags.js";

const planPhases = flagged(planPhasesData);
const planSchedule = flagged(planScheduleData);

const TODAY = "2026-11-25";
const dayOnes = (r: ReturnType<typeof planSchedule>) =>
  r.infusions.filter((i) => i.day === 1).map((i) => [i.course, i.date, i.infusionKind]);

describe("an established IVIG patient continues from --last-course", () => {
  it("last course 2026-11-03, every 4 weeks: next course 2026-12-01 at the maintenance rates", () => {
    // 70 kg × 2 g/kg = 140 g in 2 days of 70 g. Last infusion = 3 Nov + (2 − 1) days = 4 Nov.
    // Next course: 3 Nov + 28 days = 1 Dec; gap 4 Nov → 1 Dec = 26 + 1 = 27 days ≤ 56: maintenance.
    const r = planSchedule(
      scheduleInput({ startDate: undefined, courses: 2, continuing: { lastCourseDate: "2026-11-03" } }),
      TODAY,
    );
    expect(dayOnes(r)).toEqual([
      [1, "2026-12-01", "later"],
      [2, "2026-12-29", "later"],
    ]);
    expect(r.continuation).toMatchObject({
      lastCourse: "2026-11-03",
      lastInfusion: "2026-11-04",
      gapDays: 27,
      rates: "maintenance",
      rule: "maintenance",
      firstCourse: 1,
      firstDate: "2026-12-01",
    });
    expect(r.notes.find((n) => n.code === "CONTINUES")?.message).toMatch(
      /course 1 on 2026-12-01 starts at the maintenance rates/,
    );
  });

  it("--start 2027-01-05 after last course 2026-11-03 (2 days): 62 days from 2026-11-04 > 56, first-infusion rates", () => {
    // 4 Nov → 4 Dec = 30 days, → 4 Jan = 61, → 5 Jan = 62 > 56 (NL-IVIG002).
    const r = planSchedule(
      scheduleInput({
        startDate: "2027-01-05",
        courses: 2,
        continuing: { lastCourseDate: "2026-11-03", coursesGiven: 12 },
      }),
      TODAY,
    );
    expect(dayOnes(r)).toEqual([
      [13, "2027-01-05", "first"],
      [14, "2027-02-02", "later"],
    ]);
    expect(r.continuation).toMatchObject({ gapDays: 62, rule: "gap", rates: "first-infusion", firstCourse: 13 });
    expect(r.courseTotals.map((t) => t.course)).toEqual([13, 14]);
    // The CONTINUES note says it; the gap note does not repeat it for the first course.
    expect(r.notes.some((n) => n.code === "FIRST_INFUSION_AFTER_GAP")).toBe(false);
  });

  it("exactly 56 days is not 'greater than 8 weeks': maintenance", () => {
    // 1-day course on 2026-10-06: last infusion 6 Oct; start 1 Dec = 25 + 30 + 1 = 56 days.
    const r = planSchedule(
      scheduleInput({
        daysPerCourse: 1,
        maxDailyGPerKg: 2,
        courses: 1,
        continuing: { lastCourseDate: "2026-10-06" },
      }),
      TODAY,
    );
    expect(r.continuation).toMatchObject({ gapDays: 56, rule: "maintenance" });
    expect(r.infusions[0]!.infusionKind).toBe("later");
  });

  it("a change of product (--last-product) is a first infusion (Gammagard PI)", () => {
    const r = planSchedule(
      scheduleInput({
        courses: 1,
        continuing: { lastCourseDate: "2026-11-03", lastProductId: "privigen" },
      }),
      TODAY,
    );
    expect(r.continuation).toMatchObject({ rule: "product-change", rates: "first-infusion", lastProduct: "privigen" });
    // The reason names the products as their labels do, not by the tool's ids.
    expect(r.continuation?.reason).toContain("from Privigen 10 % to Gammagard Liquid 10 %");
    expect(r.infusions[0]!.infusionKind).toBe("first");
    expect(r.notes.find((n) => n.code === "CONTINUES")?.sources).toContain(
      "https://www.gammagard.com/hcp/pidd/dosing-administration",
    );
  });

  it("--first-infusion asks for it; --courses-given alone (last date unknown) starts at the first-infusion rates", () => {
    const asked = planSchedule(
      scheduleInput({ courses: 1, firstInfusion: true, continuing: { lastCourseDate: "2026-11-03" } }),
      TODAY,
    );
    expect(asked.continuation?.rule).toBe("asked");
    const unknown = planSchedule(scheduleInput({ courses: 1, continuing: { coursesGiven: 4 } }), TODAY);
    expect(unknown.continuation).toMatchObject({ rule: "unknown-gap", rates: "first-infusion", firstCourse: 5 });
    expect(unknown.infusions[0]).toMatchObject({ course: 5, infusionKind: "first" });
  });

  it("a last course whose last infusion is not before the start is refused, naming --last-course", () => {
    const plan = () =>
      planSchedule(scheduleInput({ startDate: "2026-11-04", continuing: { lastCourseDate: "2026-11-03" } }), TODAY);
    expect(plan).toThrow(DomainError);
    expect(plan).toThrow(/--last-course 2026-11-03: its last infusion \(2026-11-04\) is not before/);
  });

  it("course numbers in messages follow the printed numbering (a pushed course)", () => {
    // Course 2 (planned Tue 29 Dec) is pushed by the avoided days: the note names course 13.
    const r = planSchedule(
      scheduleInput({
        courses: 2,
        avoid: { weekends: false, dates: ["2026-12-29", "2026-12-30"] },
        continuing: { lastCourseDate: "2026-11-03", coursesGiven: 11 },
      }),
      TODAY,
    );
    expect(r.infusions.map((i) => i.course)).toEqual([12, 12, 13, 13]);
    expect(r.notes.filter((n) => n.code === "MOVED").map((n) => n.message)[0]).toMatch(/^course 13 day 1/);
  });

  it("a plan starts from --last-course: phase 1 continues, later phases are numbered on", () => {
    const r = planPhases(
      [
        scheduleInput({
          startDate: undefined,
          courses: 1,
          continuing: { lastCourseDate: "2026-11-03", coursesGiven: 6 },
        }),
        scheduleInput({ startDate: undefined, doseGPerKg: 1, daysPerCourse: 1, courses: 2 }),
      ],
      TODAY,
    );
    expect(r.courseTotals.map((t) => [t.course, t.startDate])).toEqual([
      [7, "2026-12-01"],
      [8, "2026-12-29"],
      [9, "2027-01-26"],
    ]);
    expect(r.continuation).toMatchObject({ firstCourse: 7, rule: "maintenance" });
  });
});

describe("an established SCIG patient continues from --last-scig; --doses counts doses", () => {
  it("--doses 4 gives 4 weekly doses (--courses 4 gives 16)", () => {
    const scig = { productId: "hizentra" };
    const byCourses = planSchedule(scheduleInput({ route: "scig", courses: 4, scig }), TODAY);
    expect(byCourses.courseTotals).toHaveLength(16);
    const byDoses = planSchedule(scheduleInput({ route: "scig", scig: { ...scig, doses: 4 } }), TODAY);
    expect(byDoses.courseTotals.map((t) => t.startDate)).toEqual([
      "2026-12-01",
      "2026-12-08",
      "2026-12-15",
      "2026-12-22",
    ]);
  });

  it("HyQvia every 2 weeks after --last-scig 2026-11-24: next dose 2026-12-08, full dose, no ramp-up, no first infusions", () => {
    // 70 kg × 2 g/kg every 4 weeks = 140 g / 4 = 35 g a week; every 2 weeks each dose is 70 g (700 mL ≤ 1200 mL a day).
    const r = planSchedule(
      scheduleInput({
        startDate: undefined,
        route: "scig",
        scig: { productId: "hyqvia", everyWeeks: 2, doses: 3 },
        continuing: { lastScigDate: "2026-11-24", coursesGiven: 20 },
      }),
      TODAY,
    );
    // 24 Nov + 14 days = 8 Dec; then 22 Dec, 5 Jan.
    expect(r.courseTotals.map((t) => [t.course, t.startDate, t.doseG])).toEqual([
      [21, "2026-12-08", 70],
      [22, "2026-12-22", 70],
      [23, "2027-01-05", 70],
    ]);
    expect(r.regimen.scig?.rampUp).toBe(false);
    expect(r.infusions.every((i) => i.infusionKind === "later")).toBe(true);
    expect(r.continuation).toMatchObject({ lastScig: "2026-11-24", gapDays: 14, rule: "maintenance" });
    expect(r.notes.find((n) => n.code === "CONTINUES")?.message).toMatch(
      /; dose 21 on 2026-12-08 starts at the maintenance/,
    );
  });

  it("a switch to HyQvia from another SCIG (--last-product hizentra) ramps up, at the first-infusion limits", () => {
    // HyQvia PI: patients switching from SCIG get the full interval after the ramp-up: 1-week dose
    // (35 g) on 8 Dec, then the 2-week dose (70 g) a week later.
    const r = planSchedule(
      scheduleInput({
        startDate: undefined,
        route: "scig",
        scig: { productId: "hyqvia", everyWeeks: 2, doses: 3 },
        continuing: { lastScigDate: "2026-11-24", lastProductId: "hizentra" },
      }),
      TODAY,
    );
    expect(r.courseTotals.map((t) => [t.startDate, t.doseG])).toEqual([
      ["2026-12-08", 35],
      ["2026-12-15", 70],
      ["2026-12-29", 70],
    ]);
    expect(r.regimen.scig?.rampUp).toBe(true);
    expect(r.continuation?.rule).toBe("product-change");
    expect(r.infusions[0]!.infusionKind).toBe("first");
  });
});
