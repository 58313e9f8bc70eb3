import { SOURCES, type Source } from "./sources.js";

/** A number copied from a label or guideline, with where it came from. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: Source;
  /** The label's own wording where it matters (e.g. which indication a rate belongs to). */
  readonly note?: string;
}

/** A number the research did not find (docs/clinical.md [NF]); the tool asks the user instead. */
interface NotFound {
  readonly value: null;
  /** What is missing and what the label says instead. */
  readonly notFound: string;
}

export type Fact<T> = Sourced<T> | NotFound;

const notFound = (why: string): NotFound => ({ value: null, notFound: why });

/**
 * IVIG infusion rates in mL/kg/h (computed from the label's mL/kg/min, never from its rounded
 * mg/kg/min: docs/clinical.md §9 item 3).
 */
interface IvigRates {
  /** The label indication these rates belong to (most products have no MMN rates). */
  readonly indication: string;
  readonly initialMlPerKgPerHour: Fact<number>;
  /** Minutes at each rate before the next step. */
  readonly stepMinutes: Fact<number>;
  /**
   * Rates between the initial rate and the maximum, in order, when the label lists them. Where it
   * does not, the plan titrates through {@link STANDARD_RATE_STEPS} (NL-IVIG002) instead.
   */
  readonly intermediateMlPerKgPerHour: Fact<readonly number[]>;
  readonly maxMlPerKgPerHour: Fact<number>;
  /**
   * A lower maximum for first infusions, where a source gives one. Without it, a plan on the
   * NL-IVIG002 steps stops at that table's first-infusion maximum ({@link STANDARD_FIRST_INFUSION_MAX}).
   */
  readonly firstInfusionMaxMlPerKgPerHour?: Sourced<number>;
  /** The label's numeric cap for patients at risk of renal dysfunction or thrombosis (at or below it). */
  readonly atRiskMaxMlPerKgPerHour: Fact<number>;
  /**
   * A label's "less than" figure for at-risk patients (Gamunex-C: "less than 8 mg/kg/min"): the
   * at-risk plan stops at the NL-IVIG002 step strictly below it.
   */
  readonly atRiskBelowMlPerKgPerHour?: Sourced<number>;
  /** The shortest step time the label allows, where it gives a range (Panzyga: every 15–30 min). */
  readonly minStepMinutes?: Sourced<number>;
}

/** Which region's label applies (`--region`): the US prescribing information or the EU SmPC. */
/** The routes: intravenous courses, or their subcutaneous equivalent. */
export const ROUTES = ["ivig", "scig"] as const;

export type Route = (typeof ROUTES)[number];

export const REGIONS = ["us", "eu"] as const;
export type Region = (typeof REGIONS)[number];
export const DEFAULT_REGION: Region = "us";
export const REGION_LABEL: Readonly<Record<Region, string>> = { us: "US label (PI)", eu: "EU label (SmPC)" };

interface ProductBase {
  readonly id: string;
  readonly name: string;
  /** Grams of IgG per mL (10 % = 0.1). */
  readonly concentrationGPerMl: Sourced<number>;
  /** Vial sizes in grams, as marketed under the product's own label. */
  readonly vialSizesG: Fact<readonly number[]>;
  /** Vial sizes where another region's label lists other sizes (Privigen: the EU SmPC adds 2.5 g). */
  readonly vialSizesGByRegion?: Partial<Record<Region, Fact<readonly number[]>>>;
  /** Whether the US label (PI) names MMN. */
  readonly mmnIndication: Sourced<boolean>;
  /** Whether the EU label (SmPC section 4.1) names MMN; not found where no EU label text was found. */
  readonly mmnIndicationEu: Fact<boolean>;
  /**
   * US package NDCs (labeler-product-package) as the product's sources state them, for the FHIR
   * export's medication coding; absent where no source states a package NDC of the catalog's presentations.
   */
  readonly usPackageNdcs?: Sourced<readonly PackageNdc[]>;
  /** The name the same product is sold under in another region (Gammagard Liquid is Kiovig in the EU). */
  readonly soldAs?: Partial<Record<Region, { readonly name: string; readonly productId: string }>>;
}

/** One package's National Drug Code and what the source calls that package. */
interface PackageNdc {
  readonly code: string;
  readonly display: string;
}

/** Gammagard Liquid, intravenous or subcutaneous: one package NDC, as openFDA lists it. */
const GAMMAGARD_NDCS: Sourced<readonly PackageNdc[]> = {
  value: [{ code: "0944-2700-03", display: "GAMMAGARD LIQUID 100 mg/mL" }],
  source: SOURCES.gammagardNdc,
  note: "one of its package codes (DailyMed lists 0944-2700-02 to -13); the source does not name this package's size",
};

export interface IvigProduct extends ProductBase {
  readonly route: "ivig";
  readonly rates: IvigRates;
}

/** Per-site limits of one phase of SCIG treatment (first infusions, or later ones). */
export interface ScigPhase {
  readonly maxMlPerSite: Fact<number>;
  readonly maxMlPerHourPerSite: Fact<number>;
  /** All sites together. */
  readonly maxMlPerHourTotal: Fact<number>;
}

