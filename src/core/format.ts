/** Number formatting shared by messages and renderers: fixed decimals, trailing zeros dropped. */

/**
 * Rounds to at most `decimals` places (half away from zero) and drops trailing zeros.
 *
 * @example
 * formatNumber(66.5) //=> "66.5"
 * formatNumber(140) //=> "140"
 * formatNumber(2.1666, 2) //=> "2.17"
 */
export function formatNumber(value: number, decimals = 2): string {
  const rounded = roundTo(value, decimals);
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/** Rounds half away from zero to `decimals` places, without binary artefacts (1.005 → 1.01). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const shifted = Math.abs(value) * factor;
  const r = Math.round(Number(shifted.toPrecision(12)));
  return (Math.sign(value) * r) / factor;
}

/**
 * `roundTo` for a quantity that is never zero (a dose per kg): a value too small for `decimals`
 * keeps two significant digits instead of reading as 0.
 *
 * @example
 * roundPositive(0.5, 3) //=> 0.5
 * roundPositive(0.000143, 3) //=> 0.00014
 */
export function roundPositive(value: number, decimals: number): number {
  const rounded = roundTo(value, decimals);
  return rounded === 0 && value > 0 ? Number(value.toPrecision(2)) : rounded;
}

/** A signed percentage such as "−0.15 %" or "+3.57 %". */
export function formatPercent(value: number): string {
  const text = formatNumber(Math.abs(value));
  if (text === "0") return "0 %";
  return `${value < 0 ? "−" : "+"}${text} %`;
}

/**
 * A count and its noun, the noun in the plural unless the count is 1: the one pluralising rule of
 * every text output ("every 1 week", "2 days").
 *
 * @example
 * plural(1, "week") //=> "1 week"
 * plural(3, "day") //=> "3 days"
 */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${formatNumber(count)} ${count === 1 ? noun : nouns}`;
}

/**
 * Milligrams as grams for messages.
 *
 * @example
 * g(66_500) //=> "66.5 g"
 */
export const g = (mg: number): string => `${formatNumber(mg / 1000)} g`;

/**
 * A dose in g/kg of a weight, to 3 decimals, for messages.
 *
 * @example
 * gPerKg(70_000, 70) //=> "1 g/kg"
 */
export const gPerKg = (mg: number, kg: number): string => `${formatNumber(mg / 1000 / kg, 3)} g/kg`;
