import type { IsoDate } from "../core/calendarDate.js";
import { plural } from "../core/format.js";
import type { ForecastPeriod } from "../core/forecast.js";
import type { ScheduleResult } from "../core/resultSchema.js";
import { planSchedule } from "../core/schedule.js";
import { FAILED_LINES_NAMED, type FailedLine, listFailedLines } from "../render/failedLines.js";
import { CliError, EXIT, UsageError } from "./cliError.js";
import { terminalWidth } from "./commandKit.js";
import type { Io } from "./io.js";
import type { BatchFormat } from "./outputFormats.js";
import { configInputs, otherRouteKeys, resolveSiteSettings } from "./config.js";
import { domainError, withSettingSources } from "./domainErrorMapping.js";
import { phrasedAll, phrased } from "./optionWords.js";
import { csvDelimiter, csvRecord, parseCsvRow } from "./csvInput.js";
import { escapeControl, shownMessage } from "./escape.js";
import { readJson } from "./jsonSyntax.js";
import { type InputLine, splitLines } from "./lines.js";
import { FLAG_KEYS, optionValueFromJson, SCHEDULE_OPTIONS } from "./options.js";
import type { LineShape } from "./batchFields.js";
import { planRequests, runPlan } from "./planFile.js";
import { progressLine } from "./progress.js";
import { settingsUsed } from "./settingsUsed.js";
import { closest } from "./suggest.js";
import { refuseUnusedPatientRef, validateScheduleOptions } from "./validate.js";

/** A line longer than this is refused without parsing (a clinic record is a few hundred bytes). */
const MAX_LINE_BYTES = 1_000_000;

/** Options that make no sense per patient line (output format, files, calendar) are refused by name. */
const NOT_PER_LINE = new Set<string>(SCHEDULE_OPTIONS.filter((o) => o.batch === "refused").map((o) => o.key));
const LINE_KEYS = new Set<string>(SCHEDULE_OPTIONS.filter((o) => o.batch === undefined).map((o) => o.key));

interface LineError {
  readonly code: string;
  readonly message: string;
}

/** A line over the limit, known only by its length: it was not read. */
function tooLong(line: number, bytes: number): Record<string, unknown> {
  return {
    line,
    id: null,
    error: {
      code: "LINE_TOO_LONG",
      message: `line is ${bytes} bytes, longer than the limit of ` + `${MAX_LINE_BYTES} bytes; it was not read`,
    },
  };
}

