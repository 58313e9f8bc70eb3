import type { ScheduleInput } from "./input.js";
import type { Regimen } from "./resultSchema.js";
import { gToMg } from "./vials.js";

/**
 * A treatment plan's SCIG phase after an IVIG phase converts the IVIG the patient was given: the
 * previous phase's course total, rounded as it was dispensed (80 g of Privigen at 82 kg × 1 g/kg),
 * not the unrounded weight × dose (82 g). The Hizentra PI converts "the previous IGIV dose (g)", and
 * the MMN studies (Harbo 2009, JPNS 2009: "equivalent dosages") the IVIG the patient had (docs/clinical.md
 * §4.3). Only when the SCIG phase converts that same regimen (it inherits or repeats its dose and
 * interval); a phase that sets another IVIG dose or interval converts what it sets.
 *
 * @example
 * withGivenIvigCourse(scigPhase, privigenPhase, privigenRegimen, 1).scig?.givenIvigCourse
 * //=> { courseMg: 80000, phase: 1, productName: "Privigen 10 %" }
 */
export function withGivenIvigCourse(
  given: ScheduleInput,
  previousInput: ScheduleInput,
  previous: Regimen,
  previousPhase: number,
): ScheduleInput {
  const converts =
    given.route === "scig" &&
    previous.route === "ivig" &&
    given.doseGPerKg === previousInput.doseGPerKg &&
    given.intervalWeeks === previousInput.intervalWeeks;
  if (!converts) return given;
  const givenIvigCourse = {
    courseMg: gToMg(previous.courseDoseG),
    phase: previousPhase,
    productName: previous.productName,
  };
  return { ...given, scig: { ...given.scig, givenIvigCourse } };
}
