import type ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { planSchedule } from "../../src/core/schedule.js";
import type { ScheduleResult } from "../../src/core/resultSchema.js";
import { renderIcs } from "../../src/render/ics.js";
import { wallTimeToUtc } from "../../src/render/wallTime.js";
import { checkRfc5545, instant, parseIcs, value } from "../helpers/formats.js";
import { scheduleInput } from "../helpers/input.js";

const TODAY = "2026-11-25";
// Courses on 2027-02-22, 03-22 and 04-19: Europe/London changes to summer time on 2027-03-28.
const result = planSchedule(scheduleInput({ courses: 3, startDate: "2027-02-22" }), TODAY);
// Courses every 2 weeks from 2027-03-01: the first in winter, 03-15 and 03-29 after New York's
// 2027-03-14 change to summer time.
const newYork = planSchedule(scheduleInput({ courses: 3, startDate: "2027-03-01", intervalWeeks: 2 }), TODAY);

describe("renderIcs, all-day", () => {
  const text = renderIcs(result);
  const { events } = parseIcs(text);

  it("is valid RFC 5545 text with one all-day event per infusion on the result's dates", () => {
    checkRfc5545(text);
    expect(events).toHaveLength(result.infusions.length);
    events.forEach((e, k) => {
      const start = value(e, "dtstart") as ICAL.Time;
      const end = value(e, "dtend") as ICAL.Time;
      expect(start.isDate).toBe(true);
      expect(start.toString()).toBe(result.infusions[k]!.date);
      const next = start.clone();
      next.adjust(1, 0, 0, 0);
      expect(end.isDate).toBe(true);
      expect(end.toString()).toBe(next.toString());
    });
    expect(text).toMatch(/^DTSTART;VALUE=DATE:20270222\r$/m);
  });

  it("has unique, well-formed UIDs, stable across renders and across a changed dose", () => {
    const uids = events.map((e) => String(value(e, "uid")));
    expect(new Set(uids).size).toBe(uids.length);
    for (const [k, uid] of uids.entries()) {
      const i = result.infusions[k]!;
      expect(uid).toMatch(new RegExp(`^[0-9a-f]{16}-c${i.course}-d${i.day}@mmn-dose$`));
    }
    expect(renderIcs(planSchedule(scheduleInput({ courses: 3, startDate: "2027-02-22" }), TODAY))).toBe(text);
    // A changed dose keeps the UIDs of a calendar with an identity; without one they derive from the
    // inputs, the dose among them (two patients of one weight on other doses must not collide).
    const changed = planSchedule(scheduleInput({ courses: 3, startDate: "2027-02-22", doseGPerKg: 1.8 }), TODAY);
    const uidsOf = (text: string) => parseIcs(text).events.map((e) => value(e, "uid"));
    const identity = { patientRef: "Patient/5" };
    expect(uidsOf(renderIcs(changed, identity))).toEqual(uidsOf(renderIcs(result, identity)));
    expect(uidsOf(renderIcs(changed))).not.toEqual(uids);
  });

  it("gives another schedule (start date, weight, product) or --calendar-id other UIDs", () => {
    const uid0 = (r: ScheduleResult, calendarId?: string) =>
      String(value(parseIcs(renderIcs(r, { calendarId })).events[0]!, "uid"));
    const base = uid0(result);
    expect(uid0(planSchedule(scheduleInput({ courses: 1, startDate: "2027-02-23" }), TODAY))).not.toBe(base);
    expect(uid0(planSchedule(scheduleInput({ courses: 1, startDate: "2027-02-22", weightKg: 71 }), TODAY))).not.toBe(
      base,
    );
    expect(
      uid0(planSchedule(scheduleInput({ courses: 1, startDate: "2027-02-22", productId: "privigen" }), TODAY)),
    ).not.toBe(base);
    expect(uid0(result, "ward-7")).not.toBe(base);
    expect(uid0(result, "ward-7")).toBe(
      uid0(planSchedule(scheduleInput({ courses: 1, startDate: "2027-05-01" }), TODAY), "ward-7"),
    );
  });

  it("stamps every event with the start date at 00:00Z (no clock: same input, same bytes)", () => {
    for (const e of events) expect(instant(e, "dtstamp")).toBe("2027-02-22T00:00:00.000Z");
  });

  it("summarises and describes each day, escaped, with no patient identifier", () => {
    expect(events.map((e) => value(e, "summary"))).toEqual(
      result.infusions.map(
        (i) => `IVIG ${i.doseG} g Gammagard Liquid 10 % (course ${i.course}, day ${i.day}/${i.daysInCourse})`,
      ),
    );
    const d = String(value(events[0]!, "description"));
    expect(d).toContain("Dose: 70 g (1 g/kg of dosing weight 70 kg)");
    expect(d).toContain("Volume: 700 mL");
    expect(d).toContain("Vials: 2 × 30 g + 1 × 10 g"); // multi-byte "×" survives folding
    expect(d).toContain("35 mL/h");
    for (const w of result.warnings) expect(d).toContain(`${w.code}: ${w.message}`);
    expect(d.split("\n").at(-1)).toBe(
      "Decision support only: check against the current label; the prescriber and pharmacist decide.",
    );
    expect(text).toContain("\\,"); // commas in TEXT are escaped
    expect(text).toContain("\\n"); // and newlines
    expect(text).not.toMatch(/patient|typed/i);
  });
});

