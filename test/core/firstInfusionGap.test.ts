import { describe, expect, it } from "vitest";
import { planSchedule } from "../../src/core/schedule.js";
import { FIRST_INFUSION_GAP_DAYS } from "../../src/data/guidelines.js";
import { scheduleInput } from "../helpers/input.js";

const TODAY = "2026-11-25";
const kinds = (r: ReturnType<typeof planSchedule>) => r.infusions.filter((i) => i.day === 1).map((i) => i.infusionKind);

describe("a course more than 8 weeks after the previous infusion is a first infusion, by the placed dates", () => {
  it("the 8 weeks are NL-IVIG002's, in days", () => {
    expect(FIRST_INFUSION_GAP_DAYS.value).toBe(8 * 7);
    expect(FIRST_INFUSION_GAP_DAYS.source.id).toBe("nlIvig002");
  });

  it("--every 8 with 2-day courses: 55 days from the last infusion, not a first infusion", () => {
    // Course 1: 1–2 Dec; course 2 planned 26 Jan 2027, 55 days after 2 Dec.
    const r = planSchedule(scheduleInput({ intervalWeeks: 8, courses: 3 }), TODAY);
    expect(kinds(r)).toEqual(["first", "later", "later"]);
  });

  it("--every 8 with a closure that pushes course 2 to 57 days after course 1's last day: first infusion again", () => {
    const r = planSchedule(
      scheduleInput({ intervalWeeks: 8, courses: 3, avoid: { dates: ["2027-01-26", "2027-01-27"] } }),
      TODAY,
    );
    expect(r.infusions.find((i) => i.course === 2)?.date).toBe("2027-01-28");
    // Course 3 (23 Mar) is 53 days after course 2's last day (29 Jan): a later infusion.
    expect(kinds(r)).toEqual(["first", "first", "later"]);
    expect(r.infusions.filter((i) => i.course === 2).map((i) => i.infusionKind)).toEqual(["first", "later"]);
  });

  it("exactly 8 weeks is not 'greater than 8 weeks' (1-day courses every 8 weeks)", () => {
    const r = planSchedule(scheduleInput({ intervalWeeks: 8, daysPerCourse: 1, maxDailyGPerKg: 2, courses: 2 }), TODAY);
    expect(kinds(r)).toEqual(["first", "later"]);
  });

  it("--every 9 stays a first infusion every course; --first-infusion makes every course's first day one", () => {
    expect(kinds(planSchedule(scheduleInput({ intervalWeeks: 9, courses: 3 }), TODAY))).toEqual([
      "first",
      "first",
      "first",
    ]);
    expect(kinds(planSchedule(scheduleInput({ intervalWeeks: 4, courses: 3, firstInfusion: true }), TODAY))).toEqual([
      "first",
      "first",
      "first",
    ]);
  });
});

describe("a note says why a later course runs at the first-infusion rates", () => {
  const gapNote = (r: ReturnType<typeof planSchedule>) => r.notes.find((n) => n.code === "FIRST_INFUSION_AFTER_GAP");

  it("--every 9 with 2-day courses: courses 2 and 3 are 62 days after the infusion before them", () => {
    // Course 1: 1–2 Dec 2026; course 2: 1 Dec + 63 days = 2 Feb 2027, 62 days after 2 Dec (29 + 31 + 2);
    // course 3: 2 Feb + 63 days = 6 Apr, 62 days after 3 Feb (25 + 31 + 6). Both > 56.
    const r = planSchedule(scheduleInput({ intervalWeeks: 9, courses: 3 }), TODAY);
    expect(kinds(r)).toEqual(["first", "first", "first"]);
    const note = gapNote(r)!;
    expect(note.message).toMatch(
      /^course 2 \(2027-02-02, 62 days after 2026-12-02\), course 3 \(2027-04-06, 62 days after 2027-02-03\) start at the first-infusion rates: more than 56 days/,
    );
    expect(note.sources).toEqual([FIRST_INFUSION_GAP_DAYS.source.url]);
  });

  it("no note when no later course is a first infusion (--every 8), or when --first-infusion asks for it", () => {
    expect(gapNote(planSchedule(scheduleInput({ intervalWeeks: 8, courses: 3 }), TODAY))).toBeUndefined();
    const asked = planSchedule(scheduleInput({ intervalWeeks: 9, courses: 3, firstInfusion: true }), TODAY);
    expect(gapNote(asked)).toBeUndefined();
  });
});
