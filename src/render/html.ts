import type { IsoDate } from "../core/calendarDate.js";
import { formatNumber } from "../core/format.js";
import type { Message, ScheduleResult } from "../core/resultSchema.js";
import { REGION_LABEL } from "../data/products.js";
import { type Clock, type DayContext, dayBlock } from "./htmlDay.js";
import { SHEET_STYLE } from "./htmlStyle.js";
import { cell, headRow, html, type Markup, num } from "./markup.js";
import { phaseFields, phaseOf, planProducts, regimenOf } from "./phases.js";
import { nonexistentTimes, resolveWallTime } from "./wallTime.js";
import { formatVials, grams, hoursMinutes } from "./quantities.js";

export interface HtmlOptions {
  /** `--time HH:MM`: each day's start; the rate plan and the checks get clock times. */
  readonly time?: string | undefined;
  /** `--tz`: the IANA zone of `time` (the shell passes the system zone by default). */
  readonly tz?: string | undefined;
}

/**
 * `--format html`: the printable sheet. One self-contained document (inline CSS, no script, nothing
 * fetched): the patient and regimen summary and the dated schedule, then one page per infusion day
 * (rate plan with clock times under `--time`, blank cells for vital signs, lot numbers, start and
 * stop, initials), then the warnings, notes and sources. Every piece of text is HTML-escaped
 * (`markup.ts`). Pure: the same result and options give the same bytes.
 */
