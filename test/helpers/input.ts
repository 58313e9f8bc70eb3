import type { ScheduleInput } from "../../src/core/input.js";

/** The contract's defaults for a 70 kg patient; tests override what they exercise. */
export function scheduleInput(overrides: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
    weightKg: 70,
    weightAsEntered: String(overrides.weightKg ?? 70),
    doseGPerKg: 2,
    intervalWeeks: 4,
    maxDailyGPerKg: 1,
    courses: 6,
    startDate: "2026-12-01",
    productId: "gammagard-liquid",
    rounding: "vial",
    ...overrides,
  };
}

export const GAMMAGARD_VIALS_MG = [1000, 2500, 5000, 10_000, 20_000, 30_000];
