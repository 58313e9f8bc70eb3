import { formatNumber, plural } from "../core/format.js";
import type { Infusion, Message, PhaseSummary, Regimen, ScheduleResult } from "../core/resultSchema.js";
import { grams } from "./quantities.js";

/** How the renderers show a treatment plan's phases (`--plan`): the same words in table, CSV and ICS. */

const weeks = (n: number) => (n === 1 ? "every week" : `every ${n} weeks`);

/**
 * A phase's regimen in a few words: IVIG's dose per course, SCIG's dose per infusion.
 *
 * @example
 * phaseRegimenText(phase) //=> "IVIG Gammagard Liquid 10 %, 1 g/kg every 3 weeks (70 g)"
 */
export function phaseRegimenText(p: PhaseSummary): string {
  const g = p.regimen;
  const converts = g.scig
    ? `, converting ${formatNumber(g.scig.ivigDoseGPerKg)} g/kg ${weeks(g.scig.ivigIntervalWeeks)}`
    : `, ${formatNumber(g.doseGPerKg)} g/kg`;
  const dose = g.scig
    ? `${grams(g.courseDoseG)} ${weeks(g.intervalWeeks)}`
    : `${weeks(g.intervalWeeks)} (${grams(g.courseDoseG)})`;
  return `${p.route.toUpperCase()} ${p.productName}${converts}${g.scig ? `: ${dose}` : ` ${dose}`}`;
}

/**
 * The table's summary line of each phase: regimen, dates, infusions, total.
 *
 * @example
 * phaseFields(r) //=> [["Phase 1", "IVIG Gammagard Liquid 10 %, 2 g/kg every 4 weeks (140 g): Tue … (start)"], …]
 */
export function phaseFields(r: ScheduleResult): [string, string][] {
  return (r.phases ?? []).map((p) => {
    const n = p.infusionCount;
    return [
      `Phase ${p.phase}`,
      `${phaseRegimenText(p)}; ${p.firstDate} to ${p.lastDate}, ${plural(n, "infusion")}, ${grams(p.totalG)} ` +
        `(starts: ${p.startRule})`,
    ];
  });
}

/**
 * The heading printed above a phase's infusions in the table.
 *
 * @example
 * phaseHeading(r, 2) //=> "Phase 2 · IVIG Gammagard Liquid 10 %, 1 g/kg every 3 weeks (70 g)"
 */
export function phaseHeading(r: ScheduleResult, phase: number): string {
  const p = r.phases?.[phase - 1];
  return p ? `Phase ${phase} · ${phaseRegimenText(p)}` : `Phase ${phase}`;
}

/** The phase an infusion belongs to, when the result is a treatment plan. */
export function phaseOf(r: ScheduleResult, i: Infusion): PhaseSummary | undefined {
  return i.phase === undefined ? undefined : r.phases?.[i.phase - 1];
}

/** The regimen an infusion belongs to: its phase's in a treatment plan (phases change product and route). */
export function regimenOf(r: ScheduleResult, i: Infusion): Regimen {
  return phaseOf(r, i)?.regimen ?? r.regimen;
}

/**
 * What a treatment plan gives, in order, each product once per run of phases using it.
 *
 * @example
 * planProducts(r) //=> "Gammagard Liquid 10 %, then Hizentra 20 %"
 */
export function planProducts(r: ScheduleResult): string {
  const names = (r.phases ?? []).map((p) => p.productName).filter((n, k, all) => k === 0 || all[k - 1] !== n);
  return names.join(", then ");
}

/**
 * The warnings that go with an infusion (or a phase): in a treatment plan, those of its phase and
 * those that apply to every phase (no `phases`); outside a plan, all of them.
 */
export function warningsOfPhase(r: ScheduleResult, phase: number | undefined): Message[] {
  if (phase === undefined) return r.warnings;
  return r.warnings.filter((w) => w.phases === undefined || w.phases.includes(phase));
}
