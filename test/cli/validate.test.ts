import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/cliError.js";
import { validateScheduleOptions as validateScheduleOptionsData } from "../../src/cli/validate.js";
import { flagged } from "../helpers/inFlags.js";

const validateScheduleOptions = flagged(validateScheduleOptionsData);

/** The message validateScheduleOptions refuses `raw` with. */
function refusal(raw: Record<string, unknown>): string {
  try {
    validateScheduleOptions(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as UsageError).message;
  }
  throw new Error("accepted");
}

// commander, batch, config and the environment all hand over strings or booleans; a caller that
// does not still gets a message naming the option, never zod/mini's bare "Invalid input".
describe("validateScheduleOptions with values of the wrong type", () => {
  it.each([
    [{ weight: 70 }, "--weight must be given as text; got 70"],
    [{ weight: "70", sex: 5 }, "--sex must be one of male, female (or m, f); got '5'"],
    [
      { weight: "70", start: null },
      "--start must be a real calendar date from 1900-01-01 to 2999-12-31 as YYYY-MM-DD, e.g. 2026-12-01; got 'null'",
    ],
    [{ weight: "70", dose: 2 }, "--dose must be given as text; got 2"],
    [{ weight: "70", output: 1 }, "--output must be given as text; got 1"],
    [{ weight: "70", json: "yes" }, "--json takes no value: it is on when given"],
  ])("%j", (raw, message) => {
    expect(refusal(raw)).toBe(message);
  });
});
