import { formatNumber } from "../core/format.js";
import {
  mmnIndicationFor,
  PRODUCTS,
  productSources,
  REGIONS,
  vialSizesFor,
  type Fact,
  type Product,
  type ScigLimits,
  type ScigProduct,
} from "../data/products.js";
import { NO_COLOR, type Paint } from "./paint.js";

interface FactRow {
  readonly field: string;
  readonly label: string;
  readonly fact: Fact<unknown>;
  readonly text: (value: never) => string;
}

/** Wide enough for the longest label, "EU first: all sites" and its space. */
const LABEL_WIDTH = 21;
const vials = (v: number[]) => `${v.map((x) => formatNumber(x)).join(", ")} g`;
const yesNo = (v: boolean) => (v ? "yes" : "no");
const mlkgh = (x: number, conc: number) =>
  `${formatNumber(x, 3)} mL/kg/h (${formatNumber((x * conc * 1000) / 60, 2)} mg/kg/min)`;

/** Every number of a product, in the order a pharmacist audits them. */
function factRows(p: Product): FactRow[] {
  const conc = p.concentrationGPerMl.value;
  const rows: FactRow[] = [
    {
      field: "concentrationGPerMl",
      label: "concentration",
      fact: p.concentrationGPerMl,
      text: (v: number) => `${formatNumber(v * 1000)} mg/mL`,
    },
    { field: "vialSizesG", label: "vials", fact: p.vialSizesG, text: vials },
    ...Object.entries(p.vialSizesGByRegion ?? {}).map(([region, fact]) => ({
      field: `vialSizesG.${region}`,
      label: `vials (${region.toUpperCase()})`,
      fact,
      text: vials,
    })),
    { field: "mmnIndication", label: "MMN (US label)", fact: p.mmnIndication, text: yesNo },
    { field: "mmnIndicationEu", label: "MMN (EU label)", fact: p.mmnIndicationEu, text: yesNo },
  ];
  if (p.route === "scig") return [...rows, ...scigRows(p)];
  const r = p.rates;
  rows.push(
    {
      field: "initialMlPerKgPerHour",
      label: "initial rate",
      fact: r.initialMlPerKgPerHour,
      text: (v: number) => mlkgh(v, conc),
    },
    { field: "stepMinutes", label: "step every", fact: r.stepMinutes, text: (v: number) => `${v} min` },
    {
      field: "intermediateMlPerKgPerHour",
      label: "steps",
      fact: r.intermediateMlPerKgPerHour,
      text: (v: number[]) => `${v.map((x) => formatNumber(x, 3)).join(" → ")} mL/kg/h`,
    },
    {
      field: "maxMlPerKgPerHour",
      label: "maximum rate",
      fact: r.maxMlPerKgPerHour,
      text: (v: number) => mlkgh(v, conc),
    },
  );
  if (r.firstInfusionMaxMlPerKgPerHour) {
    rows.push({
      field: "firstInfusionMaxMlPerKgPerHour",
      label: "first-infusion max",
      fact: r.firstInfusionMaxMlPerKgPerHour,
      text: (v: number) => mlkgh(v, conc),
    });
  }
  rows.push({
    field: "atRiskMaxMlPerKgPerHour",
    label: "at-risk maximum",
    fact: r.atRiskMaxMlPerKgPerHour,
    text: (v: number) => mlkgh(v, conc),
  });
  return rows;
}

/** The site limits of a SCIG label: first infusions, per-site volume and rates, sites at once. */
function limitRows(l: ScigLimits, key: string, region: string): FactRow[] {
  const ml = (v: number) => `${formatNumber(v)} mL`;
  const mlh = (v: number) => `${formatNumber(v)} mL/h`;
  const phase = (name: "first" | "later"): FactRow[] => {
    const p = l[name];
    return [
      { field: `${name}.maxMlPerSite${key}`, label: `${region}${name}: per site`, fact: p.maxMlPerSite, text: ml },
      {
        field: `${name}.maxMlPerHourPerSite${key}`,
        label: `${region}${name}: rate/site`,
        fact: p.maxMlPerHourPerSite,
        text: mlh,
      },
      {
        field: `${name}.maxMlPerHourTotal${key}`,
        label: `${region}${name}: all sites`,
        fact: p.maxMlPerHourTotal,
        text: mlh,
      },
    ];
  };
  return [
    { field: `firstInfusions${key}`, label: `${region}first infusions`, fact: l.firstInfusions, text: String },
    ...phase("first"),
    ...phase("later"),
    { field: `maxSites${key}`, label: `${region}sites at once`, fact: l.maxSites, text: String },
  ];
}

