import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import {
  addSchedule,
  createForecast,
  type ForecastPeriod,
  type ForecastSchedule,
  forecastRows,
} from "../core/forecast.js";
import { FAILED_LINES_NAMED, type FailedLine } from "../render/failedLines.js";
import { escapeControl } from "./escape.js";
import type { BatchFormat } from "./outputFormats.js";
import { type ForecastDocument, renderForecastCsv, renderForecastTable } from "../render/forecast.js";

/** Text kept in memory before a spool moves it to its file. */
const SPOOL_BUFFER = 1 << 20;

/**
 * Text appended piece by piece and read back once, in order: past `SPOOL_BUFFER` characters it goes
 * to a temporary file that is unlinked as soon as it is open (nothing is left behind, whatever stops
 * the process). Where no temporary file can be made, it stays in memory.
 */
class Spool {
  private pending: string[] = [];
  private pendingLength = 0;
  private fd: number | undefined;
  private noFile = false;

  append(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= SPOOL_BUFFER) this.flush();
  }

  private flush(): void {
    if (this.noFile) return;
    if (this.fd === undefined) {
      try {
        const dir = mkdtempSync(join(tmpdir(), "mmn-dose-"));
        const path = join(dir, "failed-lines");
        this.fd = openSync(path, "w+", 0o600);
        unlinkSync(path);
        rmdirSync(dir);
      } catch {
        this.noFile = true;
        return;
      }
    }
    writeSync(this.fd, this.pending.join(""));
    this.pending = [];
    this.pendingLength = 0;
  }

  /** Everything appended, in chunks; the file is closed at the end. */
  *chunks(): Generator<string> {
    if (this.fd !== undefined) {
      const buffer = Buffer.alloc(SPOOL_BUFFER);
      const decoder = new StringDecoder("utf8");
      let position = 0;
      for (let n = readSync(this.fd, buffer, 0, buffer.length, position); n > 0; ) {
        position += n;
        yield decoder.write(buffer.subarray(0, n));
        n = readSync(this.fd, buffer, 0, buffer.length, position);
      }
      yield decoder.end();
      closeSync(this.fd);
      this.fd = undefined;
    }
    yield this.pending.join("");
    this.pending = [];
  }
}

/** One failed line as `JSON.stringify(doc, null, 2)` writes an item of `failedLines` (indented 4). */
function failedLineJson(f: FailedLine): string {
  return `    ${JSON.stringify({ line: f.line, id: f.id, error: f.error }, null, 2).replace(/\n/g, "\n    ")}`;
}

/**
 * `batch --forecast`: each line's result is added to the forecast as it arrives and then dropped;
 * only the cells (period × product) are kept, and of the failed lines only what the format shows:
 * the first few for the table, none for CSV (stderr names them), and for JSON each one serialised
 * into a spool. Memory stays flat however many lines fail. The document is written when the input ends.
 */
export function forecastSink(period: ForecastPeriod, format: Exclude<BatchFormat, "fhir">, width?: number) {
  const acc = createForecast(period);
  const shown: FailedLine[] = [];
  const spool = new Spool();
  let failed = 0;
  return {
    add(out: Record<string, unknown>): void {
      if (!("error" in out)) {
        addSchedule(acc, out as unknown as ForecastSchedule);
        return;
      }
      const f = out as unknown as FailedLine;
      failed++;
      // The table goes to a terminal: ids echoed from the input are escaped (JSON and CSV quote them).
      if (shown.length < FAILED_LINES_NAMED)
        shown.push({ ...f, id: f.id === null ? null : escapeControl(String(f.id)) });
      if (format === "json") spool.append(`${failed > 1 ? ",\n" : ""}${failedLineJson(f)}`);
    },
    /** Writes the document with `write`, the JSON's failed lines streamed from the spool. */
    async writeTo(write: (text: string) => Promise<void>, lines: number): Promise<void> {
      const rows = forecastRows(acc);
      if (format === "csv") return write(renderForecastCsv(rows));
      if (format === "table") {
        const doc: ForecastDocument = { schemaVersion: 1, forecast: { period, rows }, failedLines: shown };
        const context = {
          productNames: acc.productNames,
          productPatients: acc.productPatients,
          patients: acc.schedules,
        };
        return write(renderForecastTable(doc, { ...context, lines, failed, width }));
      }
      // JSON.stringify(doc, null, 2) and a newline, the failed lines spliced in from the spool.
      const head = JSON.stringify({ schemaVersion: 1, forecast: { period, rows }, failedLines: [] }, null, 2);
      if (failed === 0) return write(`${head}\n`);
      await write(`${head.slice(0, -"[]\n}".length)}[\n`);
      for (const chunk of spool.chunks()) if (chunk !== "") await write(chunk);
      await write("\n  ]\n}\n");
    },
  };
}