export interface ScigProduct extends ProductBase {
  readonly route: "scig";
  /** The IVIG→SCIG factor of the product's own (PI) label. */
  readonly labelFactor: Fact<number>;
  /** How many infusions use the `first` limits before `later` apply. */
  readonly firstInfusions: Sourced<number>;
  readonly first: ScigPhase;
  readonly later: ScigPhase;
  /** Sites running at once (simultaneously), at most. */
  readonly maxSites: Fact<number>;
  /** Sites in one infusion, counting those run one after another, where a label gives a limit. */
  readonly maxSitesConsecutive?: Sourced<number>;
  /** Weeks between infusions the label allows (weekly; every 2 weeks at twice the dose; HyQvia 2–4). */
  readonly intervalsWeeks: Sourced<readonly number[]>;
  /** The label's per-site limits hold from this body weight (lighter patients have other limits). */
  readonly limitsFromKg: number;
  /** Where another region's label gives other site limits (Cutaquig: the EU SmPC's 6-infusion ramp, no site limit). */
  readonly limitsByRegion?: Partial<Record<Region, ScigLimits>>;
  /** Facilitated SCIG (HyQvia): hyaluronidase, daily volume limit, ramp-up. */
  readonly facilitated?: {
    readonly hyaluronidaseMlPerG: Sourced<number>;
    readonly maxMlPerDay: Sourced<number>;
    readonly maxMlPerSiteWith3Sites: Sourced<number>;
    /** Per-site rate steps (mL/h/site), each for `stepMinutes`, the last until the end. */
    readonly siteRateStepsFirst: Sourced<readonly number[]>;
    readonly siteRateStepsLater: Sourced<readonly number[]>;
    readonly stepMinutes: Sourced<number>;
    readonly rampUp: Sourced<string>;
  };
}

/**
 * [D] Sites in one infusion beyond which a plan is far outside any label, for a product whose label limits
 * the sites at once but says nothing of sites run one after another: the only such figure a stored label
 * gives is Hizentra's "up to 12 consecutively" (PI page), or the product's own simultaneous limit if larger.
 */
export const MOST_SITES_IN_ONE_INFUSION: Sourced<number> = {
  value: 12,
  source: SOURCES.hizentraSites,
  note: "Hizentra PI page: up to 12 consecutively, the only such figure found in a label",
};

/** The site limits a label region may set differently. */
export type ScigLimits = Pick<ScigProduct, "firstInfusions" | "first" | "later" | "maxSites">;

export type Product = IvigProduct | ScigProduct;

const TEN_PERCENT = (source: Source, note = "10 %, 100 mg/mL"): Sourced<number> => ({ value: 0.1, source, note });
/** mL/kg/min → mL/kg/h. */
const perMin = (mlPerKgPerMin: number) => Math.round(mlPerKgPerMin * 60 * 1000) / 1000;

/** Minutes each step lasts when neither the label nor `--step-minutes` says (the Gammagard Liquid and Octagam labels use 30). */
export const FALLBACK_STEP_MINUTES: Sourced<number> = { value: 30, source: SOURCES.gammagardPi };

/**
 * The standardised titration used where a label gives no steps between its initial rate and its
 * maximum: the NL-IVIG002 adult table for all 10 % IVIG (docs/clinical.md §2, §8.1 item 7). A plan runs
 * the steps that lie strictly between the label's initial rate and its maximum.
 */
export const STANDARD_RATE_STEPS: Sourced<readonly number[]> = {
  value: [0.01, 0.02, 0.04, 0.06, 0.08, 0.12, 0.14].map(perMin),
  source: SOURCES.nlIvig002,
  note: "0.01, 0.02, 0.04, 0.06, 0.08, 0.12, 0.14 mL/kg/min",
};

/** NL-IVIG002's rows cover adults of 40–130 kg; outside them the plan is its mL/kg/min × weight. */
export const STANDARD_RATE_WEIGHT_RANGE_KG: Sourced<{ min: number; max: number }> = {
  value: { min: 40, max: 130 },
  source: SOURCES.nlIvig002,
};

/** NL-IVIG002: 0.08 mL/kg/min is the "recommended maximum infusion rate for first infusion". */
export const STANDARD_FIRST_INFUSION_MAX: Sourced<number> = {
  value: perMin(0.08),
  source: SOURCES.nlIvig002,
  note: "0.08 mL/kg/min: recommended maximum for a first infusion",
};

/**
 * NL-IVIG002 footnote to its 0.08 mL/kg/min row: "check with prescriber to ensure the rate may be
 * increased above 0.08 mL/kg/min … as those at risk of renal failure or thrombosis may require lower
 * dosages and/or infusion rates". Used by `--at-risk` where the label gives no number.
 */
export const STANDARD_AT_RISK_MAX: Sourced<number> = {
  value: perMin(0.08),
  source: SOURCES.nlIvig002,
  note: "0.08 mL/kg/min: above it, at-risk patients need the prescriber's check",
};

