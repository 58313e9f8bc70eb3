import type { IsoDate } from "../core/calendarDate.js";
import type { ReviewPatient } from "../core/reviewHistory.js";
import { reviewDates, programmeWithInterval } from "../core/reviewDates.js";
import type { ProgrammeId } from "../data/reviewProgrammes.js";
import { UsageError } from "./cliError.js";
import { escapeControl } from "./escape.js";
import type { Io } from "./io.js";
import { splitLines } from "./lines.js";
import { historyBytes, historyRows, MAX_HISTORY_LINE_BYTES } from "./reviewHistory.js";

interface DueRun {
  readonly io: Io;
  readonly path: string;
  readonly asOf: IsoDate;
  readonly patient: ReviewPatient;
  readonly programme: ProgrammeId | undefined;
  readonly format: "table" | "json" | "html";
  readonly output: string | undefined;
}

interface DueRow {
  readonly patient: string;
  readonly start: IsoDate | null;
  readonly lastReview: IsoDate | null;
  readonly nextDue: IsoDate | null;
  readonly daysOverdue: number | null;
}

/**
 * `review --due`: a clinic file with a `patient` column, each patient's rows together (flat memory:
 * one patient is held at a time). Only the dates are needed, so no dosing weight is computed; every
 * row is still checked cell by cell.
 */
async function* patientsDue(run: DueRun): AsyncGenerator<DueRow> {
  const done = new Set<string>();
  let current: string | undefined;
  let starts: IsoDate[] = [];
  let measureDates: IsoDate[] = [];
  const flush = (): DueRow => {
    const start = starts.length === 0 ? null : [...starts].sort()[0]!;
    const d = reviewDates(run.programme, start, measureDates, run.asOf);
    return { patient: current!, start, lastReview: d.lastReview, nextDue: d.nextDue, daysOverdue: d.daysOverdue };
  };
  const rows = historyRows(splitLines(historyBytes(run.io.readInput!(run.path)), MAX_HISTORY_LINE_BYTES), run.path);
  for await (const row of rows) {
    const id = row.patient;
    if (id === undefined)
      throw new UsageError("HISTORY", `history row ${row.event.row}, column patient: missing (review --due needs it)`);
    if (id !== current) {
      if (current !== undefined) yield flush();
      if (done.has(id))
        throw new UsageError(
          "HISTORY",
          `history row ${row.event.row}, column patient: '${escapeControl(id)}' again after other patients: keep each ` +
            "patient's rows together (sort the file by patient)",
        );
      done.add(id);
      current = id;
      starts = [];
      measureDates = [];
    }
    if (row.event.kind === "infusion") starts.push(row.event.date);
    else if (row.event.kind === "measure") measureDates.push(row.event.date);
  }
  if (current !== undefined) yield flush();
}

/** Lists who is due or overdue by date (overdue first, then by due date), as a table or JSON. */
export async function runDue(run: DueRun): Promise<void> {
  if (run.programme === undefined) throw new UsageError("USAGE", "review --due needs --programme ontario or bc");
  programmeWithInterval(run.programme);
  if (run.format === "html")
    throw new UsageError("CONFLICTING_OPTIONS", "review --due writes a table or JSON, not html");
  const rows: DueRow[] = [];
  for await (const row of patientsDue(run)) rows.push(row);
  rows.sort((a, b) => (a.nextDue ?? "9999").localeCompare(b.nextDue ?? "9999") || a.patient.localeCompare(b.patient));
  const text =
    run.format === "json"
      ? `${JSON.stringify({ schemaVersion: 1, asOf: run.asOf, programme: run.programme, patients: rows }, null, 2)}\n`
      : dueTable(rows, run.asOf);
  if (run.output === undefined) run.io.writeOut(text);
  else await (await import("./output.js")).writeFileAtomic(run.output, text);
}

function dueTable(rows: readonly DueRow[], asOf: IsoDate): string {
  const pad = (t: string, w: number) => t.padEnd(w);
  const due = rows.filter((r) => r.nextDue !== null && r.nextDue <= asOf);
  const lines = [
    `Reviews due on or before ${asOf}: ${due.length} of ${rows.length} patients (overdue first)`,
    `${pad("Patient", 20)}${pad("Started", 12)}${pad("Last review", 13)}${pad("Next due", 12)}Overdue`,
    ...rows.map(
      (r) =>
        `${pad(r.patient.slice(0, 19), 20)}${pad(r.start ?? "-", 12)}${pad(r.lastReview ?? "-", 13)}` +
        `${pad(r.nextDue ?? "-", 12)}${r.daysOverdue !== null && r.daysOverdue > 0 ? `${r.daysOverdue} days` : ""}`.trimEnd(),
    ),
  ];
  return `${lines.join("\n")}\n`;
}
