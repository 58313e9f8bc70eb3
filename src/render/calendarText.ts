import { formatNumber, plural } from "../core/format.js";
import type { Infusion, ScheduleResult } from "../core/resultSchema.js";
import { roundSizes } from "../core/scigSites.js";
import { phaseOf, phaseRegimenText, regimenOf, warningsOfPhase } from "./phases.js";
import { formatVials, hoursMinutes, scigRateText } from "./quantities.js";
import { warningLine } from "./shortWarnings.js";

// The words of one infusion as a calendar event (ICS): its summary (the title a calendar shows)
// and its description. IVIG events name the course and its day; SCIG events read as what they are
// for the nurse and patient: the n-th of a run of home infusions, with sites, volume and pump plan.

const DISCLAIMER = "Decision support only: check against the current label; the prescriber and pharmacist decide.";
const FULL_TEXT = "Full warning texts, notes and sources: see the printed schedule (table or --json).";

/** An infusion of the subcutaneous route: only SCIG infusions carry sites. */
const isScig = (i: Infusion) => i.sites !== undefined;

/** "phase 2, " inside an event title when the schedule is a treatment plan. */
const phaseWords = (r: ScheduleResult, i: Infusion) => {
  const phase = phaseOf(r, i);
  return phase ? `phase ${phase.phase}, ` : "";
};

/** The event's title. */
export function eventSummary(r: ScheduleResult, i: Infusion): string {
  const dose = `${formatNumber(i.doseG)} g`;
  const g = regimenOf(r, i);
  if (!isScig(i)) {
    const route = g.route.toUpperCase();
    return `${route} ${dose} ${g.productName} (${phaseWords(r, i)}course ${i.course}, day ${i.day}/${i.daysInCourse})`;
  }
  return `${g.productName} SCIG ${dose} (${phaseWords(r, i)}${homeInfusion(r, i)}, ${plural(i.sites ?? 0, "site")})`;
}

/**
 * Which home infusion this is and how often they come: "weekly home infusion 3 of 24"; every k
 * weeks "home infusion 3 of 9, every 3 weeks"; a HyQvia ramp-up dose "home infusion 1 of 9,
 * ramp-up"; a dose split over sessions "home infusion 5 of 24, session 1 of 2 this week".
 */
function homeInfusion(r: ScheduleResult, i: Infusion): string {
  // Counted within the infusion's phase in a treatment plan.
  const scig = r.infusions.filter((x) => isScig(x) && x.phase === i.phase);
  const count = `${scig.indexOf(i) + 1} of ${scig.length}`;
  const g = regimenOf(r, i);
  const everyWeeks = g.scig?.everyWeeks ?? g.intervalWeeks;
  const session =
    i.daysInCourse > 1
      ? `, session ${i.day} of ${i.daysInCourse} ${everyWeeks === 1 ? "this week" : `of this ${everyWeeks}-week dose`}`
      : "";
  if (isRampUp(r, i)) return `home infusion ${count}, ramp-up${session}`;
  if (everyWeeks === 1) return `${i.daysInCourse > 1 ? "home infusion" : "weekly home infusion"} ${count}${session}`;
  return `home infusion ${count}, every ${everyWeeks} weeks${session}`;
}

/** A HyQvia ramp-up dose: its period's total is below the full period's (`regimen.scig.rampUp`). */
function isRampUp(r: ScheduleResult, i: Infusion): boolean {
  if (!regimenOf(r, i).scig?.rampUp) return false;
  const full = Math.max(...r.courseTotals.filter((c) => c.phase === i.phase).map((c) => c.doseG));
  const mine = r.courseTotals.find((c) => c.course === i.course);
  return mine !== undefined && mine.doseG < full;
}

/** The event's description: what to prepare and give, then the warnings in short, then the disclaimer. */
export function eventDescription(r: ScheduleResult, i: Infusion, moved?: string): string {
  const lines = [
    ...(moved ? [`Start time moved: ${moved}`] : []),
    ...phaseLines(r, i),
    ...(isScig(i) ? scigLines(r, i) : ivigLines(r, i)),
    `Estimated chair time: ${hoursMinutes(i.durationMinutes)}`,
  ];
  if (i.movedBecause) lines.push(`Moved from ${i.plannedDate}: ${i.movedBecause}`);
  const warnings = warningsOfPhase(r, i.phase);
  for (const w of warnings) lines.push(warningLine(w));
  if (warnings.length > 0) lines.push(FULL_TEXT);
  lines.push(DISCLAIMER);
  return lines.join("\n");
}

function doseLine(r: ScheduleResult, i: Infusion): string {
  return (
    `Dose: ${formatNumber(i.doseG)} g (${formatNumber(i.doseGPerKg, 3)} g/kg of dosing weight ` +
    `${formatNumber(r.patient.dosingWeightKg)} kg)`
  );
}

function ivigLines(r: ScheduleResult, i: Infusion): string[] {
  return [
    doseLine(r, i),
    `Volume: ${formatNumber(i.volumeMl, 1)} mL`,
    `Vials: ${formatVials(i.vials)}`,
    `Rate plan (${i.infusionKind} infusion): ${i.ratePlan.map(rateStepText).join(", ")}`,
  ];
}

/** A treatment plan's infusion names its phase and the phase's regimen. */
function phaseLines(r: ScheduleResult, i: Infusion): string[] {
  const phase = phaseOf(r, i);
  return phase ? [`Phase ${phase.phase} of ${r.phases!.length}: ${phaseRegimenText(phase)}`] : [];
}

function scigLines(r: ScheduleResult, i: Infusion): string[] {
  const g = regimenOf(r, i);
  const mgPerMl = formatNumber(g.concentrationGPerMl * 1000);
  const atOnce = i.sitesAtOnce ?? i.sites!;
  return [
    `Product: ${g.productName} (${mgPerMl} mg/mL), subcutaneous`,
    doseLine(r, i),
    `Volume: ${formatNumber(i.volumeMl, 1)} mL at ${plural(i.sites ?? 0, "site")}, ${formatNumber(i.volumePerSiteMl ?? 0, 1)} mL each`,
    sitesLine(i),
    `Vials: ${formatVials(i.vials)}`,
    `Pump plan (${i.infusionKind} infusion, ${plural(atOnce, "site")} at once): ` +
      i.ratePlan.map((s) => `from ${hoursMinutes(s.startMinute)} ${scigRateText(s.mlPerHour, atOnce)}`).join(", "),
  ];
}

/** "Sites: 4, all at once" or "Sites: 9 in 3 rounds (3 + 3 + 3), one round after another". */
function sitesLine(i: Infusion): string {
  const sites = i.sites!;
  const rounds = i.siteRounds ?? 1;
  if (rounds <= 1) return `Sites: ${sites}, ${sites === 1 ? "one site" : "all at once"}`;
  const sizes = roundSizes({ sites, sitesAtOnce: i.sitesAtOnce ?? sites, rounds });
  return `Sites: ${sites} in ${rounds} rounds (${sizes.join(" + ")}), one round after another`;
}

/** One step of a rate plan as an event line: "from 0:30 42 mL/h". */
function rateStepText(s: { readonly startMinute: number; readonly mlPerHour: number }): string {
  return `from ${hoursMinutes(s.startMinute)} ${formatNumber(s.mlPerHour, 1)} mL/h`;
}
