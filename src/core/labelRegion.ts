import { message } from "./messages.js";
import type { Message } from "./resultSchema.js";
import { mmnIndicationFor, REGION_LABEL, type Product, type Region } from "../data/products.js";
import { option } from "./optionKeys.js";

/**
 * What the chosen region's label says about MMN: `NOT_LABELLED_FOR_MMN` when it does not name MMN
 * or when no label text was found for that region (docs/contract.md "Label region"), and a note where
 * the product is sold there under another name (Gammagard Liquid is Kiovig in the EU).
 *
 * @example
 * regionLabelMessages(gammagard, "eu", "…").notes[0].code //=> "SOLD_AS"
 */
function regionLabelMessages(
  product: Product,
  region: Region,
  consequence: string,
): { warnings: Message[]; notes: Message[] } {
  const fact = mmnIndicationFor(product, region);
  const label = `the ${REGION_LABEL[region]}`;
  const warnings =
    fact.value === true
      ? []
      : [
          "source" in fact
            ? message(
                "NOT_LABELLED_FOR_MMN",
                `${product.name} is not labelled for MMN under ${label} ` +
                  `(${fact.note ?? "other indications"}); ${consequence}`,
                [fact.source],
              )
            : message(
                "NOT_LABELLED_FOR_MMN",
                `${product.name}: no MMN indication was found under ${label} (${fact.notFound}); ` + `${consequence}`,
              ),
        ];
  const other = product.soldAs?.[region];
  const notes = other
    ? [
        message(
          "SOLD_AS",
          `${product.name} is sold as ${other.name} in the ${region.toUpperCase()}: ${label} of ${other.name} decides the MMN indication ` +
            `and vial sizes here; the rates are this entry's ` +
            `(${product.route === "ivig" ? product.rates.indication : "its SCIG limits"}); ` +
            `${option("product", other.productId)} uses the ` +
            `${other.name} entry of the catalog`,
          "source" in fact ? [fact.source] : [],
        ),
      ]
    : [];
  return { warnings, notes };
}

/**
 * {@link regionLabelMessages} with the consequence for the product's route: an IVIG product's
 * rates are its own label's; no SCIG product is labelled for MMN.
 *
 * @example
 * labelMessages(privigen, "us").warnings[0].code //=> "NOT_LABELLED_FOR_MMN"
 */
export function labelMessages(product: Product, region: Region): { warnings: Message[]; notes: Message[] } {
  const consequence =
    product.route === "ivig"
      ? `its rates are the ${product.rates.indication} ones`
      : region === "us"
        ? "no SCIG product is labelled for MMN in the US"
        : "no SCIG in the catalog was found with an EU MMN indication";
  return regionLabelMessages(product, region, consequence);
}
