import { formatNumber } from "./format.js";
import type { ScheduleInput } from "./input.js";
import { message } from "./messages.js";
import { rateRefusal } from "./ratePlan.js";
import type { Message } from "./resultSchema.js";
import type { IvigProduct } from "../data/products.js";
import { RENAL_RISK_AGE_YEARS } from "../data/guidelines.js";
import { option } from "./optionKeys.js";

/**
 * Whether `--at-risk` added to these rate options is accepted for this product (a product without
 * label rates needs them typed): `rateRefusal`, the check `resolveRates` throws on, decides.
 */
function acceptsAtRisk(product: IvigProduct, rates: ScheduleInput["rates"]): boolean {
  return rateRefusal(product, { ...rates, atRisk: true }) === null;
}

/**
 * A known age over 65: the boxed warning's renal and thrombosis risk, suggesting `--at-risk` only
 * where the tool accepts it alone. Nothing when `--at-risk` is already given (its own warning says it).
 *
 * @example
 * ageRiskWarnings({ ...input, ageYears: 66 }, gammagard) //=> [{ code: "AGE_OVER_65", remedies: […] }]
 */
export function ageRiskWarnings(input: ScheduleInput, product: IvigProduct | undefined): Message[] {
  const age = input.ageYears;
  if (age === undefined || age <= RENAL_RISK_AGE_YEARS.value || input.rates?.atRisk) return [];
  const sources = [RENAL_RISK_AGE_YEARS.source];
  if (!product) {
    return [
      message(
        "AGE_OVER_65",
        `age ${formatNumber(age)}: advanced age is a thrombosis risk factor (immune globulin boxed warning); minimum practicable dose ` +
          `and rate, hydrate (no numeric SCIG cap)`,
        sources,
      ),
    ];
  }
  const accepted = acceptsAtRisk(product, input.rates);
  const atRisk = option("atRisk");
  const how = accepted ? `${atRisk} caps the rate` : `${atRisk} with a conservative ${option("maxRate")} caps the rate`;
  return [
    message(
      "AGE_OVER_65",
      `age ${formatNumber(age)} is over ${RENAL_RISK_AGE_YEARS.value}: a renal and thrombosis risk factor (IGIV boxed warning); minimum ` +
        `practicable dose and rate, hydrate; ${how}`,
      sources,
      accepted ? [option("atRisk", true)] : [],
    ),
  ];
}