/**
 * NL-IVIG002's first and top rows (0.01 and 0.14 mL/kg/min): the bounds of a typed `--initial-rate`
 * and `--max-rate` for a product with no label rates and no other-region label to borrow them from.
 */
export const STANDARD_FIRST_ROW: Sourced<number> = {
  value: perMin(0.01),
  source: SOURCES.nlIvig002,
  note: "NL-IVIG002's first row, 0.01 mL/kg/min",
};
export const STANDARD_TOP_ROW: Sourced<number> = {
  value: perMin(0.14),
  source: SOURCES.nlIvig002,
  note: "NL-IVIG002's top row, 0.14 mL/kg/min",
};

/**
 * The IVIG catalog. Adding a product is adding one entry; every number carries its source, and a
 * number the research did not find is `notFound` (docs/clinical.md §2, §7.2).
 */
export const IVIG_PRODUCTS: readonly IvigProduct[] = [
  {
    id: "gammagard-liquid",
    name: "Gammagard Liquid 10 %",
    route: "ivig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.gammagardNdc),
    vialSizesG: { value: [1, 2.5, 5, 10, 20, 30], source: SOURCES.gammagardMmnVials, note: "10–300 mL" },
    mmnIndication: { value: true, source: SOURCES.gammagardMmn, note: "US: adults with MMN, intravenous only" },
    mmnIndicationEu: { value: true, source: SOURCES.kiovigEma, note: "sold as Kiovig in the EU; its SmPC lists MMN" },
    soldAs: { eu: { name: "Kiovig", productId: "kiovig" } },
    usPackageNdcs: GAMMAGARD_NDCS,
    rates: {
      indication: "MMN (US label)",
      initialMlPerKgPerHour: { value: 0.5, source: SOURCES.gammagardMmn, note: "0.8 mg/kg/min as printed" },
      stepMinutes: { value: 30, source: SOURCES.gammagardPi, note: "PI label: increase every 30 min" },
      intermediateMlPerKgPerHour: notFound(
        "the MMN label says only 'may be increased if tolerated'; the plan uses the NL-IVIG002 steps",
      ),
      maxMlPerKgPerHour: { value: 5.4, source: SOURCES.gammagardMmn, note: "9 mg/kg/min, if tolerated" },
      firstInfusionMaxMlPerKgPerHour: STANDARD_FIRST_INFUSION_MAX,
      atRiskMaxMlPerKgPerHour: notFound("label: 'minimum dose and infusion rate practicable'; no number"),
    },
  },
  {
    id: "privigen",
    name: "Privigen 10 %",
    route: "ivig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.privigenDosing),
    vialSizesG: { value: [5, 10, 20, 40], source: SOURCES.privigenDailyMed, note: "US: 50, 100, 200, 400 mL" },
    vialSizesGByRegion: { eu: { value: [2.5, 5, 10, 20, 40], source: SOURCES.privigenEuSmpc, note: "EU: 25–400 mL" } },
    mmnIndication: { value: false, source: SOURCES.privigenDailyMed, note: "US: PI, chronic ITP, CIDP" },
    mmnIndicationEu: { value: true, source: SOURCES.privigenEma, note: "EU: section 4.1 lists MMN" },
    usPackageNdcs: {
      value: [
        { code: "44206-436-05", display: "Privigen 10 %, 5 g in 50 mL" },
        { code: "44206-437-10", display: "Privigen 10 %, 10 g in 100 mL" },
        { code: "44206-438-20", display: "Privigen 10 %, 20 g in 200 mL" },
        { code: "44206-439-40", display: "Privigen 10 %, 40 g in 400 mL" },
      ],
      source: SOURCES.privigenDailyMed,
      note: "the four US presentations, 5, 10, 20 and 40 g",
    },
    rates: {
      indication: "CIDP (US label)",
      initialMlPerKgPerHour: {
        value: perMin(0.005),
        source: SOURCES.privigenDosing,
        note: "0.005 mL/kg/min (0.5 mg/kg/min)",
      },
      stepMinutes: notFound("the label gives no time at the initial rate"),
      intermediateMlPerKgPerHour: notFound("the label gives no step sizes; the plan uses the NL-IVIG002 steps"),
      maxMlPerKgPerHour: {
        value: perMin(0.08),
        source: SOURCES.privigenDosing,
        note: "0.08 mL/kg/min (8 mg/kg/min), PI and CIDP",
      },
      atRiskMaxMlPerKgPerHour: notFound("label: 'minimum dose and infusion rate practicable'; no number"),
    },
  },
  {
    id: "gamunex-c",
    name: "Gamunex-C 10 %",
    route: "ivig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.gamunexNdc),
    vialSizesG: { value: [1, 2.5, 5, 10, 20, 40], source: SOURCES.gamunexFdaLabel, note: "10–400 mL" },
    mmnIndication: { value: false, source: SOURCES.gamunexFdaLabel, note: "US: PI, ITP, CIDP" },
    mmnIndicationEu: {
      value: true,
      source: SOURCES.gamunexSmpc,
      note: "sold as Gamunex 10 % in Europe; SmPC section 4.1 lists MMN (GB " + "text)",
    },
    rates: {
      indication: "CIDP (US label)",
      initialMlPerKgPerHour: { value: perMin(0.02), source: SOURCES.gamunexPi, note: "2 mg/kg/min (0.02 mL/kg/min)" },
      stepMinutes: notFound("the label gives no time at the initial rate"),
      intermediateMlPerKgPerHour: notFound("the label gives no step sizes; the plan uses the NL-IVIG002 steps"),
      maxMlPerKgPerHour: { value: perMin(0.08), source: SOURCES.gamunexPi, note: "8 mg/kg/min (0.08 mL/kg/min)" },
      firstInfusionMaxMlPerKgPerHour: STANDARD_FIRST_INFUSION_MAX,
      atRiskMaxMlPerKgPerHour: notFound("the label gives no rate to run at risk, only 'less than' one (see below)"),
      atRiskBelowMlPerKgPerHour: {
        value: perMin(0.08),
        source: SOURCES.gamunexCRenalRate,
        note: "8 mg/kg/min; patients at risk of renal dysfunction, 2016 label",
      },
    },
  },
  {
    id: "octagam-10",
    name: "Octagam 10 %",
    route: "ivig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.octagamPfizer),
    vialSizesG: { value: [2, 5, 10, 20, 30], source: SOURCES.octagamMaker, note: "20, 50, 100, 200, 300 mL" },
    mmnIndication: { value: false, source: SOURCES.octagamDailymed, note: "US: chronic ITP, dermatomyositis" },
    mmnIndicationEu: { value: true, source: SOURCES.octagamEuSmpc, note: "EU (national SmPC): section 4.1 lists MMN" },
    rates: {
      indication: "chronic ITP (US label)",
      initialMlPerKgPerHour: {
        value: perMin(0.01),
        source: SOURCES.octagamDailymed,
        note: "0.01 mL/kg/min (1 mg/kg/min) for 30 min",
      },
      stepMinutes: { value: 30, source: SOURCES.octagamDailymed, note: "increase every 30 min if tolerated" },
      intermediateMlPerKgPerHour: {
        value: [perMin(0.02), perMin(0.04), perMin(0.08)],
        source: SOURCES.octagamDailymed,
        note: "0.02, 0.04, 0.08 mL/kg/min (2, 4, 8 mg/kg/min)",
      },
      // DailyMed: ≤ 0.12 mL/kg/min (chronic ITP); the maker's "7.2 mL/kg/hour" is the same rate.
      maxMlPerKgPerHour: {
        value: perMin(0.12),
        source: SOURCES.octagamDailymed,
        note: "0.12 mL/kg/min (12 mg/kg/min), chronic ITP; octagam.com: 7.2 mL/kg/h; dermatomyositis 0.04",
      },
      firstInfusionMaxMlPerKgPerHour: STANDARD_FIRST_INFUSION_MAX,
      // The label prints "3.3 mg/kg/min (0.03 mL/kg/min)": 3.3 mg/kg/min is 0.033 mL/kg/min at 10 %,
      // so the two figures disagree. A cap is a ceiling, so the lower one, 0.03 mL/kg/min, is used.
      atRiskMaxMlPerKgPerHour: {
        value: perMin(0.03),
        source: SOURCES.octagamPfizer,
        note: "0.03 mL/kg/min, the lower of the label's two figures (it also prints 3.3 mg/kg/min = 0.033 mL/kg/min)",
      },
    },
  },
  {
    id: "panzyga",
    name: "Panzyga 10 %",
    route: "ivig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.panzygaCitp),
    vialSizesG: { value: [1, 2.5, 5, 10, 20, 30], source: SOURCES.panzygaDailyMed, note: "10–300 mL" },
    mmnIndication: { value: false, source: SOURCES.panzygaDailyMed, note: "US: PI, chronic ITP, CIDP" },
    mmnIndicationEu: { value: true, source: SOURCES.panzygaSmpc, note: "EU: the maker's abbreviated SmPC lists MMN" },
    rates: {
      indication: "CIDP (US label)",
      // The cITP page (panzygaCitp) gives cITP's 8 mg/kg/min, not CIDP's 12: CIDP numbers cite the PI text.
      initialMlPerKgPerHour: {
        value: perMin(0.01),
        source: SOURCES.panzygaDosage,
        note: "1 mg/kg/min for the first 30 min",
      },
      stepMinutes: {
        value: 30,
        source: SOURCES.panzygaDosage,
        note: "first 30 min; then every 15–30 min: the plan uses 30",
      },
      minStepMinutes: {
        value: 15,
        source: SOURCES.panzygaDosage,
        note: "increase every 15–30 min: 15 at the shortest",
      },
      intermediateMlPerKgPerHour: notFound("the CIDP label gives no step sizes; the plan uses the NL-IVIG002 steps"),
      maxMlPerKgPerHour: {
        value: perMin(0.12),
        source: SOURCES.panzygaDosage,
        note: "12 mg/kg/min (0.12 mL/kg/min), CIDP; cITP 8",
      },
      firstInfusionMaxMlPerKgPerHour: STANDARD_FIRST_INFUSION_MAX,
      atRiskMaxMlPerKgPerHour: {
        value: perMin(0.033),
        source: SOURCES.panzygaCitp,
        note: "≤ 3.3 mg/kg/min (0.033 mL/kg/min)",
      },
    },
  },
  {
    id: "kiovig",
    name: "Kiovig 10 % (EU)",
    route: "ivig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.kiovigSmpc),
    vialSizesG: { value: [1, 2.5, 5, 10, 20, 30], source: SOURCES.kiovigSmpc, note: "10–300 mL" },
    mmnIndication: {
      value: true,
      source: SOURCES.gammagardMmn,
      note: "sold as Gammagard Liquid in the US; its US label names MMN",
    },
    mmnIndicationEu: { value: true, source: SOURCES.kiovigEma, note: "EU: section 4.1 lists MMN" },
    soldAs: { us: { name: "Gammagard Liquid", productId: "gammagard-liquid" } },
    rates: {
      indication: "MMN (EU SmPC)",
      initialMlPerKgPerHour: notFound("the stored SmPC excerpts give no infusion rates"),
      stepMinutes: notFound("not in the stored SmPC excerpts"),
      intermediateMlPerKgPerHour: notFound("not in the stored SmPC excerpts"),
      maxMlPerKgPerHour: notFound("the stored SmPC excerpts give no maximum rate"),
      atRiskMaxMlPerKgPerHour: notFound("not in the stored SmPC excerpts"),
    },
  },
  {
    id: "flebogamma-dif-10",
    name: "Flebogamma DIF 10 %",
    route: "ivig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.flebogammaEuLeaflet),
    vialSizesG: { value: [5, 10, 20], source: SOURCES.flebogammaEuLeaflet, note: "50, 100, 200 mL" },
    mmnIndication: { value: false, source: SOURCES.flebogammaDosage, note: "PI and ITP" },
    mmnIndicationEu: notFound(
      "the stored EU leaflet lists five immunomodulation groups without naming them (an older EMA summary names ITP, Guillain-Barré and " +
        "Kawasaki only); check SmPC section 4.1",
    ),
    rates: {
      indication: "PI and ITP (label)",
      initialMlPerKgPerHour: { value: perMin(0.01), source: SOURCES.flebogammaDosage, note: "0.01 mL/kg/min" },
      stepMinutes: notFound("the label gives no time at the initial rate"),
      intermediateMlPerKgPerHour: notFound("the label gives no step sizes; the plan uses the NL-IVIG002 steps"),
      maxMlPerKgPerHour: { value: perMin(0.08), source: SOURCES.flebogammaDosage, note: "0.08 mL/kg/min" },
      atRiskMaxMlPerKgPerHour: notFound("label: 'minimum infusion rate practicable'; no number"),
    },
  },
];

