import { tz, tzOffset } from "@date-fns/tz";
import { addDays, addMinutes, lightFormat, subMinutes } from "date-fns";
import type { IsoDate } from "../core/calendarDate.js";
import type { ScheduleResult } from "../core/resultSchema.js";

// Wall-clock times in a zone, for `--time`/`--tz` calendar events. Zone offsets come from
// @date-fns/tz (the runtime's IANA data through Intl), arithmetic on instants from date-fns; nothing
// here reads the machine's own zone, so the same input gives the same instants under any TZ.

/** date-fns context: read and write the fields of a date in UTC, never in the machine's zone. */
const IN_UTC = { in: tz("UTC") } as const;

/** A wall-clock time resolved to an instant; `shiftMinutes` > 0 when the time does not exist that day. */
export interface ResolvedWallTime {
  readonly instant: Date;
  /** Minutes the clock jumped over the time (a spring-forward gap), 0 when the time exists. */
  readonly shiftMinutes: number;
}

/**
 * The reading of a wall clock, `date` at `time`, as if it were UTC: the frame in which a zone's
 * offset is taken away to reach the real instant. An ISO string with `Z` is parsed the same in
 * every zone.
 */
function wallAsUtc(date: IsoDate, time: string): Date {
  return new Date(`${date}T${time.padStart(5, "0")}:00Z`);
}

/**
 * Minutes the zone is ahead of UTC at `instant`, to the whole minute (a local mean time before
 * standard time carries seconds; events start on whole minutes).
 */
function offsetAt(zone: string, instant: Date): number {
  return Math.round(withSign(zone, instant, tzOffset(zone, instant)));
}

/**
 * @date-fns/tz 1.5 reads an offset under an hour west of UTC without its sign ("GMT-00:44:30",
 * Africa/Monrovia until 1972, comes back as +44.5); the zone's own offset name settles the sign.
 */
function withSign(zone: string, instant: Date, minutes: number): number {
  if (!(minutes > 0 && minutes < 60)) return minutes;
  const name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" }).format(instant);
  return name.includes("GMT-") ? -minutes : minutes;
}

/**
 * A wall-clock time on a date in a zone as a UTC instant, by the rule of RFC 5545 §3.3.5: a time
 * that occurs twice (autumn) is its first occurrence; a time that does not exist (inside a
 * spring-forward gap) is read with the offset before the gap, so 02:30 on a day New York jumps
 * from 02:00 to 03:00 becomes 03:30. The offsets a day before and a day after are the candidates
 * (no zone changes its offset twice within two days); a candidate holds when the zone has that
 * offset at the instant it gives.
 *
 * @example
 * resolveWallTime("2027-03-14", "02:30", "America/New_York") //=> { instant: 2027-03-14T07:30Z, shiftMinutes: 60 }
 */
export function resolveWallTime(date: IsoDate, time: string, zone: string): ResolvedWallTime {
  const wall = wallAsUtc(date, time);
  const before = offsetAt(zone, addDays(wall, -1, IN_UTC));
  const after = offsetAt(zone, addDays(wall, 1, IN_UTC));
  const valid = [...new Set([before, after])]
    .map((offset) => subMinutes(wall, offset))
    .filter((instant) => subMinutes(wall, offsetAt(zone, instant)).getTime() === instant.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
  if (valid.length > 0) return { instant: valid[0]!, shiftMinutes: 0 };
  return { instant: subMinutes(wall, before), shiftMinutes: after - before };
}

/**
 * The UTC instant of a wall-clock time on a date in a zone, correct across daylight-saving
 * changes ({@link resolveWallTime}). Emitting UTC avoids VTIMEZONE blocks, which RFC 5545 would
 * require for every TZID.
 *
 * @example
 * wallTimeToUtc("2027-07-01", "09:00", "Europe/London") //=> 2027-07-01T08:00:00.000Z
 */
export function wallTimeToUtc(date: IsoDate, time: string, zone: string): Date {
  return resolveWallTime(date, time, zone).instant;
}

/**
 * An instant as the wall time of a zone with that zone's offset at the instant: an ISO 8601 date-time
 * (FHIR R4 dateTime) that names its own instant and the clock the patient reads.
 *
 * @example
 * zonedDateTime(new Date("2027-07-01T08:00:00Z"), "Europe/London") //=> "2027-07-01T09:00:00+01:00"
 */
export function zonedDateTime(instant: Date, zone: string): string {
  const offset = offsetAt(zone, instant);
  const local = addMinutes(instant, offset, IN_UTC).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${local}${offset < 0 ? "-" : "+"}${hhmm}`;
}

/**
 * `HH:MM` plus minutes, on a 24-hour clock.
 *
 * @example
 * clockPlus("23:30", 60) //=> "00:30"
 */
export function clockPlus(time: string, minutes: number): string {
  return lightFormat(addMinutes(wallAsUtc("2000-01-01", time), minutes, IN_UTC), "HH:mm");
}

/** The sentence for a `--time` that does not exist on a date (a spring-forward gap). */
export function gapText(date: IsoDate, time: string, tz: string, shiftMinutes: number): string {
  const starts = clockPlus(time, shiftMinutes);
  return `${time} does not exist on ${date} in ${tz} (the clocks go forward): the event starts at ${starts} (RFC 5545)`;
}

/** Every infusion date on which `--time` falls in a spring-forward gap, with the sentence saying so. */
export function nonexistentTimes(r: ScheduleResult, time: string, tz: string): { date: IsoDate; text: string }[] {
  const dates = [...new Set(r.infusions.map((i) => i.date))];
  return dates.flatMap((date) => {
    const { shiftMinutes } = resolveWallTime(date, time, tz);
    return shiftMinutes > 0 ? [{ date, text: gapText(date, time, tz, shiftMinutes) }] : [];
  });
}