describe("renderIcs, timed across daylight saving", () => {
  it("09:00 Europe/London is 09:00Z in winter and 08:00Z after 28 March 2027, ending after the chair time", () => {
    const text = renderIcs(result, { time: "09:00", tz: "Europe/London" });
    checkRfc5545(text);
    const { events } = parseIcs(text);
    expect(events.map((e) => instant(e, "dtstart"))).toEqual([
      "2027-02-22T09:00:00.000Z",
      "2027-02-23T09:00:00.000Z",
      "2027-03-22T09:00:00.000Z",
      "2027-03-23T09:00:00.000Z",
      "2027-04-19T08:00:00.000Z",
      "2027-04-20T08:00:00.000Z",
    ]);
    expect(text).toMatch(/^DTSTART:20270419T080000Z\r$/m);
    events.forEach((e, k) => {
      const minutes = (Date.parse(instant(e, "dtend")) - Date.parse(instant(e, "dtstart"))) / 60_000;
      expect(minutes).toBe(result.infusions[k]!.durationMinutes);
    });
  });

  it("09:00 America/New_York is 14:00Z before 14 March 2027 and 13:00Z after", () => {
    const text = renderIcs(newYork, { time: "09:00", tz: "America/New_York" });
    checkRfc5545(text);
    const starts = parseIcs(text).events.map((e) => instant(e, "dtstart"));
    expect(starts).toEqual(newYork.infusions.map((i) => `${i.date}T${i.date < "2027-03-14" ? "14" : "13"}:00:00.000Z`));
    expect(new Set(starts.map((s) => s.slice(11, 13)))).toEqual(new Set(["14", "13"])); // the fixture crosses the change
  });

  it("converts wall times across both changes, at the edges and in a half-hour zone", () => {
    expect(wallTimeToUtc("2027-03-13", "09:00", "America/New_York").toISOString()).toBe("2027-03-13T14:00:00.000Z");
    expect(wallTimeToUtc("2027-03-15", "09:00", "America/New_York").toISOString()).toBe("2027-03-15T13:00:00.000Z");
    expect(wallTimeToUtc("2027-11-08", "09:00", "America/New_York").toISOString()).toBe("2027-11-08T14:00:00.000Z");
    // On the change days themselves, just after the switch. In New York the naive guess (the wall
    // time read as UTC) falls on the other side of the change, so one offset lookup is not enough.
    expect(wallTimeToUtc("2027-03-14", "03:30", "America/New_York").toISOString()).toBe("2027-03-14T07:30:00.000Z");
    expect(wallTimeToUtc("2027-11-07", "05:00", "America/New_York").toISOString()).toBe("2027-11-07T10:00:00.000Z");
    expect(wallTimeToUtc("2027-03-28", "09:00", "Europe/London").toISOString()).toBe("2027-03-28T08:00:00.000Z");
    expect(wallTimeToUtc("2027-10-31", "09:00", "Europe/London").toISOString()).toBe("2027-10-31T09:00:00.000Z");
    expect(wallTimeToUtc("2027-07-01", "23:30", "Australia/Lord_Howe").toISOString()).toBe("2027-07-01T13:00:00.000Z");
    expect(wallTimeToUtc("2027-07-01", "09:00", "Asia/Kolkata").toISOString()).toBe("2027-07-01T03:30:00.000Z");
  });
});
