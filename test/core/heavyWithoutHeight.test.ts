import { describe, expect, it } from "vitest";
import { unitWarnings as unitWarningsData } from "../../src/core/dosingWeight.js";
import { planSchedule as planScheduleData } from "../../src/core/schedule.js";
import { runInProcess } from "../helpers/inProcess.js";
import { scheduleInput } from "../helpers/input.js";
import { flagged } from "../helpers/inFlags.js";

const unitWarnings = flagged(unitWarningsData);
const planSchedule = flagged(planScheduleData);

const TODAY = "2026-11-25";
const bare = (weightKg: number, dosingWeightChosen = false) =>
  unitWarnings({ weightKg, weightInPounds: false, heightInCentimetres: true, dosingWeightChosen });

describe("a heavy weight with no height: a prompt for height, sex and a policy, naming the pound slip", () => {
  it("131 kg typed bare: one warning; 131 lb is 131 × 0.45359237 = 59.42 kg; BMI 30 at √(131/30) = 2.0897 m", () => {
    const [w, ...rest] = bare(131);
    expect(rest).toEqual([]);
    expect(w!.code).toBe("HEAVY_WITHOUT_HEIGHT");
    expect(w!.message).toContain("--weight 131lb (59.42 kg)");
    expect(w!.message).toContain("any height up to 208 cm");
    expect(w!.message).toMatch(/--height and --sex/);
    expect(w!.message).toMatch(/--policy/);
    expect(w!.message).toMatch(/Ontario.*BMI 30/);
    expect(w!.message).toMatch(/Australia.*1 July 2026/);
    expect(w!.remedies).toEqual(["--dosing-weight actual"]);
  });

  it("the threshold: 100 kg (BMI > 30 up to 182 cm: √(100/30) = 1.8257 m) warns, 99.9 kg does not", () => {
    expect(bare(100).map((w) => w.code)).toEqual(["HEAVY_WITHOUT_HEIGHT"]);
    expect(bare(100)[0]!.message).toContain("any height up to 182 cm");
    expect(bare(99.9)).toEqual([]);
  });

  it("coherent with the pound check at 150 kg: never both; the pound warning asks for a policy too", () => {
    expect(bare(149.9).map((w) => w.code)).toEqual(["HEAVY_WITHOUT_HEIGHT"]);
    const [w, ...rest] = bare(150);
    expect(rest).toEqual([]);
    expect(w!.code).toBe("WEIGHT_LOOKS_LIKE_POUNDS");
    expect(w!.message).toMatch(/--height and --sex, and a --policy/);
  });

  it("--dosing-weight chosen: no heavy prompt (the user chose the weight); pounds at 150 kg still warned", () => {
    expect(bare(131, true)).toEqual([]);
    expect(bare(150, true).map((w) => w.code)).toEqual(["WEIGHT_LOOKS_LIKE_POUNDS"]);
    expect(bare(150, true)[0]!.message).not.toMatch(/--policy/);
  });

  it("in a schedule: --weight 131 no longer says Warnings: none (262 g a course on actual weight)", () => {
    const r = planSchedule(scheduleInput({ weightKg: 131, weightAsEntered: "131" }), TODAY);
    expect(r.regimen.courseDoseG).toBe(262);
    expect(r.warnings.map((w) => w.code)).toContain("HEAVY_WITHOUT_HEIGHT");
  });

  it("its remedy is accepted as written and clears it, as do the pound unit and a height, sex and policy", async () => {
    const codes = async (extra: string[], weight = "131") => {
      const r = await runInProcess(["--weight", weight, "--json", ...extra]);
      expect(r.status, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { warnings: { code: string }[] }).warnings.map((w) => w.code);
    };
    expect(await codes([])).toContain("HEAVY_WITHOUT_HEIGHT");
    expect(await codes([], "131lb")).not.toContain("HEAVY_WITHOUT_HEIGHT");
    expect(await codes(["--dosing-weight", "actual"])).not.toContain("HEAVY_WITHOUT_HEIGHT");
    expect(await codes(["--height", "175", "--sex", "male", "--policy", "ontario"])).not.toContain(
      "HEAVY_WITHOUT_HEIGHT",
    );
  });
});
