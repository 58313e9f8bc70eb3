import type { IsoDate } from "../core/calendarDate.js";
import { formatNumber, plural } from "../core/format.js";
import type { Infusion, ScheduleResult } from "../core/resultSchema.js";
import { headRow, html, type Markup, num } from "./markup.js";
import { phaseOf, regimenOf, warningsOfPhase } from "./phases.js";
import { formatVials, grams, hoursMinutes } from "./quantities.js";

// One infusion day of the printed sheet: what to give, the rate plan with its clock times, and
// blank cells for the nurse to record vital signs, lot numbers, start and stop, and initials.

/** The wall-clock time `minute` minutes after the day's start (`--time`), or undefined without one. */
export type Clock = (date: IsoDate, minute: number) => string | undefined;

export interface DayContext {
  readonly r: ScheduleResult;
  readonly clock: Clock;
  /** Dates on which `--time` falls in a spring-forward gap, with the sentence saying where it moved. */
  readonly gaps: ReadonlyMap<string, string>;
}

/**
 * "Course 1, day 1 of 2" (IVIG) or "Infusion 3, session 1 of 2" (SCIG), with the phase if any. In a
 * treatment plan every fact of a day (route, product, concentration, rate plan) is its phase's.
 */
function dayTitle(r: ScheduleResult, i: Infusion): string {
  const scig = regimenOf(r, i).scig !== null;
  const phase = phaseOf(r, i);
  const what = scig
    ? `Infusion ${i.course}, session ${i.day} of ${i.daysInCourse}`
    : `Course ${i.course}, day ${i.day} of ${i.daysInCourse}`;
  return `${phase !== undefined ? `Phase ${phase.phase} · ` : ""}${what}`;
}

/** A page for one infusion day. */
export function dayBlock(ctx: DayContext, i: Infusion): Markup {
  const route = regimenOf(ctx.r, i).route.toUpperCase();
  return html`<section class="day">
<h2>${i.weekday} ${i.date} · ${dayTitle(ctx.r, i)} · ${route} ${grams(i.doseG)}</h2>
<p class="who"><span>Patient: </span><span>Date of birth: </span><span>Record no.: </span></p>
${dayFacts(ctx, i)}${ratePlanTable(ctx, i)}${vitalsTable(ctx, i)}${productTable(i)}${startStopTable()}${warningsLine(ctx.r, i)}</section>
`;
}

/** SCIG sites: "4 sites × 43.8 mL, all at once" or "9 sites × 19.4 mL, in 3 rounds (3 + 3 + 3)". */
function sitesText(i: Infusion): string {
  const sites = i.sites ?? 0;
  const each = `${plural(sites, "site")} × ${formatNumber(i.volumePerSiteMl ?? 0, 1)} mL`;
  const rounds = i.siteRounds ?? 1;
  if (rounds <= 1) return `${each}, all at once`;
  const small = Math.floor(sites / rounds);
  const sizes = Array.from({ length: rounds }, (_, k) => (k < sites - small * rounds ? small + 1 : small));
  return `${each}, in ${rounds} rounds one after another (${sizes.join(" + ")} sites)`;
}

/** The day's dose, volume, vials, chair time, move and (SCIG) sites, as labelled rows. */
function dayFacts(ctx: DayContext, i: Infusion): Markup {
  const { r, clock } = ctx;
  const start = clock(i.date, 0);
  const chair = hoursMinutes(i.durationMinutes);
  const rows: [string, string][] = [
    [
      "Dose",
      `${grams(i.doseG)} (${formatNumber(i.doseGPerKg, 3)} g/kg of dosing weight ${formatNumber(r.patient.dosingWeightKg)} kg)`,
    ],
    ["Volume", `${formatNumber(i.volumeMl, 1)} mL of ${regimenOf(r, i).productName}`],
    ["Vials", formatVials(i.vials) + (i.wasteG > 0 ? ` (${grams(i.wasteG)} left over)` : "")],
    [
      "Chair time",
      `${chair} (h:mm)${start !== undefined ? `: ${start} to ${clock(i.date, i.durationMinutes)}` : ""}; ${i.infusionKind} infusion rates`,
    ],
  ];
  if (i.sites !== undefined) rows.push(["Sites", sitesText(i)]);
  if (i.hyaluronidaseMl !== undefined) rows.push(["Hyaluronidase", `${formatNumber(i.hyaluronidaseMl, 1)} mL first`]);
  if (i.plannedDate !== undefined) rows.push(["Moved", `from ${i.plannedDate}: ${i.movedBecause ?? ""}`]);
  const gap = ctx.gaps.get(i.date);
  if (gap !== undefined) rows.push(["Start time", gap]);
  return html`<table class="fields">${rows.map(([label, value]) => html`<tr><th>${label}</th><td>${value}</td></tr>`)}</table>
`;
}

const blanks = (n: number, wide = -1): Markup[] =>
  Array.from({ length: n }, (_, k) =>
    k === wide ? html`<td class="blank wide"></td>` : html`<td class="blank"></td>`,
  );