const TWENTY_PERCENT = (source: Source): Sourced<number> => ({ value: 0.2, source, note: "20 %, 200 mg/mL" });
const phase = (ml: Fact<number>, rate: Fact<number>, total: Fact<number>): ScigPhase => ({
  maxMlPerSite: ml,
  maxMlPerHourPerSite: rate,
  maxMlPerHourTotal: total,
});

/** The SCIG catalog (docs/clinical.md §3). Limits are for patients of 40 kg or more. */
export const SCIG_PRODUCTS: readonly ScigProduct[] = [
  {
    id: "hizentra",
    name: "Hizentra 20 %",
    route: "scig",
    concentrationGPerMl: TWENTY_PERCENT(SOURCES.hizentraCidp),
    vialSizesG: {
      value: [1, 2, 4, 10],
      source: SOURCES.hizentraCidp,
      note: "5, 10, 20, 50 mL vials or prefilled syringes",
    },
    mmnIndication: { value: false, source: SOURCES.hizentraCidp, note: "PI and CIDP; MMN use follows CIDP practice" },
    mmnIndicationEu: { value: false, source: SOURCES.hizentraEma, note: "EU: PID, SID and CIDP" },
    labelFactor: { value: 1.37, source: SOURCES.hizentraPiFactor, note: "US PI (older label: 1.53)" },
    firstInfusions: { value: 1, source: SOURCES.hizentraCidp, note: "CIDP: first infusion" },
    first: phase(
      { value: 20, source: SOURCES.hizentraCidp, note: "CIDP" },
      { value: 20, source: SOURCES.hizentraCidp, note: "CIDP" },
      notFound("no all-sites maximum in the CIDP dosing page"),
    ),
    later: phase(
      { value: 50, source: SOURCES.hizentraCidp, note: "CIDP" },
      { value: 50, source: SOURCES.hizentraCidp, note: "CIDP" },
      notFound("no all-sites maximum in the CIDP dosing page"),
    ),
    // Not the CIDP label: the older PI (primary immunodeficiency) patient page; the CIDP page gives no site limit.
    maxSites: {
      value: 4,
      source: SOURCES.hizentraSites,
      note: "PI page, not CIDP: up to 4 simultaneously; the CIDP page states no site " + "limit",
    },
    maxSitesConsecutive: {
      value: 12,
      source: SOURCES.hizentraSites,
      note: "PI page, not CIDP: up to 12 consecutively",
    },
    intervalsWeeks: {
      value: [1, 2],
      source: SOURCES.hizentraEuEvery2Weeks,
      note: "every 2 weeks at twice the weekly dose",
    },
    limitsFromKg: 0,
  },
  {
    id: "cuvitru",
    name: "Cuvitru 20 %",
    route: "scig",
    concentrationGPerMl: TWENTY_PERCENT(SOURCES.cuvitruInitiation),
    vialSizesG: { value: [1, 2, 4, 8], source: SOURCES.cuvitruInitiation, note: "5, 10, 20, 40 mL" },
    mmnIndication: { value: false, source: SOURCES.cuvitruInitiation, note: "PI" },
    mmnIndicationEu: { value: false, source: SOURCES.cuvitruEuSmpc, note: "EU: replacement therapy only" },
    labelFactor: { value: 1.3, source: SOURCES.cuvitruInitiation },
    firstInfusions: { value: 2, source: SOURCES.cuvitruInitiation, note: "first 2 infusions" },
    first: phase(
      { value: 60, source: SOURCES.cuvitruInitiation, note: "≥ 40 kg" },
      { value: 20, source: SOURCES.cuvitruInitiation, note: "10–20 mL/h/site: the upper end" },
      { value: 240, source: SOURCES.cuvitruInitiation },
    ),
    later: phase(
      { value: 60, source: SOURCES.cuvitruInitiation },
      { value: 60, source: SOURCES.cuvitruInitiation },
      { value: 240, source: SOURCES.cuvitruInitiation },
    ),
    maxSites: { value: 4, source: SOURCES.cuvitruInitiation, note: "1–4 simultaneously" },
    intervalsWeeks: { value: [1, 2], source: SOURCES.cuvitruInitiation, note: "biweekly = 2 × weekly" },
    limitsFromKg: 40,
  },
  {
    id: "xembify",
    name: "Xembify 20 %",
    route: "scig",
    concentrationGPerMl: TWENTY_PERCENT(SOURCES.xembifyPi),
    vialSizesG: { value: [1, 2, 4, 10], source: SOURCES.xembifyPi, note: "5, 10, 20, 50 mL" },
    mmnIndication: { value: false, source: SOURCES.xembifyPi, note: "PI" },
    mmnIndicationEu: { value: false, source: SOURCES.xembifyEuSmpc, note: "EU: replacement therapy only" },
    labelFactor: { value: 1.37, source: SOURCES.xembifyFactor, note: "low-authority source" },
    firstInfusions: { value: 0, source: SOURCES.xembifyPi, note: "no separate first-infusion limits" },
    first: phase(
      { value: 25, source: SOURCES.xembifyPi },
      { value: 35, source: SOURCES.xembifyPi, note: "adults" },
      notFound("no all-sites maximum found"),
    ),
    later: phase(
      { value: 25, source: SOURCES.xembifyPi },
      { value: 35, source: SOURCES.xembifyPi, note: "adults" },
      notFound("no all-sites maximum found"),
    ),
    maxSites: { value: 6, source: SOURCES.xembifyPi, note: "up to 6 simultaneously" },
    intervalsWeeks: {
      value: [1, 2],
      source: SOURCES.xembifyPi,
      note: "'from daily up to every two weeks (biweekly)': every 2 weeks at twice the weekly dose",
    },
    limitsFromKg: 0,
  },
  {
    id: "cutaquig",
    name: "Cutaquig 16.5 %",
    route: "scig",
    concentrationGPerMl: { value: 0.165, source: SOURCES.cutaquigUsage, note: "165 mg/mL" },
    vialSizesG: {
      value: [1, 1.65, 2, 3.3, 4, 8],
      source: SOURCES.cutaquigUsage,
      note: "6, 10, 12, 20, 24, 48 mL at 165 mg/mL",
    },
    mmnIndication: { value: false, source: SOURCES.cutaquigUsage, note: "PI" },
    mmnIndicationEu: { value: false, source: SOURCES.cutaquigSmpc, note: "EU: replacement therapy only" },
    labelFactor: { value: 1.3, source: SOURCES.cutaquigFactor },
    // The US label's numbers; the EU SmPC's are in limitsByRegion.eu (docs/clinical.md §3).
    firstInfusions: { value: 2, source: SOURCES.cutaquigUsage, note: "US: first 2 infusions" },
    first: phase(
      { value: 25, source: SOURCES.cutaquigUsage, note: "US, adults ≥ 17 y" },
      { value: 20, source: SOURCES.cutaquigUsage, note: "US, adults ≥ 17 y" },
      notFound("the US page states no all-sites maximum"),
    ),
    later: phase(
      { value: 40, source: SOURCES.cutaquigUsage, note: "US, adults ≥ 17 y" },
      { value: 52, source: SOURCES.cutaquigUsage, note: "US, adults ≥ 17 y" },
      notFound("the US page states no all-sites maximum"),
    ),
    maxSites: { value: 6, source: SOURCES.cutaquigUsage, note: "US: up to 6 simultaneously" },
    limitsByRegion: {
      eu: {
        firstInfusions: { value: 6, source: SOURCES.cutaquigEuDosing, note: "EU: from infusion 7 on, faster" },
        first: phase(
          {
            value: 25,
            source: SOURCES.cutaquigUsage,
            note: "the EU text found gives no per-site volume: the US label's first-infusion 25 mL",
          },
          { value: 15, source: SOURCES.cutaquigEuDosing, note: "EU: initially 15 mL/h/site" },
          { value: 30, source: SOURCES.cutaquigEuDosing, note: "EU: all sites, first 6 infusions" },
        ),
        later: phase(
          {
            value: 40,
            source: SOURCES.cutaquigUsage,
            note: "the EU text found gives no per-site volume: the US label's 40 mL",
          },
          { value: 25, source: SOURCES.cutaquigEuDosing, note: "EU: from infusion 7, up to 25 mL/h/site" },
          { value: 100, source: SOURCES.cutaquigEuDosing, note: "EU: all sites 50 → 80 → up to 100 mL/h" },
        ),
        maxSites: notFound("EU SmPC: 'There is no limit to the number of infusion sites'"),
      },
    },
    intervalsWeeks: {
      value: [1, 2],
      source: SOURCES.cutaquigUsage,
      note: "every other week: 'twice the calculated weekly dose' (the EU SmPC: daily up to every other week)",
    },
    limitsFromKg: 0,
  },
  {
    id: "hyqvia",
    name: "HyQvia 10 % (facilitated SCIG)",
    route: "scig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.hyqviaDosage, "10 % IgG with recombinant human hyaluronidase"),
    vialSizesG: {
      value: [2.5, 5, 10, 20, 30],
      source: SOURCES.hyqviaEuSmpc,
      note: "25–300 mL; EU SmPC list (US kits of 5 and 20 g confirmed by openFDA; the other US sizes were not checked)",
    },
    mmnIndication: { value: false, source: SOURCES.hyqviaCidp, note: "PI and CIDP; MMN trials (Al-Zuhairy 2019)" },
    mmnIndicationEu: {
      value: false,
      source: SOURCES.hyqviaEuIndications,
      note: "EU: PID, SID, CIDP (news report; section 4.1 not seen)",
    },
    labelFactor: {
      value: 1,
      source: SOURCES.hyqviaDosage,
      note: "same dose and interval as IVIG (the trial used 108 %)",
    },
    firstInfusions: { value: 2, source: SOURCES.hyqviaRates, note: "first two infusions" },
    first: phase(
      { value: 600, source: SOURCES.hyqviaCidp, note: "≥ 40 kg; 400 mL/site with 3 sites" },
      {
        value: 240,
        source: SOURCES.hyqviaRates,
        note: "final step of the first-infusion table (column reading uncertain)",
      },
      notFound("no all-sites maximum; the pump's maximum applies"),
    ),
    later: phase(
      { value: 600, source: SOURCES.hyqviaCidp, note: "≥ 40 kg; 400 mL/site with 3 sites" },
      {
        value: 300,
        source: SOURCES.hyqviaRates,
        note: "final step of the subsequent-infusion table (column reading uncertain)",
      },
      notFound("no all-sites maximum; the pump's maximum applies"),
    ),
    maxSites: { value: 3, source: SOURCES.hyqviaCidp, note: "CIDP: 1–3 sites" },
    intervalsWeeks: { value: [2, 3, 4], source: SOURCES.hyqviaCidp },
    limitsFromKg: 40,
    facilitated: {
      hyaluronidaseMlPerG: { value: 0.5, source: SOURCES.hyqviaHyaluronidase, note: "about 15 mL with 30 g" },
      maxMlPerDay: { value: 1200, source: SOURCES.hyqviaCidp, note: "≥ 40 kg" },
      maxMlPerSiteWith3Sites: { value: 400, source: SOURCES.hyqviaCidp },
      siteRateStepsFirst: {
        value: [10, 30, 60, 120, 240],
        source: SOURCES.hyqviaRates,
        note: "≥ 40 kg, first 2 infusions (column " + "reading uncertain)",
      },
      siteRateStepsLater: {
        value: [10, 30, 120, 240, 300],
        source: SOURCES.hyqviaRates,
        note: "≥ 40 kg, later infusions (column reading " + "uncertain)",
      },
      stepMinutes: { value: 10, source: SOURCES.hyqviaRates },
      rampUp: {
        value:
          "infusion k of the ramp-up gives k weeks' dose, k weeks after the previous one, until the full interval's dose",
        source: SOURCES.hyqviaRampUp,
        note: "PI example for 30 g every 4 weeks: 7.5 g week 1, 15 g week 2, 22.5 g week 4, 30 g week 7; the CIDP table was not found",
      },
    },
  },
  {
    id: "gammagard-liquid-sc",
    name: "Gammagard Liquid 10 % (subcutaneous)",
    route: "scig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.gammagardNdc),
    usPackageNdcs: GAMMAGARD_NDCS,
    vialSizesG: { value: [1, 2.5, 5, 10, 20, 30], source: SOURCES.gammagardMmnVials },
    mmnIndication: {
      value: false,
      source: SOURCES.gammagardMmn,
      note: "the MMN label is intravenous only; SC use is for PI",
    },
    mmnIndicationEu: {
      value: false,
      source: SOURCES.kiovigEma,
      note: "in the EU it is Kiovig, given into a vein only",
    },
    labelFactor: { value: 1.37, source: SOURCES.gammagardSc },
    firstInfusions: { value: 1, source: SOURCES.gammagardSc, note: "initial infusion" },
    first: phase(
      { value: 30, source: SOURCES.gammagardSc, note: "≥ 40 kg" },
      { value: 20, source: SOURCES.gammagardSc, note: "≥ 40 kg" },
      { value: 240, source: SOURCES.gammagardSc },
    ),
    later: phase(
      { value: 30, source: SOURCES.gammagardSc, note: "≥ 40 kg" },
      { value: 30, source: SOURCES.gammagardSc, note: "20–30 mL/h/site: the upper end" },
      { value: 240, source: SOURCES.gammagardSc },
    ),
    maxSites: { value: 8, source: SOURCES.gammagardSc, note: "up to 8 simultaneously" },
    intervalsWeeks: { value: [1], source: SOURCES.gammagardSc, note: "weekly" },
    limitsFromKg: 40,
  },
];

