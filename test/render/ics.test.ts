import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { planSchedule } from "../../src/core/schedule.js";
import { renderIcs, wallTimeToUtc } from "../../src/render/ics.js";
import { scheduleInput } from "../helpers/input.js";

const result = planSchedule(scheduleInput({ courses: 3, startDate: "2027-02-22" }), "2026-11-25");

function events(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents("vevent") };
}

function checkRfc5545(text: string) {
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // CRLF only
  for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const { cal, events: evs } = events(text);
  expect(cal.getFirstPropertyValue("version")).toBe("2.0");
  expect(cal.getFirstPropertyValue("prodid")).toBe("-//mmn-dose//mmn-dose//EN");
  for (const e of evs) {
    for (const p of ["uid", "dtstamp", "dtstart"]) expect(e.getFirstPropertyValue(p)).toBeTruthy();
    expect(e.hasProperty("dtend") && e.hasProperty("duration")).toBe(false);
  }
  expect(text).not.toMatch(/TZID/); // times are UTC, so no VTIMEZONE is needed
}

describe("renderIcs, all-day", () => {
  const text = renderIcs(result);
  const { events: evs } = events(text);

  it("has one all-day event per infusion on the result's dates", () => {
    checkRfc5545(text);
    expect(evs).toHaveLength(result.infusions.length);
    evs.forEach((e, k) => {
      const start = e.getFirstPropertyValue("dtstart") as ICAL.Time;
      expect(start.isDate).toBe(true);
      expect(start.toString()).toBe(result.infusions[k]!.date);
    });
  });

  it("has unique UIDs, stable across renders and across a changed dose", () => {
    const uids = evs.map((e) => e.getFirstPropertyValue("uid"));
    expect(new Set(uids).size).toBe(uids.length);
    expect(renderIcs(result)).toBe(text);
    const changed = planSchedule(scheduleInput({ courses: 3, startDate: "2027-02-22", doseGPerKg: 1.8 }), "2026-11-25");
    expect(events(renderIcs(changed)).events.map((e) => e.getFirstPropertyValue("uid"))).toEqual(uids);
  });

  it("carries dose, volume, vials, rate plan and warnings, escaped", () => {
    const d = String(evs[0]!.getFirstPropertyValue("description"));
    expect(d).toContain("Dose: 70 g");
    expect(d).toContain("Vials: 2 × 30 g + 1 × 10 g");
    expect(d).toContain("35 mL/h");
    expect(d).toContain("Warning RATE_STEPS_NOT_IN_LABEL");
    expect(text).toContain("\\,"); // commas in TEXT are escaped
  });
});

describe("renderIcs, timed across daylight saving", () => {
  it("09:00 Europe/London is 09:00Z in winter and 08:00Z after 28 March 2027, ending after the chair time", () => {
    const text = renderIcs(result, { time: "09:00", tz: "Europe/London" });
    checkRfc5545(text);
    const evs = events(text).events;
    const starts = evs.map((e) => (e.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString());
    expect(starts[0]).toBe("2027-02-22T09:00:00.000Z");
    expect(starts[2]).toBe("2027-03-22T09:00:00.000Z");
    expect(starts[4]).toBe("2027-04-19T08:00:00.000Z");
    evs.forEach((e, k) => {
      const minutes = ((e.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate().getTime() - (e.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().getTime()) / 60000;
      expect(minutes).toBe(result.infusions[k]!.durationMinutes);
    });
  });

  it("converts wall times in New York across both changes", () => {
    expect(wallTimeToUtc("2027-03-13", "09:00", "America/New_York").toISOString()).toBe("2027-03-13T14:00:00.000Z");
    expect(wallTimeToUtc("2027-03-15", "09:00", "America/New_York").toISOString()).toBe("2027-03-15T13:00:00.000Z");
    expect(wallTimeToUtc("2027-11-08", "09:00", "America/New_York").toISOString()).toBe("2027-11-08T14:00:00.000Z");
    expect(wallTimeToUtc("2027-07-01", "23:30", "Australia/Lord_Howe").toISOString()).toBe("2027-07-01T13:00:00.000Z");
  });
});
