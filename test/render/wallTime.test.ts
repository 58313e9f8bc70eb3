import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { clockPlus, resolveWallTime, wallTimeToUtc } from "../../src/render/wallTime.js";

// The zone arithmetic runs on @date-fns/tz offsets and date-fns instants; none of it reads the
// machine's zone, so these expectations hold under TZ=UTC, Pacific/Apia and America/New_York alike.

/** The wall clock of `instant` in `zone`, read by Intl (not by the code under test): "YYYY-MM-DD HH:MM". */
function wallClock(instant: Date, zone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

describe("zone offsets under an hour (tzdb history)", () => {
  it("Monrovia's -0:44:30 (until 1972) is west of UTC: 09:00 is 09:44Z, the offset taken to the whole minute", () => {
    // tzdb: Africa/Monrovia -0:44:30 MMT until 1972-01-07. 09:00 + 0:44:30 = 09:44:30Z; on whole
    // minutes the offset is Math.round(-44.5) = -44, so 09:44Z. @date-fns/tz 1.5 alone reads +44.5 (08:15Z).
    expect(wallTimeToUtc("1960-01-01", "09:00", "Africa/Monrovia").toISOString()).toBe("1960-01-01T09:44:00.000Z");
  });

  it("Lagos's +0:13:35 (local mean time in 1900) is east of UTC: 09:00 is 08:46Z", () => {
    // tzdb: Africa/Lagos +0:13:35 LMT in 1900; Math.round(13.58) = 14 minutes; 09:00 - 0:14 = 08:46Z.
    expect(wallTimeToUtc("1900-01-15", "09:00", "Africa/Lagos").toISOString()).toBe("1900-01-15T08:46:00.000Z");
  });
});

describe("clockPlus", () => {
  it("adds minutes on a 24-hour clock, wrapping at midnight", () => {
    expect(clockPlus("02:30", 60)).toBe("03:30");
    expect(clockPlus("23:30", 60)).toBe("00:30");
    expect(clockPlus("9:05", 30)).toBe("09:35");
    expect(clockPlus("00:00", -1)).toBe("23:59");
  });
});

const ZONES = [
  "Europe/London",
  "America/New_York",
  "America/Havana",
  "Australia/Lord_Howe",
  "Australia/Adelaide",
  "Pacific/Apia",
  "Asia/Kathmandu",
  "America/Santiago",
  "Europe/Berlin",
];

describe("resolveWallTime reads back as the wall time asked for", () => {
  test.prop([
    fc.constantFrom(...ZONES),
    fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true }),
    fc.integer({ min: 0, max: 23 }),
    fc.constantFrom(0, 15, 30, 45, 59),
  ])("in the zone, the instant shows that date and time, or the time moved forward by the gap", (zone, day, h, m) => {
    const date = day.toISOString().slice(0, 10);
    const time = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
    const { instant, shiftMinutes } = resolveWallTime(date, time, zone);
    expect(shiftMinutes).toBeGreaterThanOrEqual(0);
    const expected = new Date(Date.parse(`${date}T${time}:00Z`) + shiftMinutes * 60_000).toISOString();
    expect(wallClock(instant, zone)).toBe(`${expected.slice(0, 10)} ${expected.slice(11, 16)}`);
    // A repeated time (autumn) is its first occurrence: 30 or 60 minutes earlier (the changes these
    // zones make) the clock does not show it already.
    for (const back of [30, 60])
      expect(wallClock(new Date(instant.getTime() - back * 60_000), zone)).not.toBe(`${date} ${time}`);
  });
});
