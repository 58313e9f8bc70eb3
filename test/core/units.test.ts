import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/core/domainError.js";
import {
  CM_PER_IN,
  KG_PER_LB,
  parseHeight as parseHeightData,
  parseWeight as parseWeightData,
} from "../../src/core/units.js";
import { flagged } from "../helpers/inFlags.js";

const parseHeight = flagged(parseHeightData);
const parseWeight = flagged(parseWeightData);

describe("parseWeight", () => {
  it.each([
    ["70", 70, "kg", false],
    ["70kg", 70, "kg", true],
    ["70KG", 70, "kg", true],
    ["154lb", 154 * KG_PER_LB, "lb", true],
    ["154lbs", 154 * KG_PER_LB, "lb", true],
    ["66.6", 66.6, "kg", false],
  ])("%s", (text, kg, unit, typed) => {
    expect(parseWeight(text)).toEqual({ value: kg, unit, unitTyped: typed });
  });
  it.each(["", "70 kg", "70st", "-70", "70,5", "1e3", "kg", "NaN", "٧٠"])("rejects %j", (text) => {
    expect(() => parseWeight(text)).toThrow(expect.objectContaining({ code: "WEIGHT_FORMAT", option: "weight" }));
    expect(() => parseWeight(text)).toThrow(DomainError);
  });
});

describe("parseHeight", () => {
  it.each([
    ["175", 175, "cm"],
    ["175cm", 175, "cm"],
    ["69in", 69 * CM_PER_IN, "in"],
    ["5ft9in", 69 * CM_PER_IN, "ftin"],
    ["5ft", 60 * CM_PER_IN, "ftin"],
    ["5ft9.5in", 69.5 * CM_PER_IN, "ftin"],
  ])("%s", (text, cm, unit) => {
    const h = parseHeight(text);
    expect(h.value).toBeCloseTo(cm, 10);
    expect(h.unit).toBe(unit);
  });
  it.each(["5ft9", "5'9\"", "ft9in", "5ft12in", "5 ft 9 in", "175 cm", "-175", "1.75m"])("rejects %j", (text) => {
    expect(() => parseHeight(text)).toThrow(expect.objectContaining({ code: "HEIGHT_FORMAT", option: "height" }));
    expect(() => parseHeight(text)).toThrow(DomainError);
  });
});

describe("unit conversions round-trip", () => {
  test.prop([fc.integer({ min: 1, max: 8000 })])("pounds typed to 0.1 lb come back from kg", (tenthsLb) => {
    const lb = tenthsLb / 10;
    expect(parseWeight(`${lb}lb`).value / KG_PER_LB).toBeCloseTo(lb, 9);
  });
  test.prop([fc.integer({ min: 3, max: 8 }), fc.integer({ min: 0, max: 11 })])(
    "feet and inches equal the same inches",
    (ft, inch) => {
      expect(parseHeight(`${ft}ft${inch}in`).value).toBeCloseTo(parseHeight(`${ft * 12 + inch}in`).value, 10);
    },
  );
});
