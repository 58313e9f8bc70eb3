// The one-patient command's run, apart from how its command line was read (commander, or
// scheduleArgv.ts for the plain runs): settings merged, validated, planned, rendered, written.
import type { ScheduleInput } from "../core/input.js";
import type { ScheduleResult } from "../core/resultSchema.js";
import { renderJson } from "../render/json.js";
import { paintFor, terminalWidth } from "./commandKit.js";
import { withSettingSources } from "./domainErrorMapping.js";
import { UsageError } from "./cliError.js";
import { escapeControl, escapeStrings } from "./escape.js";
import type { Io } from "./io.js";
import { longFlagOf, SCHEDULE_OPTIONS } from "./options.js";
import type { ScheduleRequest } from "./validate.js";

function unexpectedArgument(arg: string, commands: readonly string[]): UsageError {
  const list = `${commands.slice(0, -1).join(", ")} and ${commands.at(-1)}`;
  const hint = /^(kg|lbs?|cm|in)$/i.test(arg)
    ? ` (write the unit without a space, e.g. --weight 70${arg.toLowerCase()})`
    : ` (the commands are ${list}; everything else is an --option)`;
  return new UsageError("UNEXPECTED_ARGUMENT", `unexpected argument '${arg}'${hint}`);
}

/** One patient: settings merged, validated, planned, rendered, written. */
export async function runSchedule(
  unexpected: string[],
  raw: Record<string, unknown>,
  io: Io,
  commands: readonly string[],
): Promise<void> {
  const swallowed = SCHEDULE_OPTIONS.find(
    (o) => typeof raw[o.key] === "string" && /^--[a-z]/.test(raw[o.key] as string),
  );
  if (swallowed) {
    throw new UsageError(
      "MISSING_VALUE",
      `${longFlagOf(swallowed.key)} needs a value: it took '${String(raw[swallowed.key])}', which ` + `is an option`,
    );
  }
  if (unexpected.length > 0) throw unexpectedArgument(unexpected[0]!, commands);
  const { outputPath, refuseOutputOverInputs } = await import("./output.js");
  const output = outputPath(raw.output);
  if (output !== undefined) await refuseOutputOverInputs(output, await runInputs(raw, io));
  const { request, result } = await plan(raw, io);
  const text = await render(request, result, raw, output, io);
  if (output !== undefined) {
    const { writeFileAtomic } = await import("./output.js");
    await writeFileAtomic(output, text);
  } else {
    io.writeOut(text);
  }
  // stdout already carries the warnings in every format; with -o the terminal gets them too.
  if (output !== undefined && result.warnings.length > 0) {
    for (const w of result.warnings) io.writeErr(`mmn-dose: warning ${w.code}: ${escapeControl(w.message)}\n`);
  }
}

/** The files this run reads (--plan, --avoid-file, the config file), which -o must not replace. */
async function runInputs(raw: Record<string, unknown>, io: Io): Promise<{ label: string; path: string }[]> {
  const { configInputs } = await import("./config.js");
  const files = (["plan", "avoidFile"] as const).flatMap((key) => {
    const path = raw[key];
    return typeof path === "string" ? [{ label: `${longFlagOf(key)} ${path}`, path }] : [];
  });
  return [...files, ...configInputs(raw.config, io.env)];
}

/** --plan and --avoid-file: small files, read whole up to 1 MB (smallFile.ts). */
async function readInputFile(option: "--plan" | "--avoid-file", path: string): Promise<string> {
  const { readSmallFile } = await import("./smallFile.js");
  const kind =
    option === "--plan"
      ? { what: "a plan file", holds: "a treatment plan holds a few phases" }
      : { what: "a file of dates", holds: "an avoid file holds one date a line" };
  const text = await readSmallFile(path, `${option} ${path}`, { code: "UNREADABLE_FILE", missing: "error", ...kind });
  return text ?? "";
}

