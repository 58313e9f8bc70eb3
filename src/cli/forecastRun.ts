import {
  addSchedule,
  createForecast,
  type ForecastPeriod,
  type ForecastSchedule,
  forecastRows,
} from "../core/forecast.js";
import { FAILED_LINES_NAMED, type FailedLine } from "../render/failedLines.js";
import { escapeControl } from "./escape.js";
import {
  type ForecastDocument,
  renderForecastCsv,
  renderForecastJson,
  renderForecastTable,
} from "../render/forecast.js";

/**
 * `batch --forecast`: each line's result is added to the forecast as it arrives and then dropped;
 * only the cells (period × product) and the failed lines (line, id, error) are kept. The document is
 * written once, when the input ends.
 */
export function forecastSink(period: ForecastPeriod, format: "table" | "json" | "csv", width?: number) {
  const acc = createForecast(period);
  const failedLines: FailedLine[] = [];
  return {
    add(out: Record<string, unknown>): void {
      if ("error" in out) failedLines.push(out as unknown as FailedLine);
      else addSchedule(acc, out as unknown as ForecastSchedule);
    },
    render(lines: number): string {
      const doc: ForecastDocument = { schemaVersion: 1, forecast: { period, rows: forecastRows(acc) }, failedLines };
      if (format === "json") return renderForecastJson(doc);
      if (format === "csv") return renderForecastCsv(doc.forecast.rows);
      // The table goes to a terminal: ids echoed from the input are escaped (JSON and CSV quote them).
      const shown = failedLines.slice(0, FAILED_LINES_NAMED).map((f) => ({
        ...f,
        id: f.id === null ? null : escapeControl(String(f.id)),
      }));
      return renderForecastTable(
        { ...doc, failedLines: shown },
        {
          productNames: acc.productNames,
          productPatients: acc.productPatients,
          patients: acc.schedules,
          lines,
          failed: failedLines.length,
          width,
        },
      );
    },
  };
}
