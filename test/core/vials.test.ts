import { describe, expect, it } from "vitest";
import { createVialStock, gToMg, selectVials, vialGridMg } from "../../src/core/vials.js";
import { GAMMAGARD_VIALS_MG } from "../helpers/input.js";

describe("vialGridMg", () => {
  it.each([
    [GAMMAGARD_VIALS_MG, 500],
    [[5000, 10_000, 20_000, 40_000], 5000],
    [[1000, 1650, 2000, 3300, 4000, 8000], 50],
  ])("grid of %j is %i mg", (sizes, grid) => expect(vialGridMg(sizes)).toBe(grid));
});

describe("selectVials: fewest vials for an exact whole-vial dose", () => {
  it.each<[number, [number, number][]]>([
    [
      70,
      [
        [30, 2],
        [10, 1],
      ],
    ],
    [
      28,
      [
        [20, 1],
        [5, 1],
        [1, 3],
      ],
    ],
    [
      72.5,
      [
        [30, 2],
        [10, 1],
        [2.5, 1],
      ],
    ],
    [
      66.5,
      [
        [30, 2],
        [2.5, 1],
        [1, 4],
      ],
    ],
    [
      3.5,
      [
        [2.5, 1],
        [1, 1],
      ],
    ],
  ])("%s g", (doseG, expected) => {
    const d = selectVials(gToMg(doseG), GAMMAGARD_VIALS_MG);
    expect(d.vials.map((v) => [v.sizeMg / 1000, v.count])).toEqual(expected);
    expect(d.wasteMg).toBe(0);
    expect(d.dispensedMg).toBe(gToMg(doseG));
  });

  it("covers a dose that is not whole vials with the least left over, then the fewest vials", () => {
    const d = selectVials(46_670, GAMMAGARD_VIALS_MG);
    expect(d.dispensedMg).toBe(47_000);
    expect(d.wasteMg).toBe(330);
    expect(d.vials.map((v) => [v.sizeMg / 1000, v.count])).toEqual([
      [30, 1],
      [10, 1],
      [5, 1],
      [1, 2],
    ]);
  });

  it("skips amounts the vials cannot make (1.5 g from 1 g and 2.5 g vials)", () => {
    const stock = createVialStock(GAMMAGARD_VIALS_MG);
    expect(stock.canMakeExactly(1500)).toBe(false);
    expect(stock.canMakeExactly(2000)).toBe(true);
    expect(stock.select(1500).dispensedMg).toBe(2000);
  });
});
