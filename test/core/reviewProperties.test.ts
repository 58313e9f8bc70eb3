import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { addCalendarDays } from "../../src/core/calendarDate.js";
import type { History, InfusionEvent } from "../../src/core/reviewHistory.js";
import { doseIntensity } from "../../src/core/reviewIntensity.js";
import { verdict } from "../../src/core/reviewOutcomes.js";

const infusions = fc
  .array(fc.record({ day: fc.integer({ min: 0, max: 700 }), grams: fc.integer({ min: 1, max: 200 }) }), {
    minLength: 1,
    maxLength: 40,
  })
  .map((xs) =>
    xs.map(
      (x, i): InfusionEvent => ({
        row: i + 1,
        date: addCalendarDays("2024-01-01", x.day),
        route: "ivig",
        product: "privigen",
        grams: x.grams,
      }),
    ),
  );

const sorted = (xs: InfusionEvent[]) =>
  [...xs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));

test.prop([infusions])("the 12-week windows cover every infusion once: their grams sum to all grams given", (xs) => {
  const history: History = { infusions: sorted(xs), weights: [{ row: 0, date: "2023-12-31", kg: 70 }], measures: [] };
  const d = doseIntensity(history, {}, "2025-12-31");
  const windowGrams = d.windows.reduce((s, w) => s + w.grams, 0);
  const quarterGrams = d.quarters.reduce((s, q) => s + q.grams, 0);
  const given = xs.reduce((s, x) => s + x.grams, 0);
  expect(windowGrams).toBeCloseTo(given, 6);
  expect(quarterGrams).toBeCloseTo(given, 6);
  expect(d.courses.reduce((s, c) => s + c.grams, 0)).toBeCloseTo(given, 6);
});

test.prop([fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0.5, max: 10, noNaN: true })])(
  "a verdict turns over with the sign of the change, and with the direction of the scale",
  (change, mcid) => {
    const flip = { improved: "worse", worse: "improved", stable: "stable", "no verdict": "no verdict" } as const;
    expect(verdict(-change, mcid, true)).toBe(flip[verdict(change, mcid, true)]);
    expect(verdict(change, mcid, false)).toBe(flip[verdict(change, mcid, true)]);
  },
);