/** Site settings merged under the flags, validated, planned; an error names a setting's source. */
async function plan(
  raw: Record<string, unknown>,
  io: Io,
): Promise<{ request: ScheduleRequest; result: ScheduleResult }> {
  const { refuseUnusedCalendarOptions, refuseUnusedPatientRef, validateScheduleOptions } = await import(
    "./validate.js"
  );
  const { planDerivedSchedule } = await import("../core/schedule.js");
  const { resolveSiteSettings } = await import("./config.js");
  // A plan's phases may change route: every route's site settings apply (planFile.ts drops the other route's per phase).
  const allRoutes = typeof raw.plan === "string";
  const site = await resolveSiteSettings(raw, io.env, typeof raw.config === "string" ? raw.config : undefined, {
    allRoutes,
  });
  const avoidFileText =
    typeof raw.avoidFile === "string" ? await readInputFile("--avoid-file", raw.avoidFile) : undefined;
  try {
    const isPlan = typeof raw.plan === "string";
    const { request, inputs } = isPlan
      ? await readPlan(String(raw.plan), site.raw, avoidFileText)
      : singleRegimen(validateScheduleOptions(site.raw, { avoidFileText }));
    refuseUnusedCalendarOptions(raw, request);
    refuseUnusedPatientRef(raw.patientRef, request.format === "fhir" || request.format === "ics");
    const { settingsUsed } = await import("./settingsUsed.js");
    const { origins, settings } = settingsUsed(site.sources, request.format);
    const withOrigins = inputs.map((input) => ({ ...input, settingOrigins: origins }));
    // The planners' record of how each figure was reached: what --explain renders.
    const derived = isPlan
      ? (await import("./planFile.js")).runDerivedPlan(withOrigins, io.today(), `--plan ${raw.plan}`)
      : planDerivedSchedule(withOrigins[0]!, io.today());
    const whole = settings ? { ...derived.result, settings } : derived.result;
    // --on / --course: the schedule is planned whole, then only that part is shown.
    const result = request.window ? (await import("../core/window.js")).scheduleWindow(whole, request.window) : whole;
    const { phrasedAll } = await import("./optionWords.js");
    // The one-patient command names options as its flags (`--days 3`), remedies included.
    if (!request.explain) return { request, result: phrasedAll(result, "flags") };
    const { explainSchedule } = await import("../core/explain.js");
    const explain = explainSchedule({ result: whole, derivations: derived.derivations });
    return { request, result: phrasedAll({ ...result, explain }, "flags") };
  } catch (error) {
    throw withSettingSources(error, site.sources);
  }
}

function singleRegimen(request: ScheduleRequest): { request: ScheduleRequest; inputs: ScheduleInput[] } {
  return { request, inputs: [request.input] };
}

/** `--plan <file>`: read, parsed and validated; each phase's input with the flags as phase 1's defaults. */
async function readPlan(
  path: string,
  raw: Record<string, unknown>,
  avoidFileText: string | undefined,
): Promise<{ request: ScheduleRequest; inputs: ScheduleInput[] }> {
  const { parsePlanText, planRequests } = await import("./planFile.js");
  const label = `--plan ${path}`;
  const text = await readInputFile("--plan", path);
  return planRequests(raw, parsePlanText(text, label), label, { avoidFileText });
}

/** The result in the asked format; text formats from a copy with every echoed string's control characters escaped. */
async function render(
  request: ScheduleRequest,
  planned: ScheduleResult,
  raw: Record<string, unknown>,
  output: string | undefined,
  io: Io,
): Promise<string> {
  if (request.format === "json") return renderJson(planned);
  if (request.format === "fhir") return renderEhr(request, planned, raw, io);
  const result = escapeStrings(planned);
  if (request.format === "csv") {
    const { renderCsv } = await import("../render/csv.js");
    return renderCsv(result);
  }
  if (request.format === "ics") return renderCalendar(request, result, io);
  if (request.format === "html") return renderSheet(request, result, io);
  const { renderTable } = await import("../render/table.js");
  // A file gets no color unless --color forces it, and is never wrapped; a terminal's table fits its width.
  return renderTable(
    result,
    await paintFor(output === undefined ? (raw.color as boolean | undefined) : raw.color === true, io),
    { width: output === undefined ? terminalWidth(io) : undefined },
  );
}

