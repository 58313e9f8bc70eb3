import { SOURCES, type Source } from "./sources.js";

/** A number copied from a label or guideline, with where it came from. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: Source;
  /** The label's own wording where it matters (e.g. which indication a rate belongs to). */
  readonly note?: string;
}

/** A number the research did not find (CLINICAL.md [NF]); the tool asks the user instead. */
export interface NotFound {
  readonly value: null;
  /** What is missing and what the label says instead. */
  readonly notFound: string;
}

export type Fact<T> = Sourced<T> | NotFound;

export const notFound = (why: string): NotFound => ({ value: null, notFound: why });

/**
 * IVIG infusion rates in mL/kg/h (computed from the label's mL/kg/min, never from its rounded
 * mg/kg/min: CLINICAL.md §9 item 3).
 */
export interface IvigRates {
  /** The label indication these rates belong to (most products have no MMN rates). */
  readonly indication: string;
  readonly initialMlPerKgPerHour: Fact<number>;
  /** Minutes at each rate before the next step. */
  readonly stepMinutes: Fact<number>;
  /** Rates between the initial rate and the maximum, in order, when the label lists them. */
  readonly intermediateMlPerKgPerHour: Fact<readonly number[]>;
  readonly maxMlPerKgPerHour: Fact<number>;
  /** A lower maximum for first infusions, where a source gives one. */
  readonly firstInfusionMaxMlPerKgPerHour?: Sourced<number>;
  /** The label's numeric cap for patients at risk of renal dysfunction or thrombosis. */
  readonly atRiskMaxMlPerKgPerHour: Fact<number>;
}

interface ProductBase {
  readonly id: string;
  readonly name: string;
  /** Grams of IgG per mL (10 % = 0.1). */
  readonly concentrationGPerMl: Sourced<number>;
  /** Vial sizes in grams, as marketed. */
  readonly vialSizesG: Fact<readonly number[]>;
  /** Whether the product's own label names MMN. */
  readonly mmnIndication: Sourced<boolean>;
}

export interface IvigProduct extends ProductBase {
  readonly route: "ivig";
  readonly rates: IvigRates;
}

export type Product = IvigProduct;

const TEN_PERCENT = (source: Source, note = "10 %, 100 mg/mL"): Sourced<number> => ({ value: 0.1, source, note });
/** mL/kg/min → mL/kg/h. */
const perMin = (mlPerKgPerMin: number) => Math.round(mlPerKgPerMin * 60 * 1000) / 1000;

/**
 * The IVIG catalog. Adding a product is adding one entry; every number carries its source, and a
 * number the research did not find is `notFound` (CLINICAL.md §2, §7.2).
 */
