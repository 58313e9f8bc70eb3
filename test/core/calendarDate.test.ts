import { describe, expect, it } from "vitest";
import { addCalendarDays, daysBetween, isIsoDate, weekdayOf } from "../../src/core/calendarDate.js";

describe("calendar dates", () => {
  it.each([
    ["2026-12-01", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-02-30", false],
    ["2026-13-01", false],
    ["2026-1-1", false],
    ["2026-12-01T00:00", false],
    ["", false],
  ])("isIsoDate(%j) is %s", (text, ok) => expect(isIsoDate(text)).toBe(ok));

  it("adds calendar days across month, year and DST boundaries", () => {
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2027-03-27", 28)).toBe("2027-04-24");
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("counts days and names weekdays", () => {
    expect(daysBetween("2026-12-01", "2026-12-29")).toBe(28);
    expect(weekdayOf("2026-12-01")).toBe("Tue");
    expect(weekdayOf("2027-01-03")).toBe("Sun");
  });
});
