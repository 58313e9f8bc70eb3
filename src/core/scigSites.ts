import { DomainError } from "./domainError.js";
import { formatNumber, plural, roundTo } from "./format.js";
import type { ScheduleInput } from "./input.js";
import type { NoteCode, WarningCode } from "./messages.js";
import { infusionMinutes, MAX_CHAIR_MINUTES, type RateStep } from "./ratePlan.js";
import type { Infusion } from "./resultSchema.js";
import { MOST_SITES_IN_ONE_INFUSION, type ScigPhase, type ScigProduct } from "../data/products.js";
import type { Source } from "../data/sources.js";
import { type OptionKey, option } from "./optionKeys.js";

/** The sites, pump plan and chair time of one SCIG session, with their warnings and refusals. */

/** What a HyQvia dose no interval can fit suggests, and the options it names (the first concerns it most). */
export const OTHER_PRODUCT_REMEDY = `lower ${option("dose")} or ${option("every")}, or choose another ${option("scigProduct")}`;
export const OTHER_PRODUCT_OPTIONS: readonly OptionKey[] = ["dose", "every", "scigProduct"];

/** "--scig-every 1 or 2": the first of the intervals as the option's value, the others after it. */
export function scigEveryText(weeks: readonly number[]): string {
  return [option("scigEvery", weeks[0]!), ...weeks.slice(1)].join(" or ");
}

/** Where the sites of one infusion go: how many, how many run at once, in how many rounds. */
interface SitePlan {
  /** The fewest sites that keep each within the per-site volume. */
  readonly sites: number;
  /** The largest group running at once: never above the label's simultaneous-site limit. */
  readonly sitesAtOnce: number;
  /** Groups run one after another (consecutive sites), as evenly sized as whole sites allow. */
  readonly rounds: number;
}

/**
 * Sites: the fewest that keep each within the per-site volume (HyQvia: 400 mL each with 3 sites),
 * run at most `maxSites` at once; the rest run in turn, in the fewest rounds, as evenly as whole
 * sites allow (Hizentra PI page: "up to 4 sites simultaneously or up to 12 consecutively").
 *
 * @example
 * sitesFor(hizentra, hizentra.first, 175) //=> { sites: 9, sitesAtOnce: 3, rounds: 3 }
 */
function sitesFor(product: ScigProduct, phase: ScigPhase, volumeMl: number): SitePlan {
  const perSite = phase.maxMlPerSite.value;
  if (perSite === null)
    throw new DomainError(
      "SCIG_LIMIT_NOT_FOUND",
      "scigProduct",
      `${product.name}: the per-site volume was not ` + `found`,
    );
  let sites = Math.max(1, Math.ceil(volumeMl / perSite - 1e-9));
  const f = product.facilitated;
  if (f && sites >= 3) sites = Math.max(3, Math.ceil(volumeMl / f.maxMlPerSiteWith3Sites.value - 1e-9));
  const atOnceLimit = product.maxSites.value ?? sites;
  const rounds = Math.ceil(sites / atOnceLimit);
  return { sites, sitesAtOnce: Math.ceil(sites / rounds), rounds };
}

/**
 * Sites in each round: `rounds` groups of `sitesAtOnce` or one fewer, adding up to `sites`.
 *
 * @example
 * roundSizes({ sites: 7, sitesAtOnce: 4, rounds: 2 }) //=> [4, 3]
 */
export function roundSizes(plan: SitePlan): number[] {
  const small = Math.floor(plan.sites / plan.rounds);
  const larger = plan.sites - small * plan.rounds;
  return Array.from({ length: plan.rounds }, (_, i) => (i < larger ? small + 1 : small));
}

/**
 * Chair minutes: each round runs its sites' volume through the pump plan for that many sites
 * (a new round of sites starts again at the first step), one round after the other.
 *
 * @example
 * chairMinutes({ sites: 2, sitesAtOnce: 2, rounds: 1 }, 50, () => [{ startMinute: 0, mlPerHour: 50, … }]) //=> 60
 */
function chairMinutes(plan: SitePlan, volumeMl: number, planFor: (sites: number) => readonly RateStep[]): number {
  const perSite = volumeMl / plan.sites;
  return roundSizes(plan).reduce((sum, n) => sum + infusionMinutes(planFor(n), perSite * n), 0);
}

/** What a session's warnings need: the options the user gave (a remedy never repeats one) and where to report. */
export interface SessionContext {
  readonly given: NonNullable<ScheduleInput["scig"]>;
  readonly everyWeeks: number;
  readonly warn: Warn;
  readonly note: Note;
}

