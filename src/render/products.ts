import { formatNumber } from "../core/format.js";
import { PRODUCTS, productSources, type Fact, type Product } from "../data/products.js";
import { NO_COLOR, type Paint } from "./paint.js";

interface FactRow {
  readonly field: string;
  readonly label: string;
  readonly fact: Fact<unknown>;
  readonly text: (value: never) => string;
}

const mlkgh = (x: number, conc: number) => `${formatNumber(x, 3)} mL/kg/h (${formatNumber((x * conc * 1000) / 60, 2)} mg/kg/min)`;

/** Every number of a product, in the order a pharmacist audits them. */
function factRows(p: Product): FactRow[] {
  const conc = p.concentrationGPerMl.value;
  const r = p.rates;
  const rows: FactRow[] = [
    { field: "concentrationGPerMl", label: "concentration", fact: p.concentrationGPerMl, text: (v: number) => `${formatNumber(v * 1000)} mg/mL` },
    { field: "vialSizesG", label: "vials", fact: p.vialSizesG, text: (v: number[]) => `${v.map((x) => formatNumber(x)).join(", ")} g` },
    { field: "mmnIndication", label: "MMN indication", fact: p.mmnIndication, text: (v: boolean) => (v ? "yes" : "no") },
    { field: "initialMlPerKgPerHour", label: "initial rate", fact: r.initialMlPerKgPerHour, text: (v: number) => mlkgh(v, conc) },
    { field: "stepMinutes", label: "step every", fact: r.stepMinutes, text: (v: number) => `${v} min` },
    {
      field: "intermediateMlPerKgPerHour",
      label: "steps",
      fact: r.intermediateMlPerKgPerHour,
      text: (v: number[]) => v.map((x) => `${formatNumber(x, 3)}`).join(" → ") + " mL/kg/h",
    },
    { field: "maxMlPerKgPerHour", label: "maximum rate", fact: r.maxMlPerKgPerHour, text: (v: number) => mlkgh(v, conc) },
  ];
  if (r.firstInfusionMaxMlPerKgPerHour) {
    rows.push({ field: "firstInfusionMaxMlPerKgPerHour", label: "first-infusion max", fact: r.firstInfusionMaxMlPerKgPerHour, text: (v: number) => mlkgh(v, conc) });
  }
  rows.push({ field: "atRiskMaxMlPerKgPerHour", label: "at-risk maximum", fact: r.atRiskMaxMlPerKgPerHour, text: (v: number) => mlkgh(v, conc) });
  return rows;
}

/** `mmn-dose products --json`: the catalog with the source of every number, `null` where not found. */
export function productsJson(products: readonly Product[] = PRODUCTS) {
  return {
    schemaVersion: 1 as const,
    products: products.map((p) => ({
      id: p.id,
      name: p.name,
      route: p.route,
      concentrationGPerMl: p.concentrationGPerMl.value,
      vialSizesG: p.vialSizesG.value === null ? null : [...p.vialSizesG.value],
      mmnIndication: p.mmnIndication.value,
      rateIndication: p.rates.indication,
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
    lines.push(paint.bold(`${p.id}  ${p.name}  (${p.route.toUpperCase()}; rates: ${p.rates.indication})`));
    for (const row of factRows(p)) {
      const f = row.fact;
      if ("source" in f) {
        lines.push(`  ${row.label.padEnd(19)}${row.text(f.value as never)}${f.note ? ` (${f.note})` : ""}`);
        lines.push(`  ${"".padEnd(19)}${paint.dim(f.source.url)}`);
      } else {
        lines.push(`  ${row.label.padEnd(19)}${paint.warn(`not found: ${f.notFound}`)}`);
      }
    }
    lines.push("");
  }
  return lines.join("\n");
}
