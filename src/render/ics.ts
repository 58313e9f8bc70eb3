import ical, { ICalCalendarMethod } from "ical-generator";
import { addMinutes } from "date-fns";
import { addCalendarDays, type IsoDate } from "../core/calendarDate.js";
import type { ScheduleResult } from "../core/resultSchema.js";
import { eventDescription, eventSummary } from "./calendarText.js";
// SHA-256 in JavaScript (audited @noble/hashes), not node:crypto: loading that costs an ICS run ~14 M
// instructions for one short digest (docs/performance-startup.md).
import { sha256 } from "@noble/hashes/sha2.js";
import { gapText, resolveWallTime } from "./wallTime.js";

export interface IcsOptions {
  /** `--time HH:MM`: timed events at this wall-clock time; without it, all-day events. */
  readonly time?: string | undefined;
  /** `--tz`: the IANA zone of `time` (the shell passes the system zone by default). */
  readonly tz?: string | undefined;
  /** `--calendar-id`: keeps UIDs stable across re-exports of an updated schedule. */
  readonly calendarId?: string | undefined;
  /** `--patient-ref`: the patient identity, when no `--calendar-id` is given (never written to the calendar). */
  readonly patientRef?: string | undefined;
  /** `--sequence`: raise it when reissuing a changed schedule so calendars take the update. */
  readonly sequence?: number | undefined;
}

/** Midnight UTC of a calendar date: how an all-day event's date reaches ical-generator. */
const utcMidnight = (date: IsoDate) => new Date(`${date}T00:00:00Z`);

/**
 * The calendar identity, hashed (nothing about the patient is written). With `--calendar-id` or
 * `--patient-ref`, it is that identity alone: a reissue after a change of weight, dose, product or
 * start keeps every UID, so re-importing it (with a higher `--sequence`) replaces the events. Without
 * one it derives from the inputs, so two patients on one calendar do not collide, and a changed
 * schedule gets new UIDs (the CLI says so on stderr).
 */
function calendarKey(r: ScheduleResult, options: Pick<IcsOptions, "calendarId" | "patientRef">): string {
  const identity = options.calendarId ?? options.patientRef;
  const p = r.patient;
  const g = r.regimen;
  const basis =
    identity !== undefined
      ? `identity\u0000${identity}`
      : [p.weightAsEntered, p.heightAsEntered, p.sex, p.ageYears, g.route, g.product, g.doseGPerKg, g.intervalWeeks]
          .concat([g.daysPerCourse, g.startDate, r.continuation?.coursesGiven ?? 0])
          .join("|");
  return Buffer.from(sha256(Buffer.from(basis, "utf8")))
    .toString("hex")
    .slice(0, 16);
}

/**
 * `--format ics`: one VEVENT per infusion day. All-day by default; with `time` and `tz`, a timed
 * event in UTC that ends after the estimated chair time. UIDs are `<key>-c<course>-d<day>` (see
 * {@link calendarKey}), so a re-import of the same patient's reissue replaces events; DTSTAMP is the
 * schedule's start date at 00:00Z so the same input gives the same bytes (a pure renderer reads no
 * clock). No patient name or identifier is written.
 * CRLF line ends, folded at 75 octets (ical-generator), and a CRLF after END:VCALENDAR too (RFC 5545
 * ends every content line with CRLF; ical-generator leaves the last one off).
 */
export function renderIcs(r: ScheduleResult, options: IcsOptions = {}): string {
  const cal = ical({
    name: "MMN immunoglobulin infusions",
    prodId: { company: "mmn-dose", product: "mmn-dose", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
  });
  const key = calendarKey(r, options);
  const stamp = utcMidnight(r.regimen.startDate);
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
      summary: eventSummary(r, i),
      description: eventDescription(r, i, moved),
    };
    if (resolved) {
      const start = resolved.instant;
      cal.createEvent({ ...common, start, end: addMinutes(start, i.durationMinutes) });
    } else {
      cal.createEvent({
        ...common,
        start: utcMidnight(i.date),
        end: utcMidnight(addCalendarDays(i.date, 1)),
        allDay: true,
      });
    }
  }
  return `${cal.toString()}\r\n`;
}
