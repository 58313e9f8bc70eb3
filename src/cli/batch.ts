import type { IsoDate } from "../core/calendarDate.js";
import type { ScheduleResult } from "../core/resultSchema.js";
import { planSchedule } from "../core/schedule.js";
import { CliError, EXIT, UsageError } from "./errors.js";
import type { Io } from "./main.js";
import { otherRouteKeys, resolveSiteSettings, withSettingSources } from "./config.js";
import { FLAG_KEYS, optionValueFromJson, SCHEDULE_OPTIONS } from "./options.js";
import { validateScheduleOptions } from "./validate.js";

/** A line longer than this is refused without parsing (a clinic record is a few hundred bytes). */
export const MAX_LINE_BYTES = 1_000_000;

/** Options that make no sense per patient line: output format, files, color. */
const NOT_PER_LINE = new Set(["format", "json", "output", "avoidFile", "config", "time", "tz", "calendarId", "sequence"]);
const LINE_KEYS = new Set(SCHEDULE_OPTIONS.map((o) => o.key).filter((k) => !NOT_PER_LINE.has(k)));

interface LineError {
  readonly code: string;
  readonly message: string;
}

/**
 * One batch line → one output object. Reuses exactly the one-patient path: the record becomes the
 * option values the CLI would have parsed, then validation and the planner run as for flags.
 */
export function processLine(
  text: string,
  line: number,
  today: IsoDate,
  site: Record<string, unknown> = {},
  siteSources: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  let id: unknown = null;
  try {
    if (Buffer.byteLength(text) > MAX_LINE_BYTES) fail("LINE_TOO_LONG", `line is longer than ${MAX_LINE_BYTES} bytes`);
    if (text.trim() === "") fail("EMPTY_LINE", "empty line: each line must be one JSON object");
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      fail("INVALID_JSON", "not valid JSON");
    }
    if (typeof record !== "object" || record === null || Array.isArray(record)) fail("NOT_AN_OBJECT", "each line must be a JSON object");
    const fields = record as Record<string, unknown>;
    if (fields.id !== undefined && fields.id !== null && typeof fields.id !== "string" && typeof fields.id !== "number") {
      fail("INVALID_ID", "'id' must be a string or a number");
    }
    id = fields.id ?? null;
    const own = toOptionValues(fields);
    // Site settings for the other route do not apply (a site's IVIG vials to an SCIG line).
    const notForThisRoute: readonly string[] = otherRouteKeys(own.route);
    const applies = ([key]: [string, unknown]) => !notForThisRoute.includes(key);
    const raw = { ...Object.fromEntries(Object.entries(site).filter(applies)), ...own };
    try {
      const request = validateScheduleOptions(raw);
      return { line, id, ...planSchedule(request.input, today) };
    } catch (error) {
      // A site setting the line did not override may be the cause: say where it came from.
      throw withSettingSources(error, Object.fromEntries(Object.entries(siteSources).filter((e) => applies(e) && !(e[0] in own))));
    }
  } catch (e) {
    const error: LineError =
      e instanceof LineFailure || e instanceof CliError
        ? { code: e.code, message: e.message }
        : e instanceof Error && e.name === "ScheduleInputError"
          ? { code: (e as Error & { code: string }).code, message: e.message }
          : { code: "INTERNAL", message: `internal error: ${e instanceof Error ? e.message : String(e)}` };
    return { line, id, error };
  }
}

class LineFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function fail(code: string, message: string): never {
  throw new LineFailure(code, message);
}

/** JSON values → the strings and booleans commander would hand over for the same flags. */
function toOptionValues(fields: Record<string, unknown>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === "id") continue;
    if (!LINE_KEYS.has(key)) {
      fail("UNKNOWN_KEY", NOT_PER_LINE.has(key) ? `'${key}' is not accepted per line` : `unknown key '${key}' (keys are the long option names in camelCase)`);
    }
    if (value === null || value === undefined) continue;
    if (FLAG_KEYS.has(key) && typeof value !== "boolean") fail("INVALID_OPTION", `'${key}' must be true or false`);
    raw[key] = optionValueFromJson(key, value);
  }
  return raw;
}

/** A batch line as CSV: one row per infusion, or one row holding the error. */
function csvLines(csv: typeof import("../render/csv.js"), out: Record<string, unknown>): string {
  const id = out.id === null || out.id === undefined ? null : String(out.id);
  const line = out.line as number;
  if ("error" in out) {
    const e = out.error as LineError;
    return csv.csvRecords([[line, id, `${e.code}: ${e.message}`, ...csv.CSV_COLUMNS.map(() => null)]]);
  }
  return csv.csvRecords(csv.csvRows(out as unknown as ScheduleResult).map((row) => [line, id, null, ...row]));
}

/** Runs a batch: streams lines in, one compact JSON line out per line, same order. Returns the exit code. */
export async function runBatch(file: string | undefined, io: Io, configPath?: string, format: "json" | "csv" = "json"): Promise<number> {
  if ((file === undefined || file === "-") && io.stdinIsTTY) {
    throw new UsageError("NO_INPUT", "batch reads JSON Lines from a file or from stdin: mmn-dose batch clinic.jsonl, or … | mmn-dose batch");
  }
  if (!io.readLines) throw new UsageError("NO_INPUT", "batch input is not available here");
  const today = io.today();
  // Site settings (environment, config file) apply to every line; a line's own keys win.
  const { raw: site, sources: siteSources } = await resolveSiteSettings({}, io.env, configPath, { allRoutes: true });
  let line = 0;
  let failed = 0;
  const csv = format === "csv" ? await import("../render/csv.js") : undefined;
  if (csv) io.writeOut(csv.csvRecords([["line", "id", "error", ...csv.CSV_COLUMNS]]));
  const interrupted = () => {
    io.writeErr(`mmn-dose: batch interrupted after ${line} line${line === 1 ? "" : "s"}; every line written is complete\n`);
    return EXIT.interrupted;
  };
  for await (const text of io.readLines(file)) {
    if (io.interrupted?.()) return interrupted();
    line++;
    // A file saved with a UTF-8 byte order mark (Windows editors) starts with U+FEFF: not part of the JSON.
    const out = processLine(line === 1 && text.startsWith("\uFEFF") ? text.slice(1) : text, line, today, site, siteSources);
    if ("error" in out) failed++;
    const ok = io.writeOut(csv ? csvLines(csv, out) : `${JSON.stringify(out)}\n`);
    if ((ok as unknown) === false && io.waitForDrain) await io.waitForDrain();
  }
  // Ctrl-C while waiting for input also ends the input (the producer dies too): still an interruption.
  if (io.interrupted?.()) return interrupted();
  if (failed > 0) io.writeErr(`mmn-dose: batch: ${failed} of ${line} line${line === 1 ? "" : "s"} failed\n`);
  return failed > 0 ? EXIT.batchLineFailed : EXIT.ok;
}
