import { describe, expect, it } from "vitest";
import { closest, editDistance } from "../../src/cli/suggest.js";

describe("editDistance (Levenshtein with neighbour swaps)", () => {
  it.each([
    ["privigen", "privigen", 0],
    ["privign", "privigen", 1], // one letter left out
    ["tabel", "table", 1], // two neighbours swapped: one edit, not two
    ["kitten", "sitting", 3],
    ["", "abc", 3],
    ["abc", "", 3],
  ])("%s → %s is %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe("closest", () => {
  const ivig = ["gammagard-liquid", "privigen", "gamunex-c", "octagam-10", "panzyga", "kiovig", "flebogamma-dif-10"];
  it.each([
    ["privign", ivig, "privigen"],
    ["PRIVIGN", ivig, "privigen"],
    ["gammagard liquid", ivig, "gammagard-liquid"],
    ["Gammagard_Liquid", ivig, "gammagard-liquid"],
    ["gammagard", ivig, "gammagard-liquid"],
    ["gamunex", ivig, "gamunex-c"],
    ["flebogamma", ivig, "flebogamma-dif-10"],
    ["octagam10", ivig, "octagam-10"],
    ["5 g", ["none", "vial", "5g"], "5g"],
    ["vail", ["none", "vial", "5g"], "vial"],
    ["fem", ["male", "female"], "female"],
  ])("%s → %s", (input, values, expected) => {
    expect(closest(input, values)).toBe(expected);
  });

  it.each([
    ["uk", ["us", "eu"]], // a two-letter value is never guessed
    ["x", ["male", "female"]],
    ["pdf", ["table", "json", "csv", "ics"]],
    ["hizentra", ivig],
    ["", ["none", "vial", "5g"]],
    ["gam", ivig], // the start of two products: no guess
  ])("%s → none", (input, values) => {
    expect(closest(input, values)).toBeUndefined();
  });
});
