import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/cliError.js";
import {
  refuseUnusedCalendarOptions,
  validateScheduleOptions as validateScheduleOptionsData,
} from "../../src/cli/validate.js";
import { flagged } from "../helpers/inFlags.js";

const validateScheduleOptions = flagged(validateScheduleOptionsData);

describe("validateScheduleOptions reads choice values in any case as their lower-case ids", () => {
  it("every choice option", () => {
    const r = validateScheduleOptions({
      weight: "70",
      sex: "F",
      dosingWeight: "IBW120",
      policy: "UK",
      product: "Gamunex-C",
      region: "EU",
      round: "VIAL",
      format: "ICS",
      time: "7:30",
    });
    expect([
      r.input.sex,
      r.input.dosingWeight,
      r.input.policy,
      r.input.productId,
      r.input.region,
      r.input.rounding,
    ]).toEqual(["female", "ibw120", "uk", "gamunex-c", "eu", "vial"]);
    expect(r.format).toBe("ics");
    expect(r.calendar.time).toBe("07:30");
  });

  it("SCIG", () => {
    const r = validateScheduleOptions({
      weight: "70",
      route: "Scig",
      scigProduct: "GAMMAGARD-LIQUID-SC",
      scigFactor: "Label",
    });
    expect([r.input.route, r.input.scig?.productId, r.input.scig?.factor]).toEqual([
      "scig",
      "gammagard-liquid-sc",
      "label",
    ]);
  });

  it("only ASCII letters change case: the Kelvin sign is not a k", () => {
    expect(() => validateScheduleOptions({ weight: "70", product: "\u212Aiovig" })).toThrow("--product must be one of");
    expect(validateScheduleOptions({ weight: "70", product: "KIOVIG" }).input.productId).toBe("kiovig");
  });

  it("--policy NONE is no policy", () => {
    expect(validateScheduleOptions({ weight: "70", policy: "NONE" }).input.policy).toBeUndefined();
  });

  it("--json with --format JSON is no conflict", () => {
    expect(validateScheduleOptions({ weight: "70", json: true, format: "JSON" }).format).toBe("json");
  });
});

describe("refuseUnusedCalendarOptions", () => {
  const request = (raw: Record<string, unknown>) => validateScheduleOptions({ weight: "70", ...raw });
  it("looks only at what was typed: a site's time outside ics is no error", () => {
    expect(() => refuseUnusedCalendarOptions({}, request({ time: "09:00" }))).not.toThrow();
    expect(() => refuseUnusedCalendarOptions({ time: "9:00" }, request({ time: "9:00", format: "ics" }))).not.toThrow();
    expect(() =>
      refuseUnusedCalendarOptions(
        { tz: "Europe/London" },
        request({ time: "09:00", tz: "Europe/London", format: "ics" }),
      ),
    ).not.toThrow();
  });
  it("refuses a typed --time outside ics, and --tz without a time", () => {
    expect(() => refuseUnusedCalendarOptions({ time: "9:00" }, request({ time: "9:00" }))).toThrow(UsageError);
    expect(() => refuseUnusedCalendarOptions({ sequence: "2" }, request({ sequence: "2", format: "csv" }))).toThrow(
      /--sequence .* --format ics only/,
    );
    expect(() =>
      refuseUnusedCalendarOptions({ tz: "Europe/London" }, request({ tz: "Europe/London", format: "ics" })),
    ).toThrow(/--tz is the zone of --time/);
  });
});