function scigRows(p: ScigProduct): FactRow[] {
  const ml = (v: number) => `${formatNumber(v)} mL`;
  const rows: FactRow[] = [
    {
      field: "labelFactor",
      label: "IVIG→SCIG factor",
      fact: p.labelFactor,
      text: (v: number) => `× ${formatNumber(v)}`,
    },
    { field: "intervalsWeeks", label: "every (weeks)", fact: p.intervalsWeeks, text: (v: number[]) => v.join(", ") },
    ...limitRows(p, "", ""),
    // A region whose label sets other site limits (Cutaquig EU): its rows follow, marked with the region.
    ...Object.entries(p.limitsByRegion ?? {}).flatMap(([region, limits]) =>
      limitRows(limits, `.${region}`, `${region.toUpperCase()} `),
    ),
    ...(p.maxSitesConsecutive
      ? [
          {
            field: "maxSitesConsecutive",
            label: "sites in all",
            fact: p.maxSitesConsecutive,
            text: (v: number) => `${v}, in turn`,
          },
        ]
      : []),
  ];
  const f = p.facilitated;
  if (f) {
    rows.push(
      {
        field: "hyaluronidaseMlPerG",
        label: "hyaluronidase",
        fact: f.hyaluronidaseMlPerG,
        text: (v: number) => `${formatNumber(v)} mL per g`,
      },
      { field: "maxMlPerDay", label: "per day", fact: f.maxMlPerDay, text: ml },
      { field: "maxMlPerSiteWith3Sites", label: "per site (3 sites)", fact: f.maxMlPerSiteWith3Sites, text: ml },
      {
        field: "siteRateStepsFirst",
        label: "first: steps/site",
        fact: f.siteRateStepsFirst,
        text: (v: number[]) => `${v.join(" → ")} mL/h`,
      },
      {
        field: "siteRateStepsLater",
        label: "later: steps/site",
        fact: f.siteRateStepsLater,
        text: (v: number[]) => `${v.join(" → ")} mL/h`,
      },
      { field: "stepMinutes", label: "step every", fact: f.stepMinutes, text: (v: number) => `${v} min` },
      { field: "rampUp", label: "ramp-up", fact: f.rampUp, text: (v: string) => v },
    );
  }
  return rows;
}

/**
 * `mmn-dose products --json`: the catalog with the source of every number. `vialSizesG` is always a
 * list (the contract's shape): empty where the sizes were not found, which `facts` then says
 * (`notFound`, with what to do); other facts are `null` where not found.
 */
export function productsJson(products: readonly Product[] = PRODUCTS) {
  return {
    schemaVersion: 1 as const,
    products: products.map((p) => ({
      id: p.id,
      name: p.name,
      route: p.route,
      concentrationGPerMl: p.concentrationGPerMl.value,
      vialSizesG: p.vialSizesG.value === null ? [] : [...p.vialSizesG.value],
      mmnIndication: p.mmnIndication.value,
      // Per label region (--region): the MMN indication (null: not found), vial sizes, and the name sold under there.
      regions: Object.fromEntries(
        REGIONS.map((region) => [
          region,
          {
            mmnIndication: mmnIndicationFor(p, region).value,
            vialSizesG: [...(vialSizesFor(p, region).value ?? [])],
            soldAs: p.soldAs?.[region]?.productId ?? null,
          },
        ]),
      ),
      rateIndication:
        p.route === "ivig" ? p.rates.indication : "SCIG per-site limits (≥ 40 kg where the label distinguishes)",
      sources: productSources(p).map((s) => s.url),
      facts: factRows(p).map(({ field, fact }) =>
        "source" in fact
          ? { field, value: fact.value, note: fact.note ?? null, source: fact.source.url }
          : { field, value: null, notFound: fact.notFound },
      ),
    })),
  };
}

/** `mmn-dose products`: one block per product, each number followed by its source or by "not found". */
export function renderProductsTable(products: readonly Product[] = PRODUCTS, paint: Paint = NO_COLOR): string {
  const lines: string[] = [];
  for (const p of products) {
    const about = p.route === "ivig" ? `rates: ${p.rates.indication}` : "per-site limits";
    lines.push(paint.bold(`${p.id}  ${p.name}  (${p.route.toUpperCase()}; ${about})`));
    for (const row of factRows(p)) {
      const f = row.fact;
      if ("source" in f) {
        lines.push(`  ${row.label.padEnd(LABEL_WIDTH)}${row.text(f.value as never)}${f.note ? ` (${f.note})` : ""}`);
        lines.push(`  ${"".padEnd(LABEL_WIDTH)}${paint.dim(f.source.url)}`);
      } else {
        lines.push(`  ${row.label.padEnd(LABEL_WIDTH)}${paint.warn(`not found: ${f.notFound}`)}`);
      }
    }
    lines.push("");
  }
  return lines.join("\n");
}

const yesNoFound = (v: boolean | null) => (v === null ? "not found" : yesNo(v));

/**
 * `mmn-dose products --brief`: one line per product (id, route, name, whether the US and EU labels
 * name MMN), under a header; at most 80 columns with the catalog as it is (a test checks it).
 */
export function renderProductsBrief(products: readonly Product[] = PRODUCTS, paint: Paint = NO_COLOR): string {
  const idWidth = Math.max(...products.map((p) => p.id.length)) + 2;
  const nameWidth = Math.max(...products.map((p) => p.name.length)) + 2;
  const header = `${"id".padEnd(idWidth)}route  ${"name".padEnd(nameWidth)}MMN (US, EU)`;
  const rows = products.map((p) => {
    const mmn = REGIONS.map((region) => yesNoFound(mmnIndicationFor(p, region).value)).join(", ");
    return `${p.id.padEnd(idWidth)}${p.route.toUpperCase().padEnd(7)}${p.name.padEnd(nameWidth)}${mmn}`;
  });
  return `${[paint.bold(header), ...rows].join("\n")}\n`;
}