/** One record (a parsed JSON line or a CSV row) → one output object. */
function processRecord(
  record: unknown,
  line: number,
  today: IsoDate,
  site: Record<string, unknown> = {},
  siteSources: Readonly<Record<string, string>> = {},
  fhir?: typeof import("../render/fhir.js"),
): Record<string, unknown> {
  let id: unknown = null;
  try {
    if (typeof record !== "object" || record === null || Array.isArray(record))
      fail("NOT_AN_OBJECT", "each line must be a JSON object");
    const fields = record as Record<string, unknown>;
    if (
      fields.id !== undefined &&
      fields.id !== null &&
      typeof fields.id !== "string" &&
      typeof fields.id !== "number"
    ) {
      fail("INVALID_ID", "'id' must be a string or a number");
    }
    // JSON numbers past 2^53 lose digits (9007199254740993 reads as …992, another patient's number)
    // and 1e400 is Infinity: such an id is refused, never echoed changed.
    if (typeof fields.id === "number" && !Number.isSafeInteger(fields.id)) {
      fail(
        "INVALID_ID",
        `a number 'id' must be a whole number from -${Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER} ` +
          `(beyond, JSON numbers lose digits); write the id as a string, e.g. "id": "9007199254740993"`,
      );
    }
    id = fields.id ?? null;
    // A treatment plan (`"plan": {"phases": […]}`) is read by planFile.ts, not as an option value.
    const { plan, ...options } = fields;
    const own = toOptionValues(options);
    // Site settings for the other route do not apply (a site's IVIG vials to an SCIG line); a plan's
    // phases may change route, and planFile.ts drops the other route's settings per phase.
    const hasPlan = plan !== undefined && plan !== null;
    const notForThisRoute: readonly string[] = hasPlan ? [] : otherRouteKeys(own.route);
    const applies = ([key]: [string, unknown]) => !notForThisRoute.includes(key);
    const raw = { ...Object.fromEntries(Object.entries(site).filter(applies)), ...own };
    // The site settings this line uses: named in its notes and `settings`, as in a one-patient run.
    const used = Object.fromEntries(Object.entries(siteSources).filter((e) => applies(e) && !(e[0] in own)));
    try {
      const planned = hasPlan ? planRequests(raw, plan, "plan") : undefined;
      const request = planned?.request ?? validateScheduleOptions(raw);
      refuseUnusedPatientRef(own.patientRef, fhir !== undefined, true);
      const { origins, settings } = settingsUsed(used, "json");
      const inputs = (planned?.inputs ?? [request.input]).map((input) => ({ ...input, settingOrigins: origins }));
      const schedule = planned ? runPlan(inputs, today, "plan") : planSchedule(inputs[0]!, today);
      // A line is answered in its own keys ('maxDaily'), its remedies as keys to set ({"days":3}).
      const result = phrasedAll(settings ? { ...schedule, settings } : schedule, "keys");
      // --format fhir: the line's output is its Bundle; the line's id labels a subject without patientRef.
      if (fhir) return { line, id, bundle: fhir.fhirBundle(result, { ...request.fhir, ...fhirLabel(id) }) };
      return { line, id, ...result };
    } catch (error) {
      // A site setting the line did not override may be the cause: say where it came from.
      throw withSettingSources(error, used);
    }
  } catch (e) {
    return { line, id, error: lineError(e) };
  }
}

function fhirLabel(id: unknown): { subjectLabel?: string } {
  return id === null ? {} : { subjectLabel: `batch id ${String(id)}` };
}

/**
 * An error → the line's `error`, its text escaped and bounded (it may echo the input), naming the
 * line's keys (`'maxDaily'`) where the one-patient command names flags (`--max-daily`).
 */
function lineError(e: unknown): LineError {
  // A LineFailure is said in the line's keys already, and may echo a key such as '--dose' as sent.
  if (e instanceof LineFailure) return { code: e.code, message: shownMessage(e.message) };
  const known = e instanceof CliError ? e : domainError(e);
  const error: LineError = known
    ? { code: known.code, message: phrased(known.message, "keys") }
    : { code: "INTERNAL", message: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  return { code: error.code, message: shownMessage(error.message) };
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

/** The line key closest to a mistyped one (`wieght` → weight, `skipweekends` → skipWeekends), if any is close. */
function closestKey(key: string): string | undefined {
  const keys = ["id", ...LINE_KEYS];
  const near = closest(
    key,
    keys.map((k) => k.toLowerCase()),
  );
  return near === undefined ? undefined : keys.find((k) => k.toLowerCase() === near);
}

/** JSON values → the strings and booleans commander would hand over for the same flags. */
function toOptionValues(fields: Record<string, unknown>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === "id") continue;
    if (!LINE_KEYS.has(key)) {
      const near = closestKey(key);
      fail(
        "UNKNOWN_KEY",
        NOT_PER_LINE.has(key)
          ? `'${key}' is not accepted per line`
          : near === undefined
            ? `unknown key '${key}' (keys are the long option names in camelCase)`
            : `unknown key '${key}': did you mean '${near}'? (keys are the long option names in camelCase)`,
      );
    }
    if (value === null || value === undefined) continue;
    if (FLAG_KEYS.has(key) && typeof value !== "boolean") fail("INVALID_OPTION", `'${key}' must be true or false`);
    raw[key] = optionValueFromJson(key, value);
  }
  return raw;
}

