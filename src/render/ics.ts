import { createHash } from "node:crypto";
import ical, { ICalCalendarMethod } from "ical-generator";
import type { IsoDate } from "../core/calendarDate.js";
import { formatNumber } from "../core/format.js";
import type { Infusion, ScheduleResult } from "../core/resultSchema.js";
import { phaseOf, phaseRegimenText } from "./phases.js";
import { formatVials, hoursMinutes } from "./quantities.js";

export interface IcsOptions {
  /** `--time HH:MM`: timed events at this wall-clock time; without it, all-day events. */
  readonly time?: string | undefined;
  /** `--tz`: the IANA zone of `time` (the shell passes the system zone by default). */
  readonly tz?: string | undefined;
  /** `--calendar-id`: keeps UIDs stable across re-exports of an updated schedule. */
  readonly calendarId?: string | undefined;
  /** `--sequence`: raise it when reissuing a changed schedule so calendars take the update. */
  readonly sequence?: number | undefined;
}

const MS_PER_MINUTE = 60_000;

/** Minutes the zone is ahead of UTC at `instant`. */
function zoneOffsetMinutes(instant: number, tz: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((wall - instant) / MS_PER_MINUTE);
}

const MS_PER_DAY = 86_400_000;

/** A wall-clock time resolved to an instant; `shiftMinutes` > 0 when the time does not exist that day. */
export interface ResolvedWallTime {
  readonly instant: Date;
  /** Minutes the clock jumped over the time (a spring-forward gap), 0 when the time exists. */
  readonly shiftMinutes: number;
}

/**
 * A wall-clock time on a date in a zone as a UTC instant, by the rule of RFC 5545 §3.3.5: a time
 * that occurs twice (autumn) is its first occurrence; a time that does not exist (inside a
 * spring-forward gap) is read with the offset before the gap, so 02:30 on a day New York jumps
 * from 02:00 to 03:00 becomes 03:30. The offsets a day before and a day after are the candidates
 * (no zone changes its offset twice within two days).
 */
export function resolveWallTime(date: IsoDate, time: string, tz: string): ResolvedWallTime {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const before = zoneOffsetMinutes(wall - MS_PER_DAY, tz);
  const after = zoneOffsetMinutes(wall + MS_PER_DAY, tz);
  const valid = [...new Set([before, after])]
    .map((offset) => wall - offset * MS_PER_MINUTE)
    .filter((instant) => wall - zoneOffsetMinutes(instant, tz) * MS_PER_MINUTE === instant)
    .sort((a, b) => a - b);
  if (valid.length > 0) return { instant: new Date(valid[0]!), shiftMinutes: 0 };
  return { instant: new Date(wall - before * MS_PER_MINUTE), shiftMinutes: after - before };
}

/**
 * The UTC instant of a wall-clock time on a date in a zone, correct across daylight-saving
 * changes ({@link resolveWallTime}). Emitting UTC avoids VTIMEZONE blocks, which RFC 5545 would
 * require for every TZID.
 *
 * @example
 * wallTimeToUtc("2027-07-01", "09:00", "Europe/London") //=> 2027-07-01T08:00:00.000Z
 */
export function wallTimeToUtc(date: IsoDate, time: string, tz: string): Date {
  return resolveWallTime(date, time, tz).instant;
}

