import { formatNumber } from "../core/format.js";
import { PRODUCTS, type Product } from "../data/products.js";
import type { Source } from "../data/sources.js";
import { NO_COLOR, type Paint } from "./paint.js";

/** `mmn-dose products --json`: the catalog with the source of every number. */
export function productsJson(products: readonly Product[] = PRODUCTS) {
  return {
    schemaVersion: 1 as const,
    products: products.map((p) => ({
      id: p.id,
      name: p.name,
      route: p.route,
      concentrationGPerMl: p.concentrationGPerMl.value,
      vialSizesG: [...p.vialSizesG.value],
      mmnIndication: p.mmnIndication.value,
      sources: uniqueSources([p.concentrationGPerMl.source, p.vialSizesG.source, p.mmnIndication.source]).map((s) => s.url),
      facts: [
        { field: "concentrationGPerMl", value: p.concentrationGPerMl.value, note: p.concentrationGPerMl.note ?? null, source: p.concentrationGPerMl.source.url },
        { field: "vialSizesG", value: [...p.vialSizesG.value], note: p.vialSizesG.note ?? null, source: p.vialSizesG.source.url },
        { field: "mmnIndication", value: p.mmnIndication.value, note: p.mmnIndication.note ?? null, source: p.mmnIndication.source.url },
      ],
    })),
  };
}

function uniqueSources(sources: readonly Source[]): Source[] {
  return sources.filter((s, i) => sources.findIndex((t) => t.url === s.url) === i);
}

/** `mmn-dose products`: one block per product, each number followed by its source. */
export function renderProductsTable(products: readonly Product[] = PRODUCTS, paint: Paint = NO_COLOR): string {
  const lines: string[] = [];
  for (const p of products) {
    lines.push(paint.bold(`${p.id}  ${p.name}  (${p.route.toUpperCase()})`));
    const fact = (label: string, value: string, source: Source, note?: string) =>
      lines.push(`  ${label.padEnd(15)}${value}${note ? ` (${note})` : ""}`, `  ${"".padEnd(15)}${paint.dim(source.url)}`);
    fact("concentration", `${formatNumber(p.concentrationGPerMl.value * 1000)} mg/mL`, p.concentrationGPerMl.source, p.concentrationGPerMl.note);
    fact("vials", `${p.vialSizesG.value.map(formatNumber).join(", ")} g`, p.vialSizesG.source, p.vialSizesG.note);
    fact("MMN indication", p.mmnIndication.value ? "yes" : "no", p.mmnIndication.source, p.mmnIndication.note);
    lines.push("");
  }
  return `${lines.join("\n")}`;
}
