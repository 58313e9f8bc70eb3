import { SOURCES, type Source } from "./sources.js";

/** A number copied from a label or guideline, with where it came from. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: Source;
  /** The label's own wording where it matters (e.g. which indication a rate belongs to). */
  readonly note?: string;
}

export interface IvigProduct {
  readonly id: string;
  readonly name: string;
  readonly route: "ivig";
  /** Grams of IgG per mL (10 % = 0.1). */
  readonly concentrationGPerMl: Sourced<number>;
  /** Vial sizes in grams, as marketed. */
  readonly vialSizesG: Sourced<readonly number[]>;
  /** Whether the product's own label names MMN. */
  readonly mmnIndication: Sourced<boolean>;
}

export type Product = IvigProduct;

/**
 * The product catalog. Adding a product is adding one entry; every number carries its source.
 */
export const PRODUCTS: readonly Product[] = [
  {
    id: "gammagard-liquid",
    name: "Gammagard Liquid 10 %",
    route: "ivig",
    concentrationGPerMl: { value: 0.1, source: SOURCES.gammagardNdc, note: "100 mg/mL" },
    vialSizesG: {
      value: [1, 2.5, 5, 10, 20, 30],
      source: SOURCES.gammagardMmnVials,
      note: "10, 25, 50, 100, 200, 300 mL at 10 %",
    },
    mmnIndication: {
      value: true,
      source: SOURCES.gammagardMmn,
      note: "US label: maintenance therapy in adults with MMN, intravenous use only",
    },
  },
];

export const DEFAULT_IVIG_PRODUCT_ID = "gammagard-liquid";

/** Looks a product up by id; `undefined` when the catalog has none. */
export function findProduct(id: string): Product | undefined {
  return PRODUCTS.find((p) => p.id === id);
}
