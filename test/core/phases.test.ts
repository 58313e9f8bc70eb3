import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/core/domainError.js";
import type { ScheduleInput } from "../../src/core/input.js";
import { planPhases as planPhasesData } from "../../src/core/phases.js";
import { ScheduleResultSchema } from "../../src/core/resultSchema.js";
import { scheduleInput } from "../helpers/input.js";
import { flagged } from "../helpers/inFlags.js";

const planPhases = flagged(planPhasesData);

const TODAY = "2026-11-25";

/** The contract's example as the CLI hands it to the core (inheritance applied, starts left to the core). */
function contractExample(): ScheduleInput[] {
  const phase1 = scheduleInput({ doseGPerKg: 2, daysPerCourse: 5, intervalWeeks: 4, courses: 1 });
  const phase2 = { ...phase1, doseGPerKg: 1, intervalWeeks: 3, daysPerCourse: 1, courses: 3, startDate: undefined };
  const phase3: ScheduleInput = {
    ...phase2,
    route: "scig",
    courses: undefined,
    untilDate: "2027-03-16",
    scig: {},
  };
  return [phase1, phase2, phase3];
}

describe("planPhases: the contract's example, by hand (70 kg, start 2026-12-01)", () => {
  const r = planPhases(contractExample(), TODAY);
  const byPhase = (k: number) => r.infusions.filter((i) => i.phase === k);

  it("validates against the output schema", () => {
    expect(ScheduleResultSchema.safeParse(r).success).toBe(true);
  });

  it("phase 1: 2 g/kg × 70 kg = 140 g over 5 days = 28 g a day, Dec 1–5 (28 g = 20 + 5 + 1 + 1 + 1: whole 1 g vials, no rounding)", () => {
    const p1 = byPhase(1);
    expect(p1.map((i) => i.date)).toEqual(["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05"]);
    expect(p1.map((i) => i.doseG)).toEqual([28, 28, 28, 28, 28]);
    // Fewest vials for 28 g from 1, 2.5, 5, 10, 20, 30 g: 20 + 5 + 3 × 1 (5 vials; 2.5 g vials cannot make the last 3 g in fewer).
    expect(p1[0]!.vials).toEqual([
      { sizeG: 20, count: 1 },
      { sizeG: 5, count: 1 },
      { sizeG: 1, count: 3 },
    ]);
    expect(p1[0]!.infusionKind).toBe("first");
  });

  it("phase 2 starts 2026-12-29 (Dec 1 + 4 weeks): 1 g/kg = 70 g on 1 day every 3 weeks, Dec 29, Jan 19, Feb 9", () => {
    const p2 = byPhase(2);
    expect(p2.map((i) => i.date)).toEqual(["2026-12-29", "2027-01-19", "2027-02-09"]);
    expect(p2.map((i) => i.doseG)).toEqual([70, 70, 70]);
    // 70 g = 30 + 30 + 10 (3 vials).
    expect(p2[0]!.vials).toEqual([
      { sizeG: 30, count: 2 },
      { sizeG: 10, count: 1 },
    ]);
    // Same product, 24 days after Dec 5: not a first infusion (NL-IVIG002: only after more than 8 weeks).
    expect(p2.map((i) => i.infusionKind)).toEqual(["later", "later", "later"]);
    // Courses are numbered through the plan: phase 2's courses are 2, 3, 4.
    expect(p2.map((i) => i.course)).toEqual([2, 3, 4]);
  });

  it("phase 3 SCIG starts 2027-02-16, one week after the last IVIG (Feb 9), weekly to 2027-03-16: 70 g ÷ 3 weeks = 23.33 g → 23 g", () => {
    const p3 = byPhase(3);
    // (Mar 16 − Feb 16) = 28 days: floor(28 / 7) + 1 = 5 weekly infusions.
    expect(p3.map((i) => i.date)).toEqual(["2027-02-16", "2027-02-23", "2027-03-02", "2027-03-09", "2027-03-16"]);
    // 70 000 mg ÷ 3 × factor 1 = 23 333 mg; Hizentra vials 1, 2, 4, 10 g: nearest whole-vial total is 23 g = 10 + 10 + 2 + 1.
    expect(p3.map((i) => i.doseG)).toEqual([23, 23, 23, 23, 23]);
    expect(p3[0]!.vials).toEqual([
      { sizeG: 10, count: 2 },
      { sizeG: 2, count: 1 },
      { sizeG: 1, count: 1 },
    ]);
    // 23 g at 0.2 g/mL = 115 mL; a switch of route: Hizentra's first infusion (1) is a first infusion.
    expect(p3[0]!.volumeMl).toBe(115);
    expect(p3.map((i) => i.infusionKind)).toEqual(["first", "later", "later", "later", "later"]);
  });

  it("the phases summary: route, product, dose, interval, dates, counts and totals (5 × 28 = 140; 3 × 70 = 210; 5 × 23 = 115)", () => {
    expect(r.phases!.map(({ regimen: _r, startRule: _s, productName: _n, ...p }) => p)).toEqual([
      {
        phase: 1,
        route: "ivig",
        product: "gammagard-liquid",
        doseGPerKg: 2,
        intervalWeeks: 4,
        firstDate: "2026-12-01",
        lastDate: "2026-12-05",
        infusionCount: 5,
        totalG: 140,
      },
      {
        phase: 2,
        route: "ivig",
        product: "gammagard-liquid",
        doseGPerKg: 1,
        intervalWeeks: 3,
        firstDate: "2026-12-29",
        lastDate: "2027-02-09",
        infusionCount: 3,
        totalG: 210,
      },
      {
        phase: 3,
        route: "scig",
        product: "hizentra",
        // The SCIG regimen's own dose: 23 333 mg a week ÷ 70 kg = 0.333 g/kg.
        doseGPerKg: 0.333,
        intervalWeeks: 1,
        firstDate: "2027-02-16",
        lastDate: "2027-03-16",
        infusionCount: 5,
        totalG: 115,
      },
    ]);
    expect(r.regimen).toEqual(r.phases![0]!.regimen);
  });

  it("course totals carry their phase and the plan's course numbers", () => {
    expect(r.courseTotals.map((c) => [c.course, c.phase, c.doseG])).toEqual([
      [1, 1, 140],
      [2, 2, 70],
      [3, 2, 70],
      [4, 2, 70],
      [5, 3, 23],
      [6, 3, 23],
      [7, 3, 23],
      [8, 3, 23],
      [9, 3, 23],
    ]);
  });

  it("messages of one phase name it; a message every phase gives is printed once, without remedies", () => {
    const start = r.notes.filter((n) => n.code === "PHASE_START" || n.code === "SCIG_START").map((n) => n.message);
    expect(start).toEqual([
      "phase 2: starts 2026-12-29, when phase 1's next course would have started (2026-12-01 + 28 days)",
      "phase 3: SCIG starts 2027-02-16, one week after the last IVIG infusion (label)",
    ]);
    // 1 g/kg every 3 weeks = 1.45 g/kg/month, below the MMN study's 2: the study-factor warning, phase 3 only.
    const study = r.warnings.find((w) => w.code === "SCIG_FACTOR_BELOW_MMN_STUDY");
    expect(study?.message.startsWith("phase 3: ")).toBe(true);
    expect(r.warnings.every((w) => w.remedies === undefined)).toBe(true);
    const codes = r.warnings.map((w) => `${w.code}|${w.message}`);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("planPhases: starts and safety rules across phases", () => {
  const ivig = (o: Partial<ScheduleInput>) => scheduleInput({ daysPerCourse: 2, courses: 1, ...o });

  it("a start on or before the previous phase's last infusion is refused (PHASE_OVERLAP)", () => {
    // Phase 1: Dec 1–2 (2 days); a start on Dec 2 overlaps.
    const run = () => planPhases([ivig({}), ivig({ startDate: "2026-12-02" })], TODAY);
    expect(run).toThrow(DomainError);
    expect(run).toThrow(/phase 2: start 2026-12-02 is on or before phase 1's last infusion on 2026-12-02/);
    // Dec 3 is after the last infusion: accepted.
    const r = planPhases([ivig({}), ivig({ startDate: "2026-12-03" })], TODAY);
    expect(r.infusions.map((i) => i.date)).toEqual(["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"]);
  });

  it("an empty plan is refused", () => {
    expect(() => planPhases([], TODAY)).toThrow(/at least one phase/);
  });

  it("a phase more than 8 weeks after the previous infusion starts as a first infusion; 8 weeks exactly does not", () => {
    // Phase 1 Dec 1–2; phase 2 start Jan 27 = 56 days after Dec 2: later; Jan 28 = 57 days: first.
    const at = (start: string) =>
      planPhases([ivig({}), ivig({ startDate: start })], TODAY).infusions.filter((i) => i.phase === 2)[0]!.infusionKind;
    expect(at("2027-01-27")).toBe("later");
    expect(at("2027-01-28")).toBe("first");
  });

  it("a change of product starts as a first infusion (switching products: the lower rate)", () => {
    const r = planPhases([ivig({}), ivig({ startDate: undefined, productId: "privigen" })], TODAY);
    expect(r.infusions.filter((i) => i.phase === 2).map((i) => i.infusionKind)).toEqual(["first", "later"]);
  });

  it("skip-weekends applies to every phase, and a phase's errors name the phase", () => {
    // Phase 2 would start Tue Dec 29; with a closure of Dec 29–31 it moves to Fri Jan 1, then Mon Jan 4 (weekend).
    const avoid = { weekends: true, dates: ["2026-12-29", "2026-12-30", "2026-12-31"] };
    const r = planPhases([ivig({ avoid }), ivig({ avoid, startDate: undefined })], TODAY);
    expect(r.infusions.map((i) => i.date)).toEqual(["2026-12-01", "2026-12-02", "2027-01-01", "2027-01-04"]);
    expect(() =>
      planPhases([ivig({}), ivig({ startDate: undefined, untilDate: "2026-12-20", courses: undefined })], TODAY),
    ).toThrow(/^phase 2: --until 2026-12-20 is before the start date 2026-12-29/);
  });

  it("an SCIG phase after an SCIG phase goes on from its next dose date, without the label's first infusions again", () => {
    // Phase 1: weekly SCIG over 1 course × 4 weeks = 4 doses, Dec 1–22; phase 2 starts at phase 1's next
    // dose date, Dec 22 + 1 week = Dec 29 (the same product within 8 weeks: no first infusion again).
    const scig = (o: Partial<ScheduleInput>) => scheduleInput({ route: "scig", scig: {}, courses: 1, ...o });
    const r = planPhases([scig({}), scig({ startDate: undefined, scig: { factor: 1.37 } })], TODAY);
    const p2 = r.infusions.filter((i) => i.phase === 2);
    expect(r.infusions.filter((i) => i.phase === 1).map((i) => i.date)).toEqual([
      "2026-12-01",
      "2026-12-08",
      "2026-12-15",
      "2026-12-22",
    ]);
    expect(p2[0]!.date).toBe("2026-12-29");
    expect(p2.every((i) => i.infusionKind === "later")).toBe(true);
    expect(r.notes.filter((n) => n.code === "SCIG_START").map((n) => n.message)).toContain(
      "phase 2: SCIG goes on from 2026-12-29, after the previous phase's last SCIG infusion on 2026-12-22",
    );
  });

  it("an SCIG phase with its own start after IVIG says how far it is from the last IVIG", () => {
    const scig: ScheduleInput = { ...ivig({}), route: "scig", scig: {}, startDate: "2026-12-12", courses: 2 };
    const r = planPhases([ivig({}), scig], TODAY);
    expect(r.infusions.filter((i) => i.phase === 2)[0]!.date).toBe("2026-12-12");
    expect(r.notes.find((n) => n.code === "SCIG_START")?.message).toBe(
      "phase 2: SCIG starts 2026-12-12 (its start), 10 days after the last IVIG infusion on 2026-12-02; the labels start SCIG one " +
        "week after the last IVIG",
    );
  });
});