/** The steps the infusion reaches: a small volume runs through before the plan's later steps begin. */
const stepsReached = (i: Infusion) => i.ratePlan.filter((s, k) => k === 0 || s.startMinute < i.durationMinutes);

/** The rate plan's steps, with their clock times under `--time`, and the end of the infusion. */
function ratePlanTable(ctx: DayContext, i: Infusion): Markup {
  const timed = ctx.clock(i.date, 0) !== undefined;
  const clock = (minute: number) => (timed ? num(ctx.clock(i.date, minute)) : "");
  // SCIG speaks SCIG units: mL/h in all, the sites at once and each site's rate (never IV mg/kg/min).
  const atOnce = i.sites === undefined ? undefined : (i.sitesAtOnce ?? i.sites);
  const rows = stepsReached(i).map((s, k) => {
    const rates =
      atOnce === undefined
        ? [
            num(formatNumber(s.mlPerHour, 1)),
            num(formatNumber(s.mlPerKgPerHour, 3)),
            num(formatNumber(s.mgPerKgPerMin, 2)),
          ]
        : [num(formatNumber(s.mlPerHour, 1)), num(atOnce), num(formatNumber(s.mlPerHour / atOnce, 1))];
    return html`<tr>${num(k + 1)}${num(hoursMinutes(s.startMinute))}${clock(s.startMinute)}${rates}<td></td><td></td></tr>\n`;
  });
  const through = html`<td colspan="3">${formatNumber(i.volumeMl, 1)} mL run through</td>`;
  const end = html`<tr><td>End</td>${num(hoursMinutes(i.durationMinutes))}${clock(i.durationMinutes)}${through}<td></td><td></td></tr>\n`;
  const heading =
    regimenOf(ctx.r, i).scig !== null ? "Rate plan (mL/h: the sites running at once together)" : "Rate plan";
  const head = headRow([
    "Step",
    "From (h:mm)",
    timed && "Clock",
    ...(atOnce === undefined ? ["mL/h", "mL/kg/h", "mg/kg/min"] : ["mL/h in all", "Sites at once", "mL/h per site"]),
    "Time set",
    "Initials",
  ]);
  return html`<h3>${heading}</h3>\n<table class="write">${head}\n<tbody>${rows}${end}</tbody></table>\n`;
}

/**
 * When vital signs are due (NL-IVIG002 monitoring): before the start, 15 minutes after the start, with each
 * rate increase, at the end, and 30–60 minutes after the infusion.
 */
function vitalChecks(i: Infusion): { label: string; minute: number }[] {
  const checks = [{ label: "Before start", minute: 0 }];
  if (i.durationMinutes > 15) checks.push({ label: "15 min after the start", minute: 15 });
  const steps = stepsReached(i);
  for (const s of steps.slice(1)) {
    checks.push({ label: `Before ${formatNumber(s.mlPerHour, 1)} mL/h`, minute: s.startMinute });
  }
  checks.sort((a, b) => a.minute - b.minute);
  checks.push({ label: "End of infusion", minute: i.durationMinutes });
  checks.push({ label: "30–60 min after the end", minute: i.durationMinutes + 30 });
  return checks;
}

/** Blank cells for blood pressure, pulse and temperature at each check. */
function vitalsTable(ctx: DayContext, i: Infusion): Markup {
  const timed = ctx.clock(i.date, 0) !== undefined;
  const rows = vitalChecks(i).map(
    (c) =>
      html`<tr><td>${c.label}</td>${num(hoursMinutes(c.minute))}${timed ? num(ctx.clock(i.date, c.minute)) : ""}${blanks(5)}</tr>\n`,
  );
  const head = headRow([
    "Check",
    "At (h:mm)",
    timed && "Due",
    "Time taken",
    "BP (mmHg)",
    "Pulse (/min)",
    "Temp (°C)",
    "Initials",
  ]);
  return html`<h3>Vital signs</h3>\n<table class="write">${head}\n<tbody>${rows}</tbody></table>\n`;
}

/** One row per vial size, with room for the lot numbers and expiry dates of the vials used. */
function productTable(i: Infusion): Markup {
  const rows = i.vials.map(
    (v) => html`<tr><td class="nowrap">${v.count} × ${grams(v.sizeG)}</td>${blanks(3, 0)}</tr>\n`,
  );
  const head = headRow(["Vials", "Lot numbers", "Expiry", "Checked by"]);
  return html`<h3>Product</h3>\n<table class="write">${head}\n<tbody>${rows}</tbody></table>\n`;
}

function startStopTable(): Markup {
  const head = headRow(["Started at", "Stopped at", "Volume given mL", "Reactions, notes", "Nurse's initials"]);
  return html`<table class="write">${head}\n<tbody><tr>${blanks(5, 3)}</tr></tbody></table>\n`;
}

/** The warning codes on every day's page (in a plan, its phase's), so a page read alone still shows them. */
function warningsLine(r: ScheduleResult, i: Infusion): Markup {
  const codes = warningsOfPhase(r, i.phase).map((w) => w.code);
  if (codes.length === 0) return html``;
  return html`<p class="alert">Warnings: ${codes.join(", ")} (see Warnings at the end).</p>
`;
}
