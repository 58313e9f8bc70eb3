import { stat as statCallback } from "node:fs";
import { promisify } from "node:util";
import { isIsoDate, type IsoDate } from "../core/calendarDate.js";
import type { Review, ReviewRequest } from "../core/review.js";
import type { ReviewPatient } from "../core/reviewHistory.js";
import type { Prescribed } from "../core/reviewIntensity.js";
import type { Taper } from "../core/reviewOptions.js";
import { PROGRAMME_IDS, type ProgrammeId } from "../data/reviewProgrammes.js";
import { UsageError } from "./cliError.js";
import { escapeControl } from "./escape.js";
import type { Io } from "./io.js";
import { REVIEW_FORMATS } from "./outputFormats.js";
import { splitLines } from "./lines.js";
import { HistoryBuilder, historyBytes, historyRows, MAX_HISTORY_LINE_BYTES } from "./reviewHistory.js";
import { validateScheduleOptions } from "./validate.js";

// Callback fs, promised: node:fs/promises would also load Node's readline and file watchers.
const stat = promisify(statCallback);

/** The options of `mmn-dose review` as commander hands them over. */
export interface ReviewOptions {
  readonly asOf?: string;
  readonly programme?: string;
  readonly patient?: string;
  readonly due?: boolean;
  readonly writePlan?: string;
  readonly taper?: string;
  readonly format?: string;
  readonly json?: boolean;
  readonly output?: string;
  readonly [key: string]: unknown;
}

/** Patient and regimen keys of the options table that review reads, as the schedule takes them. */
const REVIEW_PATIENT_KEYS = ["weight", "height", "sex", "policy", "dosingWeight", "dose", "every"] as const;

type Format = (typeof REVIEW_FORMATS)[number];

function reviewFormat(opts: ReviewOptions): Format {
  const format = opts.format?.toLowerCase();
  if (format !== undefined && !REVIEW_FORMATS.some((f) => f === format))
    throw new UsageError(
      "INVALID_OPTION",
      `review --format must be one of ${REVIEW_FORMATS.join(", ")}; got '${escapeControl(String(opts.format))}'`,
    );
  if (opts.json && format !== undefined && format !== "json")
    throw new UsageError("CONFLICTING_OPTIONS", `--json and --format ${format} cannot be used together`);
  return opts.json ? "json" : ((format as Format | undefined) ?? "table");
}

function asOfDate(opts: ReviewOptions, io: Io): IsoDate {
  if (opts.asOf === undefined) return io.today();
  if (!isIsoDate(opts.asOf))
    throw new UsageError(
      "INVALID_OPTION",
      `--as-of must be a real date as YYYY-MM-DD; got '${escapeControl(opts.asOf)}'`,
    );
  return opts.asOf;
}

function programmeOf(opts: ReviewOptions): ProgrammeId | undefined {
  if (opts.programme === undefined) return undefined;
  const id = opts.programme.toLowerCase();
  if (!PROGRAMME_IDS.includes(id as ProgrammeId))
    throw new UsageError(
      "INVALID_OPTION",
      `--programme must be one of ${PROGRAMME_IDS.join(", ")}; got '${escapeControl(opts.programme)}'`,
    );
  return id as ProgrammeId;
}

/**
 * `--taper interval+Nw` (N whole weeks, 1–12) or `dose-N%` (N whole percent, 5–75).
 *
 * @example
 * parseTaper("interval+2w") //=> { kind: "interval", weeks: 2 }
 */
function parseTaper(text: string | undefined): Taper | undefined {
  if (text === undefined) return undefined;
  const interval = /^interval\+(\d{1,2})w$/.exec(text);
  if (interval && Number(interval[1]) >= 1 && Number(interval[1]) <= 12)
    return { kind: "interval", weeks: Number(interval[1]) };
  const dose = /^dose-(\d{1,2})%$/.exec(text);
  if (dose && Number(dose[1]) >= 5 && Number(dose[1]) <= 75) return { kind: "dose", percent: Number(dose[1]) };
  throw new UsageError(
    "INVALID_OPTION",
    `--taper must be interval+Nw (N whole weeks, 1–12) or dose-N% (N whole percent, 5–75); got '${escapeControl(text)}'`,
  );
}

/** The patient options, checked by the options table's own checks; --weight overrides the history's weights. */
function patientOf(opts: ReviewOptions): { patient: ReviewPatient; prescribed?: Prescribed } {
  const given = Object.fromEntries(REVIEW_PATIENT_KEYS.filter((k) => opts[k] !== undefined).map((k) => [k, opts[k]]));
  if ((given.dose === undefined) !== (given.every === undefined))
    throw new UsageError("USAGE", "review: --dose and --every go together (the prescribed regimen)");
  // The weight is checked as the schedule checks it; without --weight the history's weight rows dose.
  const input = validateScheduleOptions({ weight: "70", ...given }).input;
  return {
    patient: {
      weightKg: given.weight === undefined ? undefined : input.weightKg,
      heightCm: input.heightCm,
      sex: input.sex,
      policy: input.policy,
      dosingWeight: input.dosingWeight,
    },
    ...(given.dose === undefined
      ? {}
      : { prescribed: { doseGPerKg: input.doseGPerKg, everyWeeks: input.intervalWeeks } }),
  };
}

