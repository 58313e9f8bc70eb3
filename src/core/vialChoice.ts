import { formatNumber } from "./format.js";
import { DomainError } from "./domainError.js";
import { message } from "./messages.js";
import { settingName, type SettingOrigins } from "./settingOrigin.js";
import type { Message } from "./resultSchema.js";
import { mgToG, type VialCount } from "./vials.js";
import { vialSizesFor, type Product, type Region } from "../data/products.js";
import { option } from "./optionKeys.js";

/** Which vial sizes a plan may use, and the vials of a dose in grams. */

/**
 * `--vials` restricts the sizes of the chosen region's label to what the pharmacy stocks; a
 * product without known sizes needs it.
 *
 * @example
 * chooseVialSizes(gammagard, [20, 10, 10], "us") //=> [10, 20]
 */
export function chooseVialSizes(
  product: Product,
  stocked: readonly number[] | undefined,
  region: Region = "us",
): readonly number[] {
  const sizes = vialSizesFor(product, region);
  const marketed = sizes.value;
  if (stocked === undefined) {
    if (marketed === null) {
      throw new DomainError(
        "VIALS_NEEDED",
        "vials",
        `${option("vials")} is required for ${product.name}: ` +
          `${"notFound" in sizes ? sizes.notFound : "vial sizes unknown"}`,
      );
    }
    return marketed;
  }
  if (marketed !== null) {
    const unknown = stocked.filter((s) => !marketed.includes(s));
    if (unknown.length > 0) {
      throw new DomainError(
        "UNKNOWN_VIAL_SIZE",
        "vials",
        `${option("vials", unknown)}: ${product.name} comes in ${marketed.map((v) => formatNumber(v)).join(", ")} g vials`,
      );
    }
  }
  return [...new Set(stocked)].sort((a, b) => a - b);
}

/**
 * A note when `--vials` restricts the sizes (and when the catalog has none).
 *
 * @example
 * vialNotes(gammagard, undefined, "us") //=> []
 */
export function vialNotes(
  product: Product,
  stocked: readonly number[] | undefined,
  region: Region = "us",
  origins?: SettingOrigins,
): Message[] {
  if (stocked === undefined) return [];
  return [
    message(
      "VIALS_FROM_OPTION",
      `rounding and dispensing use only the stocked vials: ` +
        `${[...new Set(stocked)]
          .sort((a, b) => a - b)
          .map((v) => formatNumber(v))
          .join(", ")} g ` +
        `(${settingName(origins, "vials")})` +
        `${vialSizesFor(product, region).value === null ? "; the catalog has no vial sizes for this product" : ""}`,
    ),
  ];
}

/**
 * Vial counts in grams, as the output lists them.
 *
 * @example
 * vialsInG([{ sizeMg: 2500, count: 2 }]) //=> [{ sizeG: 2.5, count: 2 }]
 */
export function vialsInG(vials: readonly VialCount[]): { sizeG: number; count: number }[] {
  return vials.map((v) => ({ sizeG: mgToG(v.sizeMg), count: v.count }));
}

/**
 * The vials of several days added up, largest size first.
 *
 * @example
 * sumVials([[{ sizeMg: 20_000, count: 1 }, { sizeMg: 10_000, count: 1 }], [{ sizeMg: 20_000, count: 1 }]])
 * //=> [{ sizeMg: 20_000, count: 2 }, { sizeMg: 10_000, count: 1 }]
 */
export function sumVials(days: readonly (readonly VialCount[])[]): VialCount[] {
  const counts = new Map<number, number>();
  for (const day of days) for (const v of day) counts.set(v.sizeMg, (counts.get(v.sizeMg) ?? 0) + v.count);
  return [...counts.entries()].sort((a, b) => b[0] - a[0]).map(([sizeMg, count]) => ({ sizeMg, count }));
}
