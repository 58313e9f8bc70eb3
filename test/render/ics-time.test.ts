import { describe, expect, it } from "vitest";
import { planSchedule } from "../../src/core/schedule.js";
import { renderIcs } from "../../src/render/ics.js";
import { nonexistentTimes } from "../../src/render/wallTime.js";
import { resolveWallTime, wallTimeToUtc } from "../../src/render/wallTime.js";
import { runCli } from "../helpers/cli.js";
import { checkRfc5545, instant, parseIcs, value } from "../helpers/formats.js";
import { scheduleInput } from "../helpers/input.js";

// Expected instants by hand: New York jumps from 02:00 EST (UTC−5) to 03:00 EDT (UTC−4) on
// 2027-03-14 at 07:00Z, and falls back from 02:00 EDT to 01:00 EST on 2027-11-07 at 06:00Z; London
// jumps from 01:00 GMT to 02:00 BST on 2027-03-28 at 01:00Z. RFC 5545 §3.3.5: a time in the gap is
// read with the offset before the gap (02:30 → 03:30 EDT = 07:30Z); a repeated time is its first
// occurrence (01:30 EDT = 05:30Z).
describe("--time on a daylight-saving change day (RFC 5545)", () => {
  it("a time in a spring-forward gap moves forward by the gap", () => {
    expect(resolveWallTime("2027-03-14", "02:30", "America/New_York")).toEqual({
      instant: new Date("2027-03-14T07:30:00Z"),
      shiftMinutes: 60,
    });
    expect(wallTimeToUtc("2027-03-14", "02:00", "America/New_York").toISOString()).toBe("2027-03-14T07:00:00.000Z");
    expect(resolveWallTime("2027-03-28", "01:30", "Europe/London")).toEqual({
      instant: new Date("2027-03-28T01:30:00Z"),
      shiftMinutes: 60,
    });
  });

  it("a time that exists is not moved, and a repeated time is its first occurrence", () => {
    expect(resolveWallTime("2027-03-14", "03:00", "America/New_York")).toEqual({
      instant: new Date("2027-03-14T07:00:00Z"),
      shiftMinutes: 0,
    });
    expect(resolveWallTime("2027-03-14", "01:59", "America/New_York")).toEqual({
      instant: new Date("2027-03-14T06:59:00Z"),
      shiftMinutes: 0,
    });
    expect(resolveWallTime("2027-11-07", "01:30", "America/New_York")).toEqual({
      instant: new Date("2027-11-07T05:30:00Z"),
      shiftMinutes: 0,
    });
  });

  it("the ICS event starts at 03:30 EDT and says why, read back with ical.js", () => {
    const r = planSchedule(scheduleInput({ courses: 1, startDate: "2027-03-14" }), "2026-11-25");
    const text = renderIcs(r, { time: "02:30", tz: "America/New_York" });
    checkRfc5545(text);
    const { events } = parseIcs(text);
    expect(events.map((e) => instant(e, "dtstart"))).toEqual(["2027-03-14T07:30:00.000Z", "2027-03-15T06:30:00.000Z"]);
    expect(String(value(events[0]!, "description"))).toContain(
      "Start time moved: 02:30 does not exist on 2027-03-14 in America/New_York (the clocks go forward): the event starts at 03:30 (RFC 5545)",
    );
    expect(String(value(events[1]!, "description"))).not.toContain("Start time moved");
    expect(nonexistentTimes(r, "02:30", "America/New_York").map((g) => g.date)).toEqual(["2027-03-14"]);
  });

  it("the CLI writes the event at 07:30Z and a note on stderr, exit 0", () => {
    const run = runCli([
      "--weight",
      "70",
      "--start",
      "2027-03-14",
      "--courses",
      "1",
      "--format",
      "ics",
      "--time",
      "02:30",
      "--tz",
      "America/New_York",
      // An identity: stderr holds the time note alone (without one, a line says reissues add events).
      "--calendar-id",
      "dst-check",
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^DTSTART:20270314T073000Z\r$/m);
    expect(run.stderr).toBe(
      "mmn-dose: note: 02:30 does not exist on 2027-03-14 in America/New_York (the clocks go forward): the event starts at 03:30 (RFC 5545)\n",
    );
  });
});

describe("--time without --tz needs a usable system zone", () => {
  const args = ["--weight", "70", "--start", "2026-12-01", "--courses", "1", "--format", "ics", "--time", "09:00"];

  it.each([[""], ["Not/AZone"], ["CET-1CEST"]])("TZ=%j is refused (exit 2, naming --tz), never read as UTC", (tz) => {
    const run = runCli(args, { TZ: tz });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toBe(
      `mmn-dose: --time needs a time zone and the system zone TZ=${JSON.stringify(tz)} is empty or not an IANA zone: give --tz, e.g. --tz Europe/London`,
    );
  });

  it("--tz (or a known system zone) is used as given", () => {
    expect(runCli([...args, "--tz", "Europe/London"], { TZ: "Not/AZone" }).stdout).toMatch(
      /^DTSTART:20261201T090000Z\r$/m,
    );
    expect(runCli(args, { TZ: "America/New_York" }).stdout).toMatch(/^DTSTART:20261201T140000Z\r$/m);
    expect(runCli(args, { TZ: ":Europe/London" }).stdout).toMatch(/^DTSTART:20261201T090000Z\r$/m);
  });

  it("all-day events need no zone", () => {
    expect(runCli(args.slice(0, -2), { TZ: "Not/AZone" }).status).toBe(0);
  });
});