/** A batch line as CSV: one row per infusion, or one row holding the error. */
function csvLines(
  csv: Pick<typeof import("../render/csv.js"), "csvRecords" | "csvRows" | "CSV_COLUMNS">,
  out: Record<string, unknown>,
): string {
  const id = out.id === null || out.id === undefined ? null : escapeControl(String(out.id));
  const line = out.line as number;
  if ("error" in out) {
    const e = out.error as LineError;
    return csv.csvRecords([[line, id, `${e.code}: ${e.message}`, ...csv.CSV_COLUMNS.map(() => null)]]);
  }
  return csv.csvRecords(csv.csvRows(out as unknown as ScheduleResult).map((row) => [line, id, null, ...row]));
}

/**
 * Turns input lines into records: JSON Lines, or CSV (a header row of the same keys) when the file
 * ends in .csv. Blank lines are skipped (counted by the caller); the header is line 1.
 */
function recordReader(file: string | undefined) {
  const csv = file !== undefined && /\.csv$/i.test(file);
  let header: string[] | undefined;
  let delimiter = ",";
  return (text: string, line: number): { record?: unknown; error?: LineError; id?: string; header?: true } => {
    if (!csv) {
      const read = readJson(text);
      if ("value" in read) return { record: read.value };
      // A key twice or too deep nesting: said with its column; a grammar error stays "not valid JSON".
      const at = read.error;
      if (at?.kind === undefined) return { error: { code: "INVALID_JSON", message: "not valid JSON" } };
      const code = at.kind === "duplicateKey" ? "DUPLICATE_KEY" : "INVALID_JSON";
      return { error: { code, message: `column ${at.column}: ${at.message}` } };
    }
    if (header === undefined) {
      delimiter = csvDelimiter(text);
      const row = parseCsvRow(text, delimiter);
      if ("error" in row)
        throw new UsageError("CSV_HEADER", `batch ${file}: the header row (line ${line}): ${row.error}`);
      if (row.cells.includes("plan")) {
        throw new UsageError(
          "CSV_HEADER",
          `batch ${file}: column 'plan': a CSV line cannot carry a treatment plan; give plans in JSON Lines ` +
            `({"weight": 70, "plan": {"phases": […]}})`,
        );
      }
      const bad = row.cells.find((key) => key !== "id" && !LINE_KEYS.has(key));
      const twice = row.cells.find((key, k) => row.cells.indexOf(key) !== k);
      if (bad !== undefined) {
        const near = closestKey(bad);
        throw new UsageError(
          "CSV_HEADER",
          `batch ${file}: column '${bad}' in the header row is not a key${near ? ` (did you mean '${near}'?)` : ""} ` +
            `(keys are the long option names in camelCase, and id)`,
        );
      }
      if (twice !== undefined)
        throw new UsageError("CSV_HEADER", `batch ${file}: column '${twice}' appears twice in the header row`);
      header = row.cells;
      return { header: true };
    }
    const row = parseCsvRow(text, delimiter);
    if ("error" in row) return { error: { code: "INVALID_CSV", message: row.error } };
    const record = csvRecord(header, row.cells, FLAG_KEYS);
    if (typeof record !== "string") return { record };
    // A row refused whole (too few cells, an on/off cell not on or off) still says whose row it was.
    const id = row.cells[header.indexOf("id")];
    return { error: { code: "INVALID_CSV", message: record }, ...(id ? { id } : {}) };
  };
}

/** What a batch writes besides plain lines: compact lines (`--fields`, `--no-sources`) or a forecast. */
export interface BatchShape extends LineShape {
  readonly forecast?: ForecastPeriod;
}

/** The first failed lines (for the stderr summary) and the counts of a run. */
interface Counts {
  line: number;
  records: number;
  failed: number;
  blank: number;
  interrupted: boolean;
  readonly firstFailed: FailedLine[];
}