export const PRODUCTS: readonly Product[] = [...IVIG_PRODUCTS, ...SCIG_PRODUCTS];

export const DEFAULT_IVIG_PRODUCT_ID = "gammagard-liquid";
export const DEFAULT_SCIG_PRODUCT_ID = "hizentra";

/** Looks an IVIG product up by id; `undefined` when the catalog has none. */
export function findProduct(id: string): IvigProduct | undefined {
  return IVIG_PRODUCTS.find((p) => p.id === id);
}

/** Looks a SCIG product up by id; with a region, with that region's label site limits. */
export function findScigProduct(id: string, region?: Region): ScigProduct | undefined {
  const p = SCIG_PRODUCTS.find((q) => q.id === id);
  const limits = region === undefined ? undefined : p?.limitsByRegion?.[region];
  return p && limits ? { ...p, ...limits } : p;
}

/** Whether the chosen region's label names MMN (`null` where no label text was found). */
export function mmnIndicationFor(p: Product, region: Region): Fact<boolean> {
  return region === "eu" ? p.mmnIndicationEu : p.mmnIndication;
}

/** The vial sizes of the chosen region's label. */
export function vialSizesFor(p: Product, region: Region): Fact<readonly number[]> {
  return p.vialSizesGByRegion?.[region] ?? p.vialSizesG;
}

