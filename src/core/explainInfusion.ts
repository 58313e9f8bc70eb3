import { type OptionKey, option } from "./optionKeys.js";
import { formatNumber, plural, roundTo } from "./format.js";
import type { Derivation } from "./derivation.js";
import type { ExplainStep, Infusion, ScheduleResult } from "./resultSchema.js";
import { type Fact, findProduct, findScigProduct } from "../data/products.js";
import type { Source } from "../data/sources.js";

/** `--explain` for the pump: IVIG rate plans scaled by the dosing weight, SCIG sites and per-site rates. */

/** A step's number as data: the figure of the plan it shows, in its unit. */
interface Figure {
  readonly value: number;
  readonly unit: string;
}

/** One step, as `--json` prints it: its number (`value`, `unit`) beside the words, when it has one. */
export function step(
  name: string,
  formula: string,
  result: string,
  source: Source | null = null,
  figure?: Figure,
): ExplainStep {
  const data = figure === undefined ? {} : { value: figure.value, unit: figure.unit };
  return { step: name, formula, result, ...data, source: source?.url ?? null };
}

/** h:mm, as the table prints chair times. */
export function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(Math.round(minutes % 60)).padStart(2, "0")}`;
}

/** Infusions of one kind, for the rate plans. */
function kindsIn(r: ScheduleResult): Infusion["infusionKind"][] {
  return [...new Set(r.infusions.map((i) => i.infusionKind))];
}

const sourceOf = (fact: Fact<unknown>): Source | null => ("source" in fact ? fact.source : null);
const perHour = (mlPerHour: number) => `${formatNumber(mlPerHour, 1)} mL/h`;

/**
 * Each IVIG rate plan the schedule uses (first and later infusions), as the planner built it: every
 * step's rate per kg × the dosing weight, to 0.1 mL/h, and how long each step runs.
 */
export function explainIvigRates(d: Derivation, r: ScheduleResult): ExplainStep[] {
  const { resolved: rates, plans, source } = d.rates!;
  const kg = d.dosingWeight.dosingWeightKg;
  const name = findProduct(r.regimen.product)!.name;
  // A typed or at-risk rate is never called the label's.
  const end = (from: "label" | OptionKey, what: string) =>
    from === "label" ? `the ${name} label's ${what}` : `the ${what} from ${option(from)}`;
  const ends =
    rates.initialFrom === "label" && rates.maxFrom === "label"
      ? `the ${name} label's initial rate and maximum`
      : `${end(rates.initialFrom, "initial rate")} and ${end(rates.maxFrom, "maximum")}`;
  const from =
    rates.stepsFrom === "standard"
      ? `NL-IVIG002 steps between ${ends}`
      : rates.stepsFrom === "label"
        ? `the ${name} label's steps${rates.maxFrom === "label" ? "" : ` up to ${end(rates.maxFrom, "maximum")}`}`
        : `${option("rateSteps")} between ${ends}`;
  return kindsIn(r).map((kind) => {
    const plan = plans[kind];
    const steps = plan.map(
      (s) =>
        `from ${clock(s.startMinute)}: ${formatNumber(s.mlPerKgPerHour, 3)} mL/kg/h (${formatNumber(s.mlPerKgPerHour / 60, 4)} ` +
        `mL/kg/min) × ${formatNumber(kg)} kg = ${perHour(s.mlPerHour)}`,
    );
    return step(
      `Rate plan, ${kind} infusions`,
      `${from}, each for ${rates.stepMinutes} min, the last until the end; ${steps.join("; ")}`,
      `${plan.map((s) => formatNumber(s.mlPerHour, 1)).join(" → ")} mL/h`,
      source,
      { value: plan.at(-1)!.mlPerHour, unit: "mL/h" },
    );
  });
}

