import { describe, expect, it } from "vitest";
import { validateScheduleOptions as validateScheduleOptionsData } from "../../src/cli/validate.js";
import { flagged } from "../helpers/inFlags.js";

const validateScheduleOptions = flagged(validateScheduleOptionsData);

describe("lists typed with a space after the comma", () => {
  it('--vials "10, 20" reads as 10,20', () => {
    const spaced = validateScheduleOptions({ weight: "70", vials: "10, 20" });
    const plain = validateScheduleOptions({ weight: "70", vials: "10,20" });
    expect(spaced.input).toEqual(plain.input);
  });

  it('--avoid "2026-12-24, 2026-12-25" reads as two dates', () => {
    const spaced = validateScheduleOptions({ weight: "70", avoid: "2026-12-24, 2026-12-25" });
    const plain = validateScheduleOptions({ weight: "70", avoid: "2026-12-24,2026-12-25" });
    expect(spaced.input).toEqual(plain.input);
  });

  it("an empty item is still refused", () => {
    expect(() => validateScheduleOptions({ weight: "70", vials: "10, ,20" })).toThrow(/--vials/);
  });
});