/** Where each output object goes: a line written now, or the forecast (written once at the end). */
interface Consumer {
  readonly take: (out: Record<string, unknown>) => Promise<void>;
  readonly end: (counts: Counts) => Promise<void>;
}

async function consumer(
  format: BatchFormat,
  shape: BatchShape,
  write: (text: string) => Promise<void>,
  width?: number,
): Promise<Consumer> {
  // The command refuses --forecast with --format fhir.
  if (shape.forecast !== undefined && format !== "fhir") {
    const sink = (await import("./forecastRun.js")).forecastSink(shape.forecast, format, width);
    return { take: async (out) => sink.add(out), end: (counts) => sink.writeTo(write, counts.records) };
  }
  if (format === "csv") {
    const { csvRecords, csvRows, CSV_COLUMNS } = await import("../render/csv.js");
    const csv = { csvRecords, csvRows, CSV_COLUMNS };
    await write(csvRecords([["line", "id", "error", ...CSV_COLUMNS]]));
    return { take: (out) => write(csvLines(csv, out)), end: async () => {} };
  }
  // --format fhir: a good line's output is its Bundle; an error line stays {line, id, error}.
  if (format === "fhir")
    return { take: (out) => write(`${JSON.stringify("bundle" in out ? out.bundle : out)}\n`), end: async () => {} };
  const shaped = shape.fields !== undefined || shape.noSources === true;
  const { shapeLine } = shaped ? await import("./batchFields.js") : { shapeLine: undefined };
  return {
    take: (out) => write(`${JSON.stringify(shapeLine ? shapeLine(out, shape) : out)}\n`),
    end: async () => {},
  };
}

/** The run's last word on stderr: the failed lines named, or the blank lines skipped, or nothing. */
function summary(counts: Counts): string {
  const { records, failed, blank } = counts;
  const skipped = blank > 0 ? ` (${plural(blank, "blank line")} skipped)` : "";
  if (failed > 0) {
    return (
      `mmn-dose: batch: ${failed} of ${plural(records, "line")} failed${skipped}: ` +
      `${listFailedLines(counts.firstFailed, failed)}\n`
    );
  }
  return blank > 0 ? `mmn-dose: batch: ${plural(records, "line")} done, ${plural(blank, "blank line")} skipped\n` : "";
}

/** `-o`, once it is known not to be an input of the run (the batch file or stdin, the config file). */
async function openSink(output: string, file: string | undefined, configPath: string | undefined, io: Io) {
  const { openOutput, refuseOutputOverInputs } = await import("./output.js");
  const stdin = file === undefined || file === "-";
  const input = stdin
    ? { label: "standard input", path: "/dev/stdin" }
    : { label: `the batch input ${file}`, path: file };
  await refuseOutputOverInputs(output, [input, ...configInputs(configPath, io.env)]);
  return openOutput(output);
}

/** Runs a batch: streams lines in, one compact JSON line out per line, same order. Returns the exit code. */
export async function runBatch(
  file: string | undefined,
  io: Io,
  configPath?: string,
  format: BatchFormat = "json",
  output?: string,
  shape: BatchShape = {},
): Promise<number> {
  if ((file === undefined || file === "-") && io.stdinIsTTY) {
    throw new UsageError(
      "NO_INPUT",
      "batch reads JSON Lines from a file or from stdin: mmn-dose batch clinic.jsonl, or … | mmn-dose " + "batch",
    );
  }
  if (!io.readInput) throw new UsageError("NO_INPUT", "batch input is not available here");
  const today = io.today();
  // Site settings (environment, config file) apply to every line; a line's own keys win.
  const { raw: site, sources: siteSources } = await resolveSiteSettings({}, io.env, configPath, { allRoutes: true });
  const sink = output === undefined ? undefined : await openSink(output, file, configPath, io);
  const write = sink
    ? (text: string) => sink.write(text)
    : async (text: string) => {
        if ((io.writeOut(text) as unknown) === false && io.waitForDrain) await io.waitForDrain();
      };
  const progress = progressLine(io);
  try {
    // A forecast table's prose wraps on a terminal, never in a file (-o) or a pipe.
    const to = await consumer(format, shape, write, terminalWidth(io, output));
    const lines = splitLines(io.readInput(file), MAX_LINE_BYTES);
    const counts = await runLines(
      lines,
      file,
      today,
      { site, siteSources, fhir: format === "fhir" ? await import("../render/fhir.js") : undefined },
      to.take,
      io,
      progress.tick,
    );
    progress.clear();
    if (counts.interrupted) {
      await sink?.abort();
      const kept = sink ? `; -o ${output} was not replaced` : "; every line written is complete";
      const n = counts.line;
      io.writeErr(`mmn-dose: batch interrupted after ${plural(n, "line")}${kept}\n`);
      return EXIT.interrupted;
    }
    await to.end(counts);
    await sink?.commit();
    const said = summary(counts);
    if (said !== "") io.writeErr(said);
    return counts.failed > 0 ? EXIT.batchLineFailed : EXIT.ok;
  } catch (e) {
    progress.clear();
    await sink?.abort();
    throw e;
  }
}

