import { describe, expect, it } from "vitest";
import { findProduct, type IvigProduct } from "../../src/data/products.js";
import { DomainError } from "../../src/core/domainError.js";
import { chooseVialSizes as chooseVialSizesData } from "../../src/core/vialChoice.js";
import { flagged } from "../helpers/inFlags.js";

const chooseVialSizes = flagged(chooseVialSizesData);

describe("chooseVialSizes by label region", () => {
  const privigen = findProduct("privigen")!;

  it("uses the chosen region's sizes, and checks --vials against them", () => {
    expect(chooseVialSizes(privigen, undefined, "us")).toEqual([5, 10, 20, 40]);
    expect(chooseVialSizes(privigen, undefined, "eu")).toEqual([2.5, 5, 10, 20, 40]);
    expect(chooseVialSizes(privigen, [2.5, 10], "eu")).toEqual([2.5, 10]);
    expect(() => chooseVialSizes(privigen, [2.5, 10], "us")).toThrow(
      "--vials 2.5: Privigen 10 % comes in 5, 10, 20, 40 g vials",
    );
  });

  it("a product without known sizes still needs --vials (no catalog entry is one today)", () => {
    const unknown: IvigProduct = {
      ...privigen,
      vialSizesG: { value: null, notFound: "sizes not found in the stored label" },
      vialSizesGByRegion: undefined,
    };
    expect(() => chooseVialSizes(unknown, undefined, "us")).toThrow(DomainError);
    expect(() => chooseVialSizes(unknown, undefined, "us")).toThrow(
      "--vials is required for Privigen 10 %: sizes not found in the stored label",
    );
    expect(chooseVialSizes(unknown, [10, 5], "us")).toEqual([5, 10]);
  });
});