export function renderHtml(r: ScheduleResult, options: HtmlOptions = {}): string {
  const ctx: DayContext = { r, clock: clockOf(options), gaps: gapsOf(r, options) };
  const body = html`${summarySection(r, options)}${scheduleSection(r, ctx.clock)}${r.infusions.map((i) =>
    dayBlock(ctx, i),
  )}<section class="closing">
${messagesSection("Warnings", r.warnings)}${messagesSection("Notes", r.notes)}${sourcesSection(r)}</section>
`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${html`<title>${sheetTitle(r)}</title>`.source}
<style>${SHEET_STYLE}</style>
</head>
<body>
${body.source}</body>
</html>
`;
}

function sheetTitle(r: ScheduleResult): string {
  if (r.phases !== undefined) return `Treatment plan · ${planProducts(r)} · from ${r.infusions[0]!.date}`;
  const route = r.regimen.scig !== null ? "SCIG" : "IVIG";
  return `${route} infusion sheet · ${r.regimen.productName} · from ${r.infusions[0]!.date}`;
}

/** Wall-clock times under `--time` in its zone, across daylight-saving changes (RFC 5545 rules, as the ICS). */
function clockOf(options: HtmlOptions): Clock {
  const { time, tz } = options;
  if (time === undefined || tz === undefined) return () => undefined;
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
  });
  const starts = new Map<string, number>();
  return (date: IsoDate, minute: number) => {
    let start = starts.get(date);
    if (start === undefined) {
      start = resolveWallTime(date, time, tz).instant.getTime();
      starts.set(date, start);
    }
    const parts = Object.fromEntries(
      format.formatToParts(new Date(start + minute * 60_000)).map((p) => [p.type, p.value]),
    );
    return `${parts.hour}:${parts.minute}`;
  };
}

function gapsOf(r: ScheduleResult, options: HtmlOptions): ReadonlyMap<string, string> {
  if (options.time === undefined || options.tz === undefined) return new Map();
  return new Map(nonexistentTimes(r, options.time, options.tz).map((g) => [g.date, g.text]));
}

const weeks = (n: number) => (n === 1 ? "week" : `${n} weeks`);
const row = (label: string, value: string) => html`<tr><th>${label}</th><td>${value}</td></tr>\n`;

/** The patient as typed and as read. */
function patientText(p: ScheduleResult["patient"]): string {
  const body = [`${formatNumber(p.weightKg)} kg (typed ${p.weightAsEntered})`];
  if (p.heightCm !== null) body.push(`${formatNumber(p.heightCm, 1)} cm (typed ${p.heightAsEntered ?? ""})`);
  if (p.sex !== null) body.push(p.sex);
  if (p.ageYears !== null) body.push(`${formatNumber(p.ageYears)} years`);
  if (p.pregnant) body.push("pregnant");
  if (p.bmi !== null) body.push(`BMI ${formatNumber(p.bmi, 1)}`);
  return body.join(", ");
}

/** Weights, basis and policy. */
function weightRows(r: ScheduleResult): Markup[] {
  const p = r.patient;
  const rows = [row("Patient", patientText(p))];
  if (p.idealWeightKg !== null && p.adjustedWeightKg !== null) {
    const adjusted = `adjusted ${formatNumber(p.adjustedWeightKg)} kg (IBW + 0.4 × (actual − IBW))`;
    rows.push(row("Ideal weight", `${formatNumber(p.idealWeightKg)} kg (Devine); ${adjusted}`));
  }
  rows.push(
    row("Dosing weight", `${formatNumber(p.dosingWeightKg)} kg; ${p.dosingWeightReason}`),
    row("Basis, policy", `${p.dosingWeightBasis} weight (rule ${p.dosingWeightRule}); policy ${p.policy ?? "none"}`),
  );
  return rows;
}

/** "145 g (exact 146 g; --round 5g from --policy ontario: −1 g, −0.68 %)". */
function courseDoseText(r: ScheduleResult): string {
  const g = r.regimen;
  const origin =
    g.roundingSource === "policy"
      ? ` from --policy ${r.patient.policy}`
      : g.roundingSource === "default"
        ? " (default)"
        : "";
  const how = `--round ${g.rounding}${origin}`;
  if (g.courseDoseG === g.exactCourseDoseG) return `${grams(g.courseDoseG)} (exact; ${how})`;
  const sign = g.roundingDifferenceG > 0 ? "+" : "−";
  const diff = `${sign}${grams(Math.abs(g.roundingDifferenceG))}, ${sign}${formatNumber(Math.abs(g.roundingDifferencePercent))} %`;
  return `${grams(g.courseDoseG)} (exact ${grams(g.exactCourseDoseG)}; ${how}: ${diff})`;
}

/** Dose, interval, days and course total: IVIG directly, SCIG through its conversion. */
function regimenRows(r: ScheduleResult): Markup[] {
  const g = r.regimen;
  const scig = g.scig;
  const days = g.dayDosesG.map(grams).join(" + ");
  if (scig === null) {
    return [
      row(
        "Dose",
        g.courses === 1
          ? `${formatNumber(g.doseGPerKg)} g/kg, a single course`
          : `${formatNumber(g.doseGPerKg)} g/kg per course (${formatNumber(g.monthlyDoseGPerKg)} g/kg/month)`,
      ),
      row("Interval", `every ${weeks(g.intervalWeeks)}`),
      row("Course total", courseDoseText(r)),
      row("Days", `${g.dayDosesG.length} per course: ${days}; at most ${formatNumber(g.maxDailyGPerKg)} g/kg a day`),
    ];
  }
  const ivig = `${formatNumber(scig.ivigDoseGPerKg)} g/kg every ${weeks(scig.ivigIntervalWeeks)} = ${grams(scig.ivigCourseDoseG)}`;
  const factor = `${grams(scig.weeklyDoseG)} a week (factor ${formatNumber(scig.factor)}, ${scig.factorSource})`;
  return [
    row("IVIG regimen", `${ivig} per course, converted to ${factor}`),
    row("Interval", `every ${weeks(scig.everyWeeks)}; ${scig.startRule}`),
    row("SCIG dose", courseDoseText(r)),
    row("Sessions", `${scig.sessions}: ${days}${scig.rampUp ? "; HyQvia ramp-up infusions first" : ""}`),
  ];
}

/** Product, dates and the schedule's totals. */
function productRows(r: ScheduleResult, options: HtmlOptions): Markup[] {
  const g = r.regimen;
  const first = r.infusions[0]!;
  const last = r.infusions[r.infusions.length - 1]!;
  const total = r.infusions.reduce((sum, i) => sum + i.doseG, 0);
  const vials = g.vialSizesG.map((v) => formatNumber(v)).join(", ");
  const rows = [
    row(
      "Product",
      `${g.productName}, ${formatNumber(g.concentrationGPerMl * 1000)} mg/mL; vials ${vials} g; ${REGION_LABEL[g.region]}`,
    ),
    row(
      g.scig !== null ? "Infusions" : "Courses",
      `${g.courses}${r.window ? ` planned from ${g.startDate}; shown:` : ","} ${r.infusions.length} infusion days from ` +
        `${first.weekday} ${first.date} to ${last.weekday} ${last.date}; ${grams(total)} in all`,
    ),
  ];
  return [...rows, ...timeAndWarningRows(r, options)];
}

/** The start time under `--time`, and the warning codes. */
function timeAndWarningRows(r: ScheduleResult, options: HtmlOptions): Markup[] {
  const rows: Markup[] = [];
  if (options.time !== undefined && options.tz !== undefined) {
    rows.push(row("Start time", `${options.time} (${options.tz}) on each infusion day`));
  }
  const c = r.continuation;
  if (c !== undefined) {
    const unit = c.lastScig !== null ? "dose" : "course";
    rows.push(row("Continuing", `${unit} ${c.firstCourse} at the ${c.rates} rates: ${c.reason}`));
  }
  // --on / --course: this sheet lists part of a schedule planned whole.
  const w = r.window;
  if (w !== undefined) {
    const what = "on" in w ? `the infusions on ${w.on} (--on)` : `course ${w.course} (--course)`;
    rows.push(row("Showing", `only ${what}; planned as the whole schedule`));
  }
  const warnings = r.warnings.length === 0 ? "none" : r.warnings.map((w) => w.code).join(", ");
  rows.push(row("Warnings", warnings));
  return rows;
}

/**
 * A treatment plan's summary: each phase (regimen, dates, infusions, grams: the table's words), then
 * the whole plan's days and grams. Phase 1's dose, interval and product are not the plan's.
 */
function planRows(r: ScheduleResult, options: HtmlOptions): Markup[] {
  const first = r.infusions[0]!;
  const last = r.infusions[r.infusions.length - 1]!;
  const total = r.infusions.reduce((sum, i) => sum + i.doseG, 0);
  const rows = phaseFields(r).map(([label, value]) => row(label, value));
  rows.push(
    row(
      "Plan",
      `${r.phases!.length} phases, ${r.courseTotals.length} courses, ${r.infusions.length} infusion days from ` +
        `${first.weekday} ${first.date} to ${last.weekday} ${last.date}; ${grams(total)} in all`,
    ),
  );
  return [...rows, ...timeAndWarningRows(r, options)];
}

/** The heading and the summary table. */
function summarySection(r: ScheduleResult, options: HtmlOptions): Markup {
  const scig = r.regimen.scig !== null;
  const heading =
    r.phases !== undefined
      ? `Treatment plan: ${planProducts(r)}`
      : `${scig ? "SCIG" : "IVIG"} infusion sheet: ${r.regimen.productName}`;
  const rows = r.phases !== undefined ? planRows(r, options) : [...regimenRows(r), ...productRows(r, options)];
  return html`<section class="summary">
<h1>${heading}</h1>
<p>Immunoglobulin for multifocal motor neuropathy, made by mmn-dose. Decision support only: check against the current
label and local policy; the prescriber and pharmacist decide.</p>
<p class="who"><span>Patient: </span><span>Date of birth: </span><span>Record no.: </span></p>
<table class="fields">${weightRows(r)}${rows}</table>
</section>
`;
}

/** The dated schedule: one row per infusion day, a total row for a course of several days. */
function scheduleSection(r: ScheduleResult, clock: Clock): Markup {
  // A plan may mix routes: the sites column is there when any day is SCIG, blank on IVIG days.
  const scigDays = r.infusions.filter((i) => regimenOf(r, i).scig !== null).length;
  const scig = scigDays === r.infusions.length;
  const sites = scigDays > 0;
  const phased = r.phases !== undefined;
  const timed = clock(r.infusions[0]!.date, 0) !== undefined;
  const labels = [
    ...(phased ? ["Phase"] : []),
    scig ? "No." : "Course",
    "Date",
    ...(timed ? ["Start"] : []),
    scig ? "Session" : "Day",
    "Dose g",
    "g/kg",
    "Volume mL",
    ...(sites ? ["Sites × mL"] : []),
    "Chair",
    "Vials",
  ];
  const rows = r.infusions.map((i) => {
    const date = `${i.weekday} ${i.date}${i.plannedDate !== undefined ? " *" : ""}`;
    const start = timed ? num(clock(i.date, 0)) : "";
    return html`<tr>${phased ? num(phaseOf(r, i)?.phase) : ""}${num(i.course)}${cell(date, "nowrap")}${start}${dayCells(i, sites)}</tr>\n`;
  });
  const moved = r.infusions.some((i) => i.plannedDate !== undefined)
    ? html`<p class="small">* moved from its planned date (see the day's page and Notes)</p>\n`
    : "";
  return html`<section class="schedule">
<h2>Schedule</h2>
<table class="dates">${headRow(labels)}
<tbody>${rows}</tbody></table>
${moved}${courseTotals(r)}</section>
`;
}

/** The cells of one schedule row after its date. */
function dayCells(i: ScheduleResult["infusions"][number], sitesColumn: boolean): Markup[] {
  const filled = i.sites !== undefined ? `${i.sites} × ${formatNumber(i.volumePerSiteMl ?? 0, 1)}` : "";
  const sites = sitesColumn ? [num(filled)] : [];
  return [
    num(`${i.day}/${i.daysInCourse}`),
    num(formatNumber(i.doseG)),
    num(formatNumber(i.doseGPerKg, 3)),
    num(formatNumber(i.volumeMl, 1)),
    ...sites,
    num(hoursMinutes(i.durationMinutes)),
    cell(formatVials(i.vials)),
  ];
}

/** Each course's total, for a course of several days. */
function courseTotals(r: ScheduleResult): Markup {
  const several = r.courseTotals.filter((t) => r.infusions.filter((i) => i.course === t.course).length > 1);
  if (several.length === 0) return html``;
  const rows = several.map((t) => {
    const cells = [num(t.course), cell(`${t.startDate} to ${t.endDate}`, "nowrap"), num(formatNumber(t.doseG))];
    return html`<tr>${cells}${num(formatNumber(t.volumeMl, 1))}${cell(formatVials(t.vials))}</tr>\n`;
  });
  return html`<h3>Course totals</h3>
<table class="dates">${headRow(["Course", "Dates", "Dose g", "Volume mL", "Vials"])}
<tbody>${rows}</tbody></table>
`;
}

/** Warnings or notes: code and text ("Warnings: none" when there are none). */
function messagesSection(title: string, messages: readonly Message[]): Markup {
  if (messages.length === 0) return html`<h2>${title}: none</h2>\n`;
  const items = messages.map((m) => html`<li><span class="code">${m.code}</span>: ${m.message}</li>\n`);
  return html`<h2>${title} (${messages.length})</h2>
<ul>${items}</ul>
`;
}

/** Numbered sources; the URL is printed as text (a link that nothing loads). */
function sourcesSection(r: ScheduleResult): Markup {
  const items = r.sources.map((s) => {
    const url = /^https?:\/\//.test(s.url) ? html`<a href="${s.url}">${s.url}</a>` : html`${s.url}`;
    return html`<li>${s.title}<br><span class="small">${url}</span></li>\n`;
  });
  return html`<h2>Sources</h2>
<ol class="sources">${items}</ol>
<p class="small">Decision support only: check against the current label and local policy; the prescriber and pharmacist decide.</p>
`;
}