/** `HH:MM` plus minutes, on a 24-hour clock. */
function clockPlus(time: string, minutes: number): string {
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const total = (((hh * 60 + mm + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/** The sentence for a `--time` that does not exist on a date (a spring-forward gap). */
function gapText(date: IsoDate, time: string, tz: string, shiftMinutes: number): string {
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

const utcDay = (date: IsoDate, plusDays = 0) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + plusDays));
};

/** The calendar identity: `--calendar-id`, else what identifies this schedule without its doses. */
function calendarKey(r: ScheduleResult, calendarId: string | undefined): string {
  const basis =
    calendarId ?? [r.patient.weightAsEntered, r.regimen.route, r.regimen.product, r.regimen.startDate].join("|");
  return createHash("sha256").update(basis).digest("hex").slice(0, 16);
}

function summary(r: ScheduleResult, i: Infusion): string {
  const phase = phaseOf(r, i);
  const route = (phase?.route ?? r.regimen.route).toUpperCase();
  const where = i.sites ? `, ${i.sites} sites` : "";
  const inPhase = phase ? `phase ${phase.phase}, ` : "";
  return (
    `${route} ${formatNumber(i.doseG)} g ${phase?.productName ?? r.regimen.productName} ` +
    `(${inPhase}course ${i.course}, day ${i.day}/${i.daysInCourse}${where})`
  );
}

function description(r: ScheduleResult, i: Infusion, moved?: string): string {
  const lines = [
    ...(moved ? [`Start time moved: ${moved}`] : []),
    ...phaseLines(r, i),
    `Dose: ${formatNumber(i.doseG)} g (${formatNumber(i.doseGPerKg, 3)} g/kg of dosing weight ` +
      `${formatNumber(r.patient.dosingWeightKg)} kg)`,
    `Volume: ${formatNumber(i.volumeMl, 1)} mL${i.sites ? ` at ${i.sites} sites, ${formatNumber(i.volumePerSiteMl ?? 0, 1)} mL each` : ""}`,
    `Vials: ${formatVials(i.vials)}`,
    `Rate plan (${i.infusionKind} infusion): ${i.ratePlan.map(rateStepText).join(", ")}`,
    `Estimated chair time: ${hoursMinutes(i.durationMinutes)}`,
  ];
  if (i.movedBecause) lines.push(`Moved from ${i.plannedDate}: ${i.movedBecause}`);
  for (const w of r.warnings) lines.push(`Warning ${w.code}: ${w.message}`);
  lines.push("Decision support only: check against the current label; the prescriber and pharmacist decide.");
  return lines.join("\n");
}

/**
 * `--format ics`: one VEVENT per infusion day. All-day by default; with `time` and `tz`, a timed
 * event in UTC that ends after the estimated chair time. UIDs are stable (`<key>-c<course>-d<day>`)
 * so a re-import replaces events; DTSTAMP is the schedule's start date at 00:00Z so the same input
 * gives the same bytes (a pure renderer reads no clock). No patient name or identifier is written.
 * CRLF line ends, folded at 75 octets (ical-generator), and a CRLF after END:VCALENDAR too (RFC 5545
 * ends every content line with CRLF; ical-generator leaves the last one off).
 */
export function renderIcs(r: ScheduleResult, options: IcsOptions = {}): string {
  const cal = ical({
    name: "MMN immunoglobulin infusions",
    prodId: { company: "mmn-dose", product: "mmn-dose", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
  });
  const key = calendarKey(r, options.calendarId);
  const stamp = utcDay(r.regimen.startDate);
  for (const i of r.infusions) {
    const resolved =
      options.time !== undefined && options.tz !== undefined
        ? resolveWallTime(i.date, options.time, options.tz)
        : undefined;
    const moved =
      resolved && resolved.shiftMinutes > 0
        ? gapText(i.date, options.time!, options.tz!, resolved.shiftMinutes)
        : undefined;
    const common = {
      id: `${key}-c${i.course}-d${i.day}@mmn-dose`,
      sequence: options.sequence ?? 0,
      stamp,
      summary: summary(r, i),
      description: description(r, i, moved),
    };
    if (resolved) {
      const start = resolved.instant;
      cal.createEvent({ ...common, start, end: new Date(start.getTime() + i.durationMinutes * MS_PER_MINUTE) });
    } else {
      cal.createEvent({ ...common, start: utcDay(i.date), end: utcDay(i.date, 1), allDay: true });
    }
  }
  return `${cal.toString()}\r\n`;
}

/** A treatment plan's infusion names its phase and the phase's regimen. */
function phaseLines(r: ScheduleResult, i: Infusion): string[] {
  const phase = phaseOf(r, i);
  return phase ? [`Phase ${phase.phase} of ${r.phases!.length}: ${phaseRegimenText(phase)}`] : [];
}

/** One step of a rate plan as an event line: "from 0:30 42 mL/h". */
function rateStepText(s: { readonly startMinute: number; readonly mlPerHour: number }): string {
  return `from ${hoursMinutes(s.startMinute)} ${formatNumber(s.mlPerHour, 1)} mL/h`;
}
