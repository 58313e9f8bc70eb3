import { formatNumber, plural, roundTo } from "./format.js";
import type { ScheduleInput } from "./input.js";
import { buildRatePlan, resolveRates } from "./ratePlan.js";
import type { ExplainStep, Infusion, ScheduleResult } from "./resultSchema.js";
import { sitesFor } from "./scigSites.js";
import { type Fact, findProduct, findScigProduct } from "../data/products.js";
import type { Source } from "../data/sources.js";

/** `--explain` for the pump: IVIG rate plans scaled by the dosing weight, SCIG sites and per-site rates. */

/** One step, as `--json` prints it. */
export function step(name: string, formula: string, result: string, source: Source | null = null): ExplainStep {
  return { step: name, formula, result, source: source?.url ?? null };
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
 * Each IVIG rate plan the schedule uses (first and later infusions): every step's rate per kg ×
 * the dosing weight, to 0.1 mL/h, and how long each step runs.
 */
export function explainIvigRates(input: ScheduleInput, r: ScheduleResult, kg: number): ExplainStep[] {
  const product = findProduct(r.regimen.product)!;
  const rates = resolveRates(product, input.rates);
  const conc = product.concentrationGPerMl.value;
  // The initial rate and the maximum come from the label (unless an option set them): cite it, and name
  // where the steps between them come from in the formula.
  const given = input.rates ?? {};
  const source =
    given.initialMlPerKgPerHour === undefined
      ? sourceOf(product.rates.initialMlPerKgPerHour)
      : given.maxMlPerKgPerHour === undefined
        ? sourceOf(product.rates.maxMlPerKgPerHour)
        : rates.stepsFrom === "label"
          ? sourceOf(product.rates.intermediateMlPerKgPerHour)
          : null;
  // A typed or at-risk rate is never called the label's.
  const end = (from: string, what: string) =>
    from === "label" ? `the ${product.name} label's ${what}` : `the ${what} from ${from}`;
  const ends =
    rates.initialFrom === "label" && rates.maxFrom === "label"
      ? `the ${product.name} label's initial rate and maximum`
      : `${end(rates.initialFrom, "initial rate")} and ${end(rates.maxFrom, "maximum")}`;
  const from =
    rates.stepsFrom === "standard"
      ? `NL-IVIG002 steps between ${ends}`
      : rates.stepsFrom === "label"
        ? `the ${product.name} label's steps`
        : `--rate-steps between ${ends}`;
  return kindsIn(r).map((kind) => {
    const plan = buildRatePlan(rates, kind, kg, conc);
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
export function explainScigSessions(_input: ScheduleInput, r: ScheduleResult, kg: number): ExplainStep[] {
  const product = findScigProduct(r.regimen.product, r.regimen.region)!;
  const f = product.facilitated;
  const sites = distinct(r.infusions, (i) => `${i.infusionKind} ${i.volumeMl}`).map((i) => {
    const phase = product[i.infusionKind];
    const plan = sitesFor(product, phase, i.volumeMl);
    const with3 = f ? ` (${formatNumber(f.maxMlPerSiteWith3Sites.value)} mL each with 3 sites or more)` : "";
    const atOnce =
      product.maxSites.value === null
        ? ""
        : `; at most ${product.maxSites.value} at once, so ${plan.rounds === 1 ? "all at once" : `${plan.rounds} rounds`}`;
    return step(
      `Sites, ${i.infusionKind} infusion of ${formatNumber(i.volumeMl, 1)} mL`,
      `the fewest sites within ${formatNumber(phase.maxMlPerSite.value!)} mL per site${with3}: ⌈${formatNumber(i.volumeMl, 1)} ÷ ` +
        `${formatNumber(phase.maxMlPerSite.value!)}⌉${atOnce}`,
      `${plural(plan.sites, "site")} × ${formatNumber(roundTo(i.volumeMl / plan.sites, 1), 1)} mL` +
        (plan.rounds > 1 ? `, ${plan.sitesAtOnce} at once` : ""),
      sourceOf(phase.maxMlPerSite),
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
      const mlPerHour = roundTo(Math.min(rate * n, total ?? Number.POSITIVE_INFINITY), 1);
      const cap = total !== null && rate * n > total ? `, capped at ${perHour(total)} for all sites` : "";
      return `from ${clock(k * (f ? f.stepMinutes.value : 0))}: ${n} ×  ${formatNumber(rate, 1)} mL/h${cap} = ${perHour(mlPerHour)}`;
    });
    return step(
      `Rate plan, ${i.infusionKind} infusions, ${plural(n, "site")} at once`,
      `the label's per-site rate × the sites running at once (${formatNumber(i.ratePlan[0]!.mlPerKgPerHour, 3)} mL/kg/h at ` +
        `${formatNumber(kg)} kg); ${steps.join("; ")}`,
      `${i.ratePlan.map((s) => formatNumber(s.mlPerHour, 1)).join(" → ")} mL/h`,
      sourceOf(perSite),
    );
  });
  return [...sites, ...rates];
}
