import type { IsoDate } from "../core/calendarDate.js";
import { DomainError } from "../core/domainError.js";
import { type OptionKey, option } from "../core/optionKeys.js";
import { DEFAULTS, type ScheduleInput } from "../core/input.js";
import type { DerivedSchedule } from "../core/derivation.js";
import { planDerivedPhases } from "../core/phases.js";
import type { ScheduleResult } from "../core/resultSchema.js";
import { jsonErrorText, readJson } from "./jsonSyntax.js";
import { UsageError } from "./cliError.js";
import { FLAG_KEYS, longFlagOf, optionValueFromJson, PATIENT_DATA_KEYS, routeOnly, VALUE_OPTIONS } from "./options.js";
import { phrased } from "./optionWords.js";
import { closest } from "./suggest.js";
import { type ScheduleRequest, checkScheduleOptions, validateScheduleOptions } from "./validate.js";
import type { Route } from "../data/products.js";

/**
 * A treatment plan (`--plan <file>`, or a batch line's `plan`): `{ "phases": [ {…}, … ] }`, each
 * phase a set of regimen keys (the batch keys without patient data). Read here, checked with the
 * options table's own checks, inheritance applied (a phase takes every regimen key of the one
 * before unless it sets it; the command line's regimen options are the defaults of phase 1), then
 * planned by the core (`planPhases`) in one call.
 */

/** At most this many phases: a year of real changes, far below what would be a mistake. */
const MAX_PHASES = 20;

/**
 * Patient data: from the command line or the batch line, never the plan. `patientRef` (the FHIR
 * subject), and a batch line's `id` and `name`, say who the patient is: a plan is a regimen that
 * could be given to anyone, so a phase must not change whom the output is for.
 */
const PATIENT_DATA: ReadonlySet<string> = new Set([...PATIENT_DATA_KEYS, "id", "name"]);

/** Settings of the run (what is written where, and how): the options a batch line refuses. */
const RUN_SETTINGS: ReadonlySet<string> = new Set(VALUE_OPTIONS.filter((o) => o.batch === "refused").map((o) => o.key));

/** Settings of the whole plan: given once, on the command line (or the batch line). */
const WHOLE_PLAN: ReadonlySet<string> = new Set([
  "policy",
  "region",
  "skipWeekends",
  "avoid",
  "lastIvig",
  ...continuingKeys(),
]);

/** What was given before the plan (--last-course, …): phase 1 starts from it; later phases follow the plan. */
function continuingKeys(): string[] {
  return ["lastCourse", "coursesGiven", "lastProduct", "lastScig"];
}

/** A phase's own length and start: never inherited. */
const OWN_KEYS: readonly string[] = ["courses", "until", "start"];

/** The keys a phase may hold, in options-table order. */
const PHASE_KEYS: readonly string[] = VALUE_OPTIONS.filter(
  (o) => o.batch === undefined && o.key !== "plan" && !PATIENT_DATA.has(o.key) && !WHOLE_PLAN.has(o.key),
).map((o) => o.key);

/** The inherited keys (a phase's regimen), in options-table order. */
const REGIMEN_KEYS = PHASE_KEYS.filter((k) => !OWN_KEYS.includes(k));

/**
 * The text of a plan file as JSON; bad JSON is bad input naming the file.
 *
 * @example
 * parsePlanText('{"phases":[{"dose":1}]}', "--plan p.json") //=> { phases: [{ dose: 1 }] }
 */
export function parsePlanText(text: string, label: string): unknown {
  const json = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const read = readJson(json);
  if ("value" in read) return read.value;
  // As a config file: the line and column (JSON.parse's message differs between Node versions).
  const where = read.error ? jsonErrorText(read.error) : `not valid JSON (${read.parseMessage})`;
  throw new UsageError("INVALID_PLAN", `${label}: ${where}`);
}