export const IVIG_PRODUCTS: readonly IvigProduct[] = [
  {
    id: "gammagard-liquid",
    name: "Gammagard Liquid 10 %",
    route: "ivig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.gammagardNdc),
    vialSizesG: { value: [1, 2.5, 5, 10, 20, 30], source: SOURCES.gammagardMmnVials, note: "10–300 mL" },
    mmnIndication: { value: true, source: SOURCES.gammagardMmn, note: "US: adults with MMN, intravenous only" },
    rates: {
      indication: "MMN (US label)",
      initialMlPerKgPerHour: { value: 0.5, source: SOURCES.gammagardMmn, note: "0.8 mg/kg/min as printed" },
      stepMinutes: { value: 30, source: SOURCES.gammagardPi, note: "PI label: increase every 30 min" },
      intermediateMlPerKgPerHour: notFound("the MMN label says only 'may be increased if tolerated'; no step sizes"),
      maxMlPerKgPerHour: { value: 5.4, source: SOURCES.gammagardMmn, note: "9 mg/kg/min, if tolerated" },
      atRiskMaxMlPerKgPerHour: notFound("label: 'minimum dose and infusion rate practicable'; no number"),
    },
  },
  {
    id: "privigen",
    name: "Privigen 10 %",
    route: "ivig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.privigenDosing),
    vialSizesG: { value: [5, 10, 20, 40], source: SOURCES.privigenVials, note: "EU SmPC also lists 2.5 g" },
    mmnIndication: { value: false, source: SOURCES.privigenDosing, note: "US: PI, chronic ITP, CIDP" },
    rates: {
      indication: "CIDP (US label)",
      initialMlPerKgPerHour: { value: perMin(0.005), source: SOURCES.privigenDosing, note: "0.005 mL/kg/min (0.5 mg/kg/min)" },
      stepMinutes: notFound("the label gives no time at the initial rate"),
      intermediateMlPerKgPerHour: notFound("the label gives no step sizes"),
      maxMlPerKgPerHour: { value: perMin(0.08), source: SOURCES.privigenDosing, note: "0.08 mL/kg/min (8 mg/kg/min), PI and CIDP" },
      atRiskMaxMlPerKgPerHour: notFound("label: 'minimum dose and infusion rate practicable'; no number"),
    },
  },
  {
    id: "gamunex-c",
    name: "Gamunex-C 10 %",
    route: "ivig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.gamunexPi),
    vialSizesG: { value: [1, 2.5, 5, 10, 20, 40], source: SOURCES.gamunexPi, note: "10–400 mL" },
    mmnIndication: { value: false, source: SOURCES.gamunexPi, note: "US: PI, ITP, CIDP" },
    rates: {
      indication: "CIDP (US label)",
      initialMlPerKgPerHour: { value: perMin(0.02), source: SOURCES.gamunexPi, note: "2 mg/kg/min (0.02 mL/kg/min)" },
      stepMinutes: notFound("the label gives no time at the initial rate"),
      intermediateMlPerKgPerHour: notFound("the label gives no step sizes"),
      maxMlPerKgPerHour: { value: perMin(0.08), source: SOURCES.gamunexPi, note: "8 mg/kg/min (0.08 mL/kg/min)" },
      firstInfusionMaxMlPerKgPerHour: {
        value: perMin(0.08),
        source: SOURCES.nlIvig002,
        note: "0.08 mL/kg/min: recommended maximum for a first infusion",
      },
      atRiskMaxMlPerKgPerHour: notFound("the current label gives no number (an older Gamunex label said below 8 mg/kg/min)"),
    },
  },
  {
    id: "octagam-10",
    name: "Octagam 10 %",
    route: "ivig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.octagamPfizer),
    vialSizesG: notFound("vial sizes were not found in the stored label text; give the sizes you stock with --vials"),
    mmnIndication: { value: false, source: SOURCES.octagamPfizer, note: "US: chronic ITP, dermatomyositis" },
    rates: {
      indication: "chronic ITP (US label)",
      initialMlPerKgPerHour: { value: perMin(0.01), source: SOURCES.octagamPfizer, note: "1 mg/kg/min for 30 min" },
      stepMinutes: { value: 30, source: SOURCES.octagamPfizer },
      intermediateMlPerKgPerHour: {
        value: [perMin(0.02), perMin(0.04), perMin(0.08)],
        source: SOURCES.octagamPfizer,
        note: "2, 4, 8 mg/kg/min",
      },
      maxMlPerKgPerHour: { value: perMin(0.12), source: SOURCES.octagamPfizer, note: "12 mg/kg/min (ITP); dermatomyositis 4" },
      firstInfusionMaxMlPerKgPerHour: {
        value: perMin(0.08),
        source: SOURCES.nlIvig002,
        note: "0.08 mL/kg/min: recommended maximum for a first infusion",
      },
      atRiskMaxMlPerKgPerHour: { value: perMin(0.03), source: SOURCES.octagamPfizer, note: "≤ 3.3 mg/kg/min (0.03 mL/kg/min)" },
    },
  },
  {
    id: "panzyga",
    name: "Panzyga 10 %",
    route: "ivig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.panzygaCitp),
    vialSizesG: { value: [1, 2.5, 5, 10, 20, 30], source: SOURCES.panzygaVials, note: "10–300 mL" },
    mmnIndication: { value: false, source: SOURCES.panzygaCitp, note: "US: PI, chronic ITP, CIDP" },
    rates: {
      indication: "CIDP (US label)",
      initialMlPerKgPerHour: { value: perMin(0.01), source: SOURCES.panzygaCitp, note: "1 mg/kg/min for the first 30 min" },
      stepMinutes: { value: 30, source: SOURCES.panzygaCitp, note: "first 30 min; later steps every 15–30 min" },
      intermediateMlPerKgPerHour: notFound("the CIDP label gives no step sizes (the cITP chart uses 0.04 and 0.08 mL/kg/min)"),
      maxMlPerKgPerHour: { value: perMin(0.12), source: SOURCES.panzygaCitp, note: "12 mg/kg/min (CIDP)" },
      atRiskMaxMlPerKgPerHour: { value: perMin(0.033), source: SOURCES.panzygaCitp, note: "≤ 3.3 mg/kg/min (0.033 mL/kg/min)" },
    },
  },
  {
    id: "kiovig",
    name: "Kiovig 10 % (EU)",
    route: "ivig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.kiovigSmpc),
    vialSizesG: { value: [1, 2.5, 5, 10, 20, 30], source: SOURCES.kiovigSmpc, note: "10–300 mL" },
    mmnIndication: { value: true, source: SOURCES.kiovigUsage, note: "EU section 4.1 lists MMN" },
    rates: {
      indication: "MMN (EU SmPC)",
      initialMlPerKgPerHour: notFound("the stored SmPC excerpts give no infusion rates; give --initial-rate"),
      stepMinutes: notFound("not in the stored SmPC excerpts"),
      intermediateMlPerKgPerHour: notFound("not in the stored SmPC excerpts"),
      maxMlPerKgPerHour: notFound("the stored SmPC excerpts give no maximum rate; give --max-rate"),
      atRiskMaxMlPerKgPerHour: notFound("not in the stored SmPC excerpts"),
    },
  },
  {
    id: "flebogamma-dif-10",
    name: "Flebogamma DIF 10 %",
    route: "ivig",
    concentrationGPerMl: TEN_PERCENT(SOURCES.flebogammaDosage),
    vialSizesG: { value: [5, 10, 20], source: SOURCES.flebogammaDosage, note: "50, 100, 200 mL" },
    mmnIndication: { value: false, source: SOURCES.flebogammaDosage, note: "PI and ITP" },
    rates: {
      indication: "PI and ITP (label)",
      initialMlPerKgPerHour: { value: perMin(0.01), source: SOURCES.flebogammaDosage, note: "0.01 mL/kg/min" },
      stepMinutes: notFound("the label gives no time at the initial rate"),
      intermediateMlPerKgPerHour: notFound("the label gives no step sizes"),
      maxMlPerKgPerHour: { value: perMin(0.08), source: SOURCES.flebogammaDosage, note: "0.08 mL/kg/min" },
      atRiskMaxMlPerKgPerHour: notFound("label: 'minimum infusion rate practicable'; no number"),
    },
  },
];

export const PRODUCTS: readonly Product[] = IVIG_PRODUCTS;

export const DEFAULT_IVIG_PRODUCT_ID = "gammagard-liquid";

/** Looks a product up by id; `undefined` when the catalog has none. */
export function findProduct(id: string): Product | undefined {
  return PRODUCTS.find((p) => p.id === id);
}

/** Every source a product's numbers cite, once each. */
export function productSources(p: Product): Source[] {
  const facts: Fact<unknown>[] = [
    p.concentrationGPerMl,
    p.vialSizesG,
    p.mmnIndication,
    p.rates.initialMlPerKgPerHour,
    p.rates.stepMinutes,
    p.rates.intermediateMlPerKgPerHour,
    p.rates.maxMlPerKgPerHour,
    p.rates.atRiskMaxMlPerKgPerHour,
    ...(p.rates.firstInfusionMaxMlPerKgPerHour ? [p.rates.firstInfusionMaxMlPerKgPerHour] : []),
  ];
  const sources = facts.flatMap((f) => ("source" in f ? [f.source] : []));
  return sources.filter((s, i) => sources.findIndex((t) => t.url === s.url) === i);
}
