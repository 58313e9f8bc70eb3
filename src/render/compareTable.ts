import type { Comparison, RegimenYear } from "../core/compare.js";
import { formatNumber, plural } from "../core/format.js";
import { fitToWidth, wrapProse } from "./fitWidth.js";
import { NO_COLOR, type Paint } from "./paint.js";
import { grams, hoursMinutes } from "./quantities.js";

/**
 * `mmn-dose compare` as a table: the patient, each regimen in one line, then the figures as rows and
 * the regimens as columns (numbered as in the list; 3 regimens fit 80 columns), warnings grouped by
 * the regimens they concern, and the sources. Numbers carry no trailing zeros (ISMP).
 */
export function renderCompareTable(c: Comparison, paint: Paint = NO_COLOR, layout: { width?: number } = {}): string {
  // On a terminal (`width`) the prose wraps with a hanging indent; the figure grid stays as it is.
  const { width } = layout;
  const fields = (lines: string[]) => (width === undefined ? lines : fitToWidth(lines, width));
  const prose = (lines: string[]) => (width === undefined ? lines : wrapProse(lines, width));
  const lines = [
    ...fields(headerSection(c, paint)),
    "",
    ...prose(regimensSection(c, paint)),
    "",
    ...figuresSection(c, paint),
    "",
    ...prose([...warningsSection(c, paint), ...notesSection(c, paint), ...sourcesSection(c, paint)]),
  ];
  return `${lines.join("\n")}\n`;
}

const every = (weeks: number) => (weeks === 1 ? "every week" : `every ${weeks} weeks`);

function headerSection(c: Comparison, paint: Paint): string[] {
  const p = c.patient;
  const patient = [`${formatNumber(p.weightKg)} kg (typed ${p.weightAsEntered})`];
  if (p.heightCm !== null) patient.push(`${formatNumber(p.heightCm, 1)} cm`);
  if (p.sex !== null) patient.push(p.sex);
  if (p.ageYears !== null) patient.push(`${formatNumber(p.ageYears)} years`);
  if (p.pregnant) patient.push("pregnant");
  if (p.bmi !== null) patient.push(`BMI ${formatNumber(p.bmi, 1)}`);
  const field = (label: string, value: string) => `  ${paint.dim(label.padEnd(15))}${value}`;
  return [
    paint.bold(
      `mmn-dose compare · ${c.regimens.length} regimens · steady state, per year of ${formatNumber(c.daysPerYear)} days`,
    ),
    field("Patient", patient.join(", ")),
    field("Dosing weight", `${paint.bold(`${formatNumber(p.dosingWeightKg)} kg`)} ${p.dosingWeightReason}`),
  ];
}

/** What one steady-state course is: product, dose, interval, days or sessions. */
function courseText(r: RegimenYear): string {
  const k = r.perCourse;
  const days =
    r.route === "scig"
      ? `${plural(k.infusionDays, "session")}, ${plural(k.sites ?? 0, "site")}`
      : plural(k.infusionDays, "day");
  const first = k.infusionKind === "first" ? "; every course a first infusion (more than 8 weeks apart)" : "";
  return `${r.route.toUpperCase()} ${r.productName}: ${grams(k.doseG)} ${every(r.intervalWeeks)}, ${days}${first}`;
}

function regimensSection(c: Comparison, paint: Paint): string[] {
  const lines = [paint.bold("Regimens")];
  c.regimens.forEach((r, i) => {
    lines.push(`  ${paint.bold(String(i + 1))}  ${r.regimen}`, `     ${courseText(r)}`);
  });
  return lines;
}

const number = (value: number) => formatNumber(value);

/**
 * An amount of money in no currency (the price's): two decimals, thousands grouped with commas, the
 * same on every machine (no locale).
 *
 * @example
 * money(109575) //=> "109,575.00"
 */
function money(value: number): string {
  const [whole, cents] = value.toFixed(2).split(".");
  return `${whole!.replace(/\B(?=(\d{3})+$)/g, ",")}.${cents}`;
}
const vialLines = (vials: RegimenYear["vialsPerYear"]) => vials.map((v) => `${number(v.count)} × ${number(v.sizeG)} g`);