/** Every source a product's numbers cite, once each; with a region, only that region's label facts. */
export function productSources(p: Product, region?: Region): Source[] {
  const label: Fact<unknown>[] =
    region === undefined
      ? [p.vialSizesG, ...Object.values(p.vialSizesGByRegion ?? {}), p.mmnIndication, p.mmnIndicationEu]
      : [vialSizesFor(p, region), mmnIndicationFor(p, region)];
  const common: Fact<unknown>[] = [p.concentrationGPerMl, ...label];
  const specific: Fact<unknown>[] =
    p.route === "ivig"
      ? [
          p.rates.initialMlPerKgPerHour,
          p.rates.stepMinutes,
          p.rates.intermediateMlPerKgPerHour,
          p.rates.maxMlPerKgPerHour,
          p.rates.atRiskMaxMlPerKgPerHour,
          ...(p.rates.firstInfusionMaxMlPerKgPerHour ? [p.rates.firstInfusionMaxMlPerKgPerHour] : []),
        ]
      : [
          p.labelFactor,
          ...[p, ...(region === undefined ? Object.values(p.limitsByRegion ?? {}) : [])].flatMap((l) => [
            l.firstInfusions,
            ...Object.values(l.first),
            ...Object.values(l.later),
            l.maxSites,
          ]),
          ...(p.maxSitesConsecutive ? [p.maxSitesConsecutive] : []),
          p.intervalsWeeks,
          ...(p.facilitated ? Object.values(p.facilitated) : []),
        ];
  const facts = [...common, ...specific];
  const sources = facts.flatMap((f) => ("source" in f ? [f.source] : []));
  return sources.filter((s, i) => sources.findIndex((t) => t.url === s.url) === i);
}