export type Warn = (code: WarningCode, text: string, sources?: readonly Source[], remedies?: readonly string[]) => void;
export type Note = (code: NoteCode, text: string, sources?: readonly Source[], remedies?: readonly string[]) => void;

/**
 * The infusion fields of one SCIG session: its sites, pump plan and chair time, with their warnings.
 *
 * @example
 * scigSession(hizentra, "later", 175, 70, context) //=> { ratePlan, durationMinutes, sites, sitesAtOnce, siteRounds, volumePerSiteMl }
 */
export function scigSession(
  product: ScigProduct,
  phaseName: "first" | "later",
  ml: number,
  kg: number,
  context: SessionContext,
): Pick<Infusion, "ratePlan" | "durationMinutes" | "sites" | "sitesAtOnce" | "siteRounds" | "volumePerSiteMl"> {
  const conc = product.concentrationGPerMl.value;
  const site = sitesFor(product, product[phaseName], ml);
  const planFor = (n: number) => scigRatePlan(product, phaseName, n, kg, conc);
  const minutes = chairMinutes(site, ml, planFor);
  // Hizentra CIDP: "1 or 2 sessions over 1 or 2 consecutive days"; HyQvia is given in one session.
  const splitRemedy = !product.facilitated && context.given.sessions === undefined ? [option("sessions", 2)] : [];
  if (minutes > MAX_CHAIR_MINUTES) chairTimeTooLong(product, phaseName, ml, site, minutes, context);
  siteWarnings(product, phaseName, ml, site, minutes, splitRemedy, context);
  return {
    ratePlan: planFor(site.sitesAtOnce),
    durationMinutes: Math.max(1, Math.ceil(roundTo(minutes, 6))),
    sites: site.sites,
    sitesAtOnce: site.sitesAtOnce,
    siteRounds: site.rounds,
    volumePerSiteMl: roundTo(ml / site.sites, 1),
  };
}

/** A session over 24 h in the chair is refused, naming what made its volume and what splits it. */
function chairTimeTooLong(
  product: ScigProduct,
  phaseName: "first" | "later",
  ml: number,
  site: SitePlan,
  minutes: number,
  context: SessionContext,
): never {
  const sessions = context.given.sessions ?? 1;
  const split = !product.facilitated && sessions === 1;
  const rates =
    `${formatNumber(ml)} mL of ${product.name} at the label's ${phaseName}-infusion rates (${plural(site.sites, "site")}, at most ` +
    `${site.sitesAtOnce} at once)`;
  const doubled = context.everyWeeks > 1 ? `, doubled or more by ${option("scigEvery", context.everyWeeks)}` : "";
  const splits = split ? `; ${option("sessions", 2)} splits it over 2 days` : "";
  throw new DomainError(
    "SCIG_CHAIR_TIME_TOO_LONG",
    "dose",
    `${option("route", "scig")}: ${rates} takes ${formatNumber(minutes / 60, 1)} h, over 24 h; the volume comes from ` +
      `${option("dose")}, ${option("every")} and ${option("scigFactor")}${doubled}${splits}`,
    [
      "route",
      "every",
      "scigFactor",
      ...(doubled ? ["scigEvery" as const] : []),
      ...(split ? ["sessions" as const] : []),
    ],
  );
}

/** What sites beyond the label's limit suggest when a second session would not cure it. */
const LARGER_SITES = "lower the dose or choose a product with larger per-site volumes";

