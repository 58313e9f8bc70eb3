import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { placeCourseDays } from "../../src/core/avoid.js";
import { addCalendarDays, weekdayOf } from "../../src/core/calendarDate.js";

describe("placeCourseDays", () => {
  it("leaves allowed days alone", () => {
    expect(placeCourseDays("2026-12-01", 2, { weekends: true })).toEqual([
      { date: "2026-12-01", plannedDate: "2026-12-01" },
      { date: "2026-12-02", plannedDate: "2026-12-02" },
    ]);
  });

  it("moves a weekend start to Monday and keeps the course's days consecutive working days", () => {
    expect(placeCourseDays("2026-12-26", 2, { weekends: true }).map((d) => [d.date, d.movedBecause])).toEqual([
      ["2026-12-28", "2026-12-26 is a Saturday"],
      ["2026-12-29", "2026-12-27 is a Sunday"],
    ]);
  });

  it("a Friday–Saturday course continues on Monday", () => {
    expect(placeCourseDays("2026-12-04", 2, { weekends: true }).map((d) => d.date)).toEqual([
      "2026-12-04",
      "2026-12-07",
    ]);
  });

  it("skips avoided dates with the reason", () => {
    const placed = placeCourseDays("2026-12-24", 2, { dates: ["2026-12-25"] });
    expect(placed[1]).toEqual({
      date: "2026-12-26",
      plannedDate: "2026-12-25",
      movedBecause: "2026-12-25 is an avoided date",
    });
  });

  test.prop([
    fc.integer({ min: 0, max: 3000 }),
    fc.integer({ min: 1, max: 5 }),
    fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 6 }),
  ])("placed days are allowed, strictly increasing, never before their plan", (offset, count, avoidOffsets) => {
    const start = addCalendarDays("2026-01-01", offset);
    const dates = avoidOffsets.map((o) => addCalendarDays(start, o));
    const placed = placeCourseDays(start, count, { weekends: true, dates });
    placed.forEach((p, i) => {
      expect(["Sat", "Sun"]).not.toContain(weekdayOf(p.date));
      expect(dates).not.toContain(p.date);
      expect(p.date >= p.plannedDate).toBe(true);
      if (i > 0) expect(p.date > placed[i - 1]!.date).toBe(true);
      expect((p.movedBecause === undefined) === (p.date === p.plannedDate)).toBe(true);
    });
  });
});