/** `-o` or `--write-plan` naming the history itself would destroy it: refused before anything is read. */
async function refuseSameFile(history: string, output: string | undefined, flag: string): Promise<void> {
  if (output === undefined || history === "-") return;
  const [a, b] = await Promise.all([stat(history).catch(() => undefined), stat(output).catch(() => undefined)]);
  if (a && b && a.dev === b.dev && a.ino === b.ino)
    throw new UsageError("USAGE", `${flag} ${output} is the history file itself: write to another file`);
}

function lines(io: Io, path: string) {
  if (!io.readInput) throw new UsageError("USAGE", "review: no input reader");
  return splitLines(historyBytes(io.readInput(path)), MAX_HISTORY_LINE_BYTES);
}

/** One patient's history: the whole file, or the rows of --patient in a clinic file. */
async function readOne(io: Io, path: string, patient: string | undefined) {
  const builder = new HistoryBuilder();
  let seen: string | undefined;
  let count = 0;
  for await (const row of historyRows(lines(io, path), path === "-" ? "stdin" : path)) {
    if (patient !== undefined && row.patient !== patient) continue;
    if (patient === undefined && row.patient !== undefined && seen !== undefined && row.patient !== seen)
      throw new UsageError(
        "HISTORY",
        `history row ${row.event.row}: patient '${escapeControl(row.patient)}' after '${escapeControl(seen)}': the file ` +
          "holds several patients; pick one with --patient ID, or list who is due with --due",
      );
    seen ??= row.patient;
    builder.add(row);
    count++;
  }
  if (count === 0) throw new UsageError("HISTORY", `no rows for --patient ${escapeControl(patient ?? "")}`);
  return builder.build();
}

export async function runReview(history: string | undefined, opts: ReviewOptions, io: Io): Promise<void> {
  if (history === undefined) throw new UsageError("USAGE", "review needs a history file (or - for stdin)");
  const format = reviewFormat(opts);
  const asOf = asOfDate(opts, io);
  const programme = programmeOf(opts);
  const taper = parseTaper(opts.taper);
  if (taper && opts.writePlan === undefined)
    throw new UsageError("USAGE", "--taper shapes the plan --write-plan writes: give --write-plan FILE too");
  const { patient, prescribed } = patientOf(opts);
  const { outputPath, writeFileAtomic } = await import("./output.js");
  const output = outputPath(opts.output);
  await refuseSameFile(history, output, "-o");
  await refuseSameFile(history, opts.writePlan, "--write-plan");
  if (opts.due) {
    const { runDue } = await import("./reviewDue.js");
    await runDue({ io, path: history, asOf, patient, programme, format, output });
    return;
  }
  const { reviewPatient } = await import("../core/review.js");
  const request: ReviewRequest = {
    history: await readOne(io, history, opts.patient),
    patient,
    asOf,
    prescribed,
    programme,
    patientId: opts.patient,
  };
  const review = reviewPatient(request);
  if (opts.writePlan !== undefined) await writePlan(review, taper, opts.writePlan, io);
  const text = await render(review, format);
  if (output === undefined) io.writeOut(text);
  else await writeFileAtomic(output, text);
}

async function writePlan(review: Review, taper: Taper | undefined, path: string, io: Io): Promise<void> {
  if (!review.regimen || review.regimen.everyWeeks === null)
    throw new UsageError(
      "USAGE",
      "--write-plan needs an IVIG course in the history and whole weeks between courses (or --dose and --every)",
    );
  const { taperPlan } = await import("../core/reviewOptions.js");
  const { writeFileAtomic } = await import("./output.js");
  const { renderJson } = await import("../render/json.js");
  await writeFileAtomic(path, renderJson(taperPlan(review.regimen, taper)));
  if (!review.options.some((o) => o.kind === "dose-reduction"))
    io.writeErr(
      "mmn-dose: note: --write-plan wrote a taper plan although the measures are not stable for 12 months: an option, not a decision\n",
    );
}

async function render(review: Review, format: Format): Promise<string> {
  if (format === "json") return (await import("../render/json.js")).renderJson(review);
  if (format === "html") return (await import("../render/reviewHtml.js")).renderReviewHtml(review);
  return (await import("../render/reviewTable.js")).renderReviewTable(review);
}