/** Rounds of sites are a note; more sites than the label allows in all, or more than HyQvia's day, warn. */
function siteWarnings(
  product: ScigProduct,
  phaseName: "first" | "later",
  ml: number,
  site: SitePlan,
  minutes: number,
  splitRemedy: readonly string[],
  context: SessionContext,
): void {
  const perSite = product[phaseName].maxMlPerSite.value!;
  const needs = `${formatNumber(ml)} mL at ≤ ${formatNumber(perSite)} mL per site needs ${plural(site.sites, "site")}`;
  const maxSites = product.maxSites;
  const f = product.facilitated;
  if (f) {
    if (ml > f.maxMlPerDay.value) {
      // HyQvia is given in one session; a shorter interval gives a smaller dose (label: every 2, 3 or 4 weeks).
      // Above the label's daily volume is refused, not warned.
      const shorter = product.intervalsWeeks.value.filter((w) => w < context.everyWeeks);
      const tooMany =
        site.sites > (maxSites.value ?? site.sites)
          ? ` and needs ${site.sites} sites, more than its ${maxSites.value}`
          : "";
      const remedy =
        shorter.length > 0
          ? `give it more often (${scigEveryText(shorter)}) or lower ${option("dose")}`
          : OTHER_PRODUCT_REMEDY;
      throw new DomainError(
        "HYQVIA_DAILY_VOLUME",
        shorter.length > 0 ? "scigEvery" : "dose",
        `${option("route", "scig")}: ${formatNumber(ml)} mL of HyQvia in one day is above its label's ` +
          `${f.maxMlPerDay.value} mL a day${tooMany}; ` +
          `${remedy}`,
        ["route", ...(shorter.length > 0 ? ["dose" as const] : OTHER_PRODUCT_OPTIONS.slice(1))],
      );
    }
    return;
  }
  const limit = sitesInOneInfusion(product);
  if (limit && site.sites > limit.value) {
    // --sessions 2 only cures it when half the volume needs no more sites than the limit.
    const remedy = Math.ceil(ml / 2 / perSite - 1e-9) <= limit.value ? splitRemedy : [];
    context.warn(
      "SCIG_SITES_ABOVE_LABEL",
      `${needs}, ${limit.text}${remedy.length > 0 ? `: split the dose with ${option("sessions", 2)}` : `: ${LARGER_SITES}`}`,
      limit.sources,
      remedy,
    );
  }
  if (site.rounds > 1 && maxSites.value !== null) {
    const rounds = roundSizes(site).join(" + ");
    context.note(
      "SCIG_SITE_ROUNDS",
      `${phaseName} infusions: ${needs}; the label allows ${maxSites.value} at once ` +
        `(${"note" in maxSites && maxSites.note ? maxSites.note : "label"}), so they run in ${site.rounds} rounds of ${rounds} sites, ` +
        `one after another: chair ` +
        `${hoursMinutesText(minutes)}${splitRemedy.length > 0 ? `; ${option("sessions", 2)} splits the dose over 2 days` : ""}`,
      ["source" in maxSites ? maxSites.source : product.concentrationGPerMl.source],
      splitRemedy,
    );
  }
}

/**
 * The most sites one infusion may use: the label's consecutive limit (Hizentra 12); for a label that only
 * limits sites at once, {@link MOST_SITES_IN_ONE_INFUSION} or that limit if larger; none where the label sets
 * no site limit (Cutaquig under the EU SmPC).
 */
function sitesInOneInfusion(
  product: ScigProduct,
): { readonly value: number; readonly text: string; readonly sources: readonly Source[] } | undefined {
  const consecutive = product.maxSitesConsecutive;
  if (consecutive) {
    return {
      value: consecutive.value,
      text: `more than the ${consecutive.value} the label allows in one infusion (${consecutive.note ?? "label"})`,
      sources: [consecutive.source],
    };
  }
  const atOnce = product.maxSites;
  if (atOnce.value === null) return undefined;
  const most = MOST_SITES_IN_ONE_INFUSION;
  const value = Math.max(most.value, atOnce.value);
  return {
    value,
    text:
      `far beyond the label: ${product.name} allows ${atOnce.value} at once (${atOnce.note ?? "label"}) and no label found ` +
      `allows more than ${value} in one infusion (${most.note})`,
    sources: [atOnce.source, most.source],
  };
}

/** h:mm of a chair time, as the notes print it. */
function hoursMinutesText(minutes: number): string {
  const m = Math.ceil(roundTo(minutes, 6));
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
}

/** SCIG pump plan: every site at its per-site rate (HyQvia: its 10-minute steps), within the all-sites maximum. */
function scigRatePlan(
  product: ScigProduct,
  phaseName: "first" | "later",
  sites: number,
  kg: number,
  conc: number,
): RateStep[] {
  const phase = product[phaseName];
  const total = phase.maxMlPerHourTotal.value ?? Number.POSITIVE_INFINITY;
  const f = product.facilitated;
  const facilitatedSteps = f && (phaseName === "first" ? f.siteRateStepsFirst.value : f.siteRateStepsLater.value);
  const perSiteSteps = facilitatedSteps || [phase.maxMlPerHourPerSite.value!];
  const stepMinutes = f ? f.stepMinutes.value : 0;
  return perSiteSteps.map((perSite, i) => {
    const mlPerHour = roundTo(Math.min(perSite * sites, total), 1);
    return {
      startMinute: i * stepMinutes,
      mlPerHour,
      mlPerKgPerHour: roundTo(mlPerHour / kg, 3),
      mgPerKgPerMin: roundTo(((mlPerHour / kg) * conc * 1000) / 60, 3),
    };
  });
}