/** The loop of `runBatch`: each line in, its output object to `take`, in order. */
async function runLines(
  lines: AsyncIterable<InputLine>,
  file: string | undefined,
  today: IsoDate,
  settings: {
    site: Record<string, unknown>;
    siteSources: Readonly<Record<string, string>>;
    fhir: typeof import("../render/fhir.js") | undefined;
  },
  take: (out: Record<string, unknown>) => Promise<void>,
  io: Io,
  tick: (lines: number) => void,
): Promise<Counts> {
  const read = recordReader(file);
  const counts: Counts = { line: 0, records: 0, failed: 0, blank: 0, interrupted: false, firstFailed: [] };
  for await (const input of lines) {
    if (io.interrupted?.()) return { ...counts, interrupted: true };
    const line = ++counts.line;
    let out: Record<string, unknown>;
    if ("tooLongBytes" in input) {
      out = tooLong(line, input.tooLongBytes);
    } else {
      // A file saved with a UTF-8 byte order mark (Windows editors) starts with U+FEFF: not part of the data.
      const text = line === 1 && input.text.startsWith("\uFEFF") ? input.text.slice(1) : input.text;
      if (text.trim() === "") {
        counts.blank++;
        continue;
      }
      const { record, error, id, header } = read(text, line);
      if (header) continue;
      out = error
        ? { line, id: id ?? null, error: { code: error.code, message: shownMessage(error.message) } }
        : processRecord(record, line, today, settings.site, settings.siteSources, settings.fhir);
    }
    out = await written(out, take);
    counts.records++;
    if ("error" in out) {
      counts.failed++;
      if (counts.firstFailed.length < FAILED_LINES_NAMED) counts.firstFailed.push(failedLine(out));
    }
    tick(counts.records);
  }
  // Ctrl-C while waiting for input also ends the input (the producer dies too): still an interruption.
  return { ...counts, interrupted: io.interrupted?.() ?? false };
}

/**
 * Hands a line's output to `take`; an output too large to serialise (a RangeError: past V8's string
 * length) becomes that line's error, so one line never stops the batch. Returns what was written.
 */
async function written(
  out: Record<string, unknown>,
  take: (out: Record<string, unknown>) => Promise<void>,
): Promise<Record<string, unknown>> {
  try {
    await take(out);
    return out;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const message = `the output of this line is too large to write (${e.message})`;
    const failed = { line: out.line, id: out.id ?? null, error: { code: "OUTPUT_TOO_LARGE", message } };
    await take(failed);
    return failed;
  }
}

/** An error line as the summary names it: its id escaped (it is echoed from the input). */
function failedLine(out: Record<string, unknown>): FailedLine {
  const id = out.id === null || out.id === undefined ? null : escapeControl(String(out.id));
  return { line: out.line as number, id, error: out.error as LineError };
}