/** The phases of a plan, each an object, or bad input naming what is wrong. */
function phasesOf(plan: unknown, label: string): Record<string, unknown>[] {
  const shape = `a treatment plan is an object { "phases": [ {…}, … ] }`;
  if (typeof plan !== "object" || plan === null || Array.isArray(plan)) {
    throw new UsageError("INVALID_PLAN", `${label}: ${shape}`);
  }
  const other = Object.keys(plan).find((k) => k !== "phases");
  if (other !== undefined) throw new UsageError("INVALID_PLAN", `${label}: unknown key '${other}': ${shape}`);
  const phases = (plan as { phases?: unknown }).phases;
  if (!Array.isArray(phases) || phases.length === 0 || phases.length > MAX_PHASES) {
    throw new UsageError("INVALID_PLAN", `${label}: "phases" must be a list of 1 to ${MAX_PHASES} phases: ${shape}`);
  }
  phases.forEach((p, k) => {
    if (typeof p !== "object" || p === null || Array.isArray(p)) {
      throw new UsageError(
        "INVALID_PLAN",
        `${label}: phase ${k + 1} must be an object of regimen keys, e.g. { "dose": 1 }`,
      );
    }
  });
  return phases as Record<string, unknown>[];
}

/** One phase's keys as commander would hand them over, each checked by its option's own check. */
function phaseValues(phase: Record<string, unknown>, where: string): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(phase)) {
    if (PATIENT_DATA.has(key)) {
      throw new UsageError(
        "INVALID_PLAN",
        `${where}: '${key}' is patient data: it comes from the command line or the batch line, never the plan`,
      );
    }
    if (RUN_SETTINGS.has(key)) {
      throw new UsageError(
        "INVALID_PLAN",
        `${where}: '${key}' is a setting of the run, not of a phase: give ${longFlagOf(key)} on the command line`,
      );
    }
    if (WHOLE_PLAN.has(key)) {
      throw new UsageError(
        "INVALID_PLAN",
        `${where}: '${key}' applies to the whole plan: give ${longFlagOf(key)} on the command line (or in the batch line)`,
      );
    }
    if (!PHASE_KEYS.includes(key)) {
      const near = closest(key, PHASE_KEYS);
      throw new UsageError(
        "INVALID_PLAN",
        `${where}: unknown key '${key}'${near === undefined ? "" : ` (did you mean ${near}?)`}; a phase holds ${PHASE_KEYS.join(", ")}`,
      );
    }
    if (FLAG_KEYS.has(key) && typeof value !== "boolean") {
      throw new UsageError("INVALID_PLAN", `${where}: '${key}' must be true or false`);
    }
    raw[key] = optionValueFromJson(key, value);
  }
  const parsed = checkScheduleOptions(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0]);
    // The option the issue is about leads its message: named as the phase's key, as the plan spells it.
    const lead = option(key as OptionKey);
    const text = issue.message.startsWith(lead)
      ? key + phrased(issue.message.slice(lead.length), "keys")
      : phrased(issue.message, "keys");
    throw new UsageError("INVALID_PLAN", `${where}: ${text}`);
  }
  if (raw.courses !== undefined && raw.until !== undefined) {
    throw new UsageError("INVALID_PLAN", `${where}: courses and until cannot be used together: give one of them`);
  }
  return raw;
}

/** The command line's settings that a plan replaces or limits are refused, naming them. */
function refuseBaseConflicts(raw: Record<string, unknown>, first: Record<string, unknown>, label: string): void {
  const length = ["courses", "until"].find((k) => raw[k] !== undefined);
  if (length !== undefined) {
    throw new UsageError(
      "CONFLICTING_OPTIONS",
      `${longFlagOf(length)} cannot be used with ${label}: each phase gives its own courses or until`,
    );
  }
  if (raw.start !== undefined && first.start !== undefined) {
    throw new UsageError(
      "CONFLICTING_OPTIONS",
      `--start and ${label}'s phase 1 start cannot both be given: give one of them`,
    );
  }
}

/** The route of a phase's options, as typed in any case (`SCIG`); its own check refuses anything else. */
function routeOf(options: Record<string, unknown>): Route {
  return typeof options.route === "string" && options.route.toLowerCase() === "scig" ? "scig" : "ivig";
}

