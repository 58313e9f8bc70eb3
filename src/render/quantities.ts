import { formatNumber } from "../core/format.js";

// Quantities as every renderer writes them (table, CSV, ICS). Numbers carry no trailing zeros
// (ISMP: "1.0" is misread as "10").

interface Vial {
  readonly sizeG: number;
  readonly count: number;
}

/** "2 × 30 g + 1 × 10 g" (CSV uses " x ", plain ASCII for spreadsheets without a BOM). */
export function formatVials(vials: readonly Vial[], times = " × "): string {
  return vials.map((v) => `${v.count}${times}${formatNumber(v.sizeG)} g`).join(" + ");
}

/** 12.5 → "12.5 g" */
export const grams = (g: number): string => `${formatNumber(g)} g`;

/** 139 → "2:19" */
export function hoursMinutes(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(Math.round(minutes % 60)).padStart(2, "0")}`;
}

/** A change in percent as words: 25 → "up 25 %", −10 → "down 10 %", 0 → "unchanged". */
export function changeWords(percent: number): string {
  if (percent === 0) return "unchanged";
  return `${percent > 0 ? "up" : "down"} ${formatNumber(Math.abs(percent))} %`;
}

/** A signed change: 3 → "+3", −2.5 → "-2.5", 0 → "0". */
export const signed = (x: number): string => (x > 0 ? `+${formatNumber(x)}` : formatNumber(x));

/**
 * An SCIG pump step in SCIG units, never IV mg/kg/min: the total and each site's share.
 *
 * @example
 * scigRateText(100, 5) //=> "100 mL/h in all = 5 sites × 20 mL/h per site"
 */
export function scigRateText(mlPerHour: number, sitesAtOnce: number): string {
  const sites = `${sitesAtOnce} site${sitesAtOnce === 1 ? "" : "s"}`;
  return `${formatNumber(mlPerHour, 1)} mL/h in all = ${sites} × ${formatNumber(mlPerHour / sitesAtOnce, 1)} mL/h per site`;
}