/** The first infusion of each distinct key, in order. */
function distinct(infusions: readonly Infusion[], key: (i: Infusion) => string): Infusion[] {
  const seen = new Set<string>();
  return infusions.filter((i) => !seen.has(key(i)) && seen.add(key(i)) !== undefined);
}

/**
 * SCIG: the sites each volume needs (the fewest within the per-site volume, at most the label's
 * number at once, the rest in rounds), and each pump plan: sites at once × the per-site rate.
 */
export function explainScigSessions(r: ScheduleResult, kg: number): ExplainStep[] {
  const product = findScigProduct(r.regimen.product, r.regimen.region)!;
  const f = product.facilitated;
  const sites = distinct(r.infusions, (i) => `${i.infusionKind} ${i.volumeMl}`).map((i) => {
    const phase = product[i.infusionKind];
    // The sites the planner gave this infusion (scigSites.ts), as its record holds them.
    const plan = { sites: i.sites ?? 1, sitesAtOnce: i.sitesAtOnce ?? 1, rounds: i.siteRounds ?? 1 };
    const with3 = f ? ` (${formatNumber(f.maxMlPerSiteWith3Sites.value)} mL each with 3 sites or more)` : "";
    const atOnce =
      product.maxSites.value === null
        ? ""
        : `; at most ${product.maxSites.value} at once, so ${plan.rounds === 1 ? "all at once" : `${plan.rounds} rounds`}`;
    return step(
      `Sites, ${i.infusionKind} infusion of ${formatNumber(i.volumeMl, 1)} mL`,
      `the fewest sites within ${formatNumber(phase.maxMlPerSite.value!)} mL per site${with3}: ⌈${formatNumber(i.volumeMl, 1)} ÷ ` +
        `${formatNumber(phase.maxMlPerSite.value!)}⌉${atOnce}`,
      `${plural(plan.sites, "site")} × ${formatNumber(i.volumePerSiteMl ?? roundTo(i.volumeMl / plan.sites, 1), 1)} mL` +
        (plan.rounds > 1 ? `, ${plan.sitesAtOnce} at once` : ""),
      sourceOf(phase.maxMlPerSite),
      { value: plan.sites, unit: "sites" },
    );
  });
  const rates = distinct(r.infusions, (i) => `${i.infusionKind} ${i.sitesAtOnce}`).map((i) => {
    const phase = product[i.infusionKind];
    const total = phase.maxMlPerHourTotal.value;
    const perSite = f
      ? i.infusionKind === "first"
        ? f.siteRateStepsFirst
        : f.siteRateStepsLater
      : phase.maxMlPerHourPerSite;
    const perSiteSteps = (
      perSite.value === null ? [] : Array.isArray(perSite.value) ? perSite.value : [perSite.value]
    ) as number[];
    const n = i.sitesAtOnce ?? 1;
    const steps = perSiteSteps.map((rate, k) => {
      // The rate the planner set (scigSites.ts); the words show the per-site rate × sites and the cap behind it.
      const mlPerHour = i.ratePlan[k]!.mlPerHour;
      const cap = total !== null && rate * n > total ? `, capped at ${perHour(total)} for all sites` : "";
      return `from ${clock(k * (f ? f.stepMinutes.value : 0))}: ${n} ×  ${formatNumber(rate, 1)} mL/h${cap} = ${perHour(mlPerHour)}`;
    });
    return step(
      `Rate plan, ${i.infusionKind} infusions, ${plural(n, "site")} at once`,
      `the label's per-site rate × the sites running at once (${formatNumber(i.ratePlan[0]!.mlPerKgPerHour, 3)} mL/kg/h at ` +
        `${formatNumber(kg)} kg); ${steps.join("; ")}`,
      `${i.ratePlan.map((s) => formatNumber(s.mlPerHour, 1)).join(" → ")} mL/h`,
      sourceOf(perSite),
      { value: i.ratePlan.at(-1)!.mlPerHour, unit: "mL/h" },
    );
  });
  return [...sites, ...rates];
}