/** Each phase's options: the command line's, the regimen inherited phase after phase, its own length and start. */
function mergedPhases(raw: Record<string, unknown>, phases: readonly Record<string, unknown>[], label: string) {
  const base = Object.fromEntries(
    Object.entries(raw).filter(
      ([k]) => k !== "plan" && !PHASE_KEYS.includes(k) && k !== "lastIvig" && !continuingKeys().includes(k),
    ),
  );
  let regimen = Object.fromEntries(REGIMEN_KEYS.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]]));
  let daysFrom = "the command line";
  return phases.map((phase, k) => {
    const where = `${label}: phase ${k + 1}`;
    const own = phaseValues(phase, where);
    const previous = regimen;
    regimen = { ...regimen, ...Object.fromEntries(Object.entries(own).filter(([key]) => REGIMEN_KEYS.includes(key))) };
    if (own.days !== undefined) daysFrom = `phase ${k + 1}`;
    // The contract: days are inherited only while dose and maxDaily are too (a 5-day load does not make
    // maintenance 5 days a course); a phase that changes either gets the fewest days under its cap.
    const changed = own.days === undefined ? changedDoseOrCap(previous, own) : undefined;
    const daysNotInherited =
      changed && previous.days !== undefined ? { from: daysFrom, days: Number(previous.days), changed } : undefined;
    if (changed) delete regimen.days;
    const route = routeOf(regimen);
    const other = route === "scig" ? "ivig" : "scig";
    const foreign = routeOnly(other, true).find((o) => own[o.key] !== undefined);
    if (foreign)
      throw new UsageError(
        "INVALID_PLAN",
        `${where}: '${foreign.key}' applies to route ${other} only (this phase is route ${route})`,
      );
    const length = Object.fromEntries(OWN_KEYS.filter((key) => own[key] !== undefined).map((key) => [key, own[key]]));
    const first =
      k === 0
        ? { start: raw.start, lastIvig: raw.lastIvig, ...Object.fromEntries(continuingKeys().map((c) => [c, raw[c]])) }
        : {};
    const merged: Record<string, unknown> = { ...base, ...regimen, ...first, ...length };
    // Inherited settings of the other route wait for a phase of that route.
    for (const o of routeOnly(other, true)) delete merged[o.key];
    for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
    return { where, merged, own, daysNotInherited };
  });
}

/** "dose 2 → 1 g/kg" when a phase sets a dose or daily maximum other than the one it would inherit. */
function changedDoseOrCap(previous: Record<string, unknown>, own: Record<string, unknown>): string | undefined {
  const keys = [
    ["dose", DEFAULTS.doseGPerKg],
    ["maxDaily", DEFAULTS.maxDailyGPerKg],
  ] as const;
  for (const [key, fallback] of keys) {
    if (own[key] === undefined) continue;
    const before = Number(previous[key] ?? fallback);
    const after = Number(own[key]);
    if (before !== after) return `${key} ${before} → ${after} g/kg${key === "maxDaily" ? "/day" : ""}`;
  }
  return undefined;
}

/**
 * A plan and the command line's options → the request (format, calendar: phase 1's) and each
 * phase's validated core request. Bad input throws a `UsageError` naming `<label>: phase k: key` and
 * the accepted range.
 */
export function planRequests(
  raw: Record<string, unknown>,
  plan: unknown,
  label: string,
  files: { avoidFileText?: string } = {},
): { request: ScheduleRequest; inputs: ScheduleInput[] } {
  const phases = phasesOf(plan, label);
  refuseBaseConflicts(raw, phases[0]!, label);
  const merged = mergedPhases(raw, phases, label);
  if (raw.lastIvig !== undefined && routeOf(merged[0]!.merged) !== "scig") {
    throw new UsageError("CONFLICTING_OPTIONS", `--last-ivig applies when ${label}'s phase 1 is route scig`);
  }
  const requests = merged.map(({ where, merged: options, daysNotInherited }) => {
    try {
      const request = validateScheduleOptions(options, files);
      return daysNotInherited ? { ...request, input: { ...request.input, daysNotInherited } } : request;
    } catch (e) {
      if (e instanceof UsageError && e.code !== "MISSING_WEIGHT")
        throw new UsageError(e.code, `${where}: ${phrased(e.message, "keys")}`);
      throw e;
    }
  });
  return { request: requests[0]!, inputs: requests.map((r) => r.input) };
}

/** Plans the phases; a core error names the plan (the core names the phase). */
export function runPlan(inputs: readonly ScheduleInput[], today: IsoDate, label: string): ScheduleResult {
  return runDerivedPlan(inputs, today, label).result;
}

/** {@link runPlan}, with each phase's record of how its figures were reached (for `--explain`). */
export function runDerivedPlan(inputs: readonly ScheduleInput[], today: IsoDate, label: string): DerivedSchedule {
  try {
    return planDerivedPhases(inputs, today);
  } catch (e) {
    // A plan's phases are its keys: the error names them so ('days'), whatever the command.
    if (e instanceof DomainError)
      throw new DomainError(e.code, e.option, `${label}: ${phrased(e.message, "keys")}`, e.related);
    throw e;
  }
}