async function renderCalendar(request: ScheduleRequest, result: ScheduleResult, io: Io): Promise<string> {
  const { renderIcs } = await import("../render/ics.js");
  const { nonexistentTimes } = await import("../render/wallTime.js");
  const c = request.calendar;
  const tz = c.time !== undefined ? calendarZone(c.tz, io) : c.tz;
  const patientRef = request.fhir.patientRef;
  const text = renderIcs(result, { ...c, tz, patientRef });
  if (c.calendarId === undefined && patientRef === undefined) {
    io.writeErr(
      "mmn-dose: note: these event UIDs derive from the schedule's inputs, so a reissue after a change of weight, dose, " +
        "product or start adds events instead of replacing them: give --patient-ref or --calendar-id to keep them\n",
    );
  }
  // RFC 5545 moves a time in a spring-forward gap forward; say so (the events say it too).
  if (c.time !== undefined)
    for (const gap of nonexistentTimes(result, c.time, tz!)) io.writeErr(`mmn-dose: note: ${gap.text}\n`);
  return text;
}

/**
 * `--format fhir`: a `--time` typed on the command line (in the calendar zone) gives each dosage its
 * start; a site's chair time does not, since a MedicationRequest is an order, not a calendar.
 */
async function renderEhr(
  request: ScheduleRequest,
  result: ScheduleResult,
  raw: Record<string, unknown>,
  io: Io,
): Promise<string> {
  const { renderFhir } = await import("../render/fhir.js");
  const time = raw.time === undefined ? undefined : request.calendar.time;
  if (time === undefined) return renderFhir(result, request.fhir);
  const tz = calendarZone(request.calendar.tz, io);
  const { nonexistentTimes } = await import("../render/wallTime.js");
  for (const gap of nonexistentTimes(result, time, tz)) io.writeErr(`mmn-dose: note: ${gap.text}\n`);
  return renderFhir(result, { ...request.fhir, clock: { time, tz } });
}

/** `--format html`: the printable sheet; `--time` (in the calendar zone) gives its clock times. */
async function renderSheet(request: ScheduleRequest, result: ScheduleResult, io: Io): Promise<string> {
  const { renderHtml } = await import("../render/html.js");
  const { time, tz } = request.calendar;
  if (time === undefined) return renderHtml(result);
  const zone = calendarZone(tz, io);
  const { nonexistentTimes } = await import("../render/wallTime.js");
  for (const gap of nonexistentTimes(result, time, zone)) io.writeErr(`mmn-dose: note: ${gap.text}\n`);
  return renderHtml(result, { time, tz: zone });
}

function isZone(zone: string | undefined): zone is string {
  if (!zone || zone === "Etc/Unknown") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone of `--time`: `--tz` (or its site setting), else the system zone. An empty or unknown
 * system zone (TZ='' or TZ=Not/AZone, which Node would silently read as UTC) is refused, naming --tz.
 */
function calendarZone(tz: string | undefined, io: Io): string {
  if (tz !== undefined) return tz;
  const fromEnv = io.env.TZ;
  // glibc reads TZ=":Europe/London" as Europe/London.
  const zone = fromEnv !== undefined ? fromEnv.replace(/^:/, "") : io.systemTimeZone?.();
  if (isZone(zone)) return zone;
  const what =
    fromEnv !== undefined
      ? `the system zone TZ=${JSON.stringify(fromEnv)} is empty or not an IANA ` + `zone`
      : "the system zone is unknown";
  throw new UsageError("NO_TIME_ZONE", `--time needs a time zone and ${what}: give --tz, e.g. --tz Europe/London`);
}
