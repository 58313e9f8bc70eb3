// Readers for the machine formats, shared by the renderer tests and the round-trip properties.
import { parse } from "csv-parse/sync";
import ICAL from "ical.js";
import { expect } from "vitest";
import type { ScheduleResult } from "../../src/core/resultSchema.js";

export const readCsv = (text: string) =>
  parse(text, { columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];

/** The row the CSV must hold for infusion `k`, built from the result, not from the renderer. */
export function expectedRow(r: ScheduleResult, k: number): Record<string, string> {
  const i = r.infusions[k]!;
  const n = (x: number | undefined) => (x === undefined ? "" : String(Math.round(x * 1000) / 1000));
  return {
    course: String(i.course),
    date: i.date,
    weekday: i.weekday,
    day: String(i.day),
    daysInCourse: String(i.daysInCourse),
    doseG: n(i.doseG),
    doseGPerKg: n(i.doseGPerKg),
    volumeMl: n(i.volumeMl),
    durationMinutes: String(i.durationMinutes),
    sites: n(i.sites),
    volumePerSiteMl: n(i.volumePerSiteMl),
    vials: i.vials.map((v) => `${v.count} x ${v.sizeG} g`).join(" + "),
    dispensedG: n(i.dispensedG),
    wasteG: n(i.wasteG),
    route: r.phases?.[(i.phase ?? 0) - 1]?.route ?? r.regimen.route,
    product: r.phases?.[(i.phase ?? 0) - 1]?.product ?? r.regimen.product,
    infusionKind: i.infusionKind,
    plannedDate: i.plannedDate ?? "",
    movedBecause: i.movedBecause ?? "",
    dosingWeightKg: n(r.patient.dosingWeightKg),
    // In a plan, the row's own phase's warnings (a message without phases applies to every phase).
    warnings: r.warnings
      .filter((w) => i.phase === undefined || w.phases === undefined || w.phases.includes(i.phase))
      .map((w) => w.code)
      .join(" "),
    phase: i.phase === undefined ? "" : String(i.phase),
  };
}

export function parseIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents("vevent") };
}

export const value = (e: ICAL.Component, name: string) => e.getFirstPropertyValue(name);
export const instant = (e: ICAL.Component, name: string) => (value(e, name) as ICAL.Time).toJSDate().toISOString();

/** RFC 5545 musts that neither ical-generator nor ical.js enforce (docs/ecosystem.md §4.2). */
export function checkRfc5545(text: string) {
  expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // CRLF only
  const lines = text.split("\r\n").slice(0, -1);
  for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  expect(lines.filter((l) => !/^[A-Z-]+[;:]/.test(l)).every((l) => l.startsWith(" "))).toBe(true); // folds go on with one space
  const { cal, events } = parseIcs(text);
  expect(value(cal, "version")).toBe("2.0");
  expect(value(cal, "prodid")).toBe("-//mmn-dose//mmn-dose//EN");
  expect(value(cal, "method")).toBe("PUBLISH");
  expect(value(cal, "x-wr-calname")).toBe("MMN immunoglobulin infusions");
  for (const e of events) {
    for (const p of ["uid", "dtstamp", "dtstart"]) expect(value(e, p)).toBeTruthy();
    expect(e.hasProperty("dtend") && e.hasProperty("duration")).toBe(false);
  }
  expect(text).not.toMatch(/TZID/); // times are UTC, so no VTIMEZONE is needed
}
