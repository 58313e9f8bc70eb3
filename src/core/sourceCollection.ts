import type { Message, SourceRef } from "./resultSchema.js";
import type { Policy } from "../data/policies.js";
import { productSources, type Product, type Region } from "../data/products.js";
import { SOURCES, type Source } from "../data/sources.js";

/**
 * The sources of a result: the product's (for the region), the policy's, and every source a
 * warning or note cites, each once, in catalog order.
 *
 * @example
 * usedSources(gammagard, undefined, warnings, notes, "us") //=> [{ id: "gammagardPi", … }, …]
 */
export function usedSources(
  product: Product,
  policy: Policy | undefined,
  warnings: Message[],
  notes: Message[],
  region: Region = "us",
): SourceRef[] {
  const all: Source[] = productSources(product, region);
  if (policy) all.push(...policy.sources);
  const urls = new Set([...warnings, ...notes].flatMap((m) => m.sources ?? []));
  for (const s of Object.values(SOURCES)) if (urls.has(s.url)) all.push(s);
  const seen = new Set<string>();
  return all.filter((s) => !seen.has(s.id) && seen.add(s.id)).map(({ id, title, url }) => ({ id, title, url }));
}