/** The rows: a label, then each regimen's cell (several lines where it lists vials). */
function figureRows(c: Comparison): [string, string[][]][] {
  const cells = (value: (r: RegimenYear) => string | string[]) =>
    c.regimens.map((r) => {
      const v = value(r);
      return Array.isArray(v) ? v : [v];
    });
  const rows: [string, string[][]][] = [
    ["Each course", []],
    ["  Infusion days", cells((r) => number(r.perCourse.infusionDays))],
    ["  Grams dispensed", cells((r) => number(r.perCourse.dispensedG))],
    ["  Chair time (h:mm)", cells((r) => hoursMinutes(r.perCourse.chairMinutes))],
    ["  Vials", cells((r) => vialLines(r.perCourse.vials))],
    [`Per year (${formatNumber(c.daysPerYear)} days)`, []],
    ["  Courses", cells((r) => number(r.coursesPerYear))],
    ["  g/kg/month", cells((r) => number(r.gPerKgPerMonth))],
    ["  Grams dispensed", cells((r) => number(r.gramsPerYear))],
    ["  Infusion days", cells((r) => number(r.infusionDaysPerYear))],
    ["  Chair hours", cells((r) => number(r.chairHoursPerYear))],
  ];
  if (c.regimens.some((r) => r.sitesPerYear !== null))
    rows.push(["  SCIG needle sites", cells((r) => (r.sitesPerYear === null ? "–" : number(r.sitesPerYear)))]);
  rows.push(["  Vials", cells((r) => vialLines(r.vialsPerYear))]);
  if (c.pricePerG !== null)
    rows.push([`  Cost (${money(c.pricePerG)} a gram)`, cells((r) => money(r.costPerYear ?? 0))]);
  rows.push(["Warnings", cells((r) => String(r.warnings.length))]);
  return rows;
}

function figuresSection(c: Comparison, paint: Paint): string[] {
  const rows = figureRows(c);
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const widths = c.regimens.map((_, i) =>
    Math.max(String(i + 1).length, ...rows.flatMap(([, cells]) => (cells[i] ?? []).map((line) => line.length))),
  );
  const line = (label: string, cells: readonly string[]) =>
    `${label.padEnd(labelWidth)}${cells.map((cell, i) => `  ${cell.padStart(widths[i]!)}`).join("")}`.trimEnd();
  const lines = [
    paint.bold(
      line(
        "",
        c.regimens.map((_, i) => String(i + 1)),
      ),
    ),
  ];
  for (const [label, cells] of rows) {
    if (cells.length === 0) {
      lines.push(paint.bold(label));
      continue;
    }
    const height = Math.max(...cells.map((cell) => cell.length));
    for (let k = 0; k < height; k++)
      lines.push(
        line(
          k === 0 ? label : "",
          cells.map((cell) => cell[k] ?? ""),
        ),
      );
  }
  return lines;
}

/** Each message once, with the regimens it concerns ("1, 2"). */
function grouped(c: Comparison, of: (r: RegimenYear) => RegimenYear["warnings"]) {
  const grouped = new Map<string, { code: string; message: string; regimens: number[] }>();
  c.regimens.forEach((r, i) => {
    for (const w of of(r)) {
      const key = `${w.code}\u0000${w.message}`;
      const entry = grouped.get(key) ?? { code: w.code, message: w.message, regimens: [] };
      entry.regimens.push(i + 1);
      grouped.set(key, entry);
    }
  });
  const which = (regimens: number[]) => (regimens.length === c.regimens.length ? "all" : regimens.join(", "));
  return [...grouped.values()].map((m) => ({ ...m, which: which(m.regimens) }));
}

/** Each warning once, with the regimens it concerns ("1, 2"). */
function warningsSection(c: Comparison, paint: Paint): string[] {
  const warnings = grouped(c, (r) => r.warnings);
  if (warnings.length === 0) return [paint.bold("Warnings: none"), ""];
  const lines = [paint.bold(`Warnings (${warnings.length})`)];
  for (const w of warnings) lines.push(`  ${paint.warn(`! ${w.code}`)} [${w.which}]: ${w.message}`);
  return [...lines, ""];
}

/** The notes that change what a regimen gives, each once with its regimens; nothing when there are none. */
function notesSection(c: Comparison, paint: Paint): string[] {
  const notes = grouped(c, (r) => r.notes);
  if (notes.length === 0) return [];
  const lines = [paint.bold(`Notes (${notes.length})`)];
  for (const n of notes) lines.push(`  ${paint.note(`i ${n.code}`)} [${n.which}]: ${n.message}`);
  return [...lines, ""];
}

function sourcesSection(c: Comparison, paint: Paint): string[] {
  const lines = [paint.bold("Sources")];
  for (const s of c.sources) lines.push(`  ${s.title}`, `    ${paint.dim(s.url)}`);
  lines.push(
    "",
    paint.dim(
      "Decision support only: check against the current label and local policy; the prescriber and pharmacist decide.",
    ),
  );
  return lines;
}
