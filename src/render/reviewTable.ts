import type { Review } from "../core/review.js";
import type { IntensitySpan } from "../core/reviewIntensity.js";
import type { MeasureOutcome } from "../core/reviewOutcomes.js";
import { formatNumber as n } from "../core/format.js";
import { wrapLine } from "./fitWidth.js";
import { changeWords, signed } from "./quantities.js";

/** Every line fits 80 columns: prose wraps with a hanging indent; figure rows are narrower. */
const WIDTH = 80;
/** Courses listed in the table (the JSON lists them all). */
const SHOWN_COURSES = 12;

const wrap = (line: string, indent = 4) => wrapLine(line, WIDTH, indent);
const pad = (text: string, width: number) => text.padEnd(width);
function warnings(r: Review): string[] {
  if (r.warnings.length === 0) return [];
  return ["Warnings", ...r.warnings.flatMap((w) => wrap(`  ${w.code}: ${w.message}`)), ""];
}

function spanRows(title: string, spans: readonly IntensitySpan[]): string[] {
  if (spans.length === 0) return [];
  const head = `  ${pad("From", 12)}${pad("To", 12)}${pad("Grams", 10)}${pad("g/kg/month", 12)}SCIG g/kg/week`;
  const rows = spans.map(
    (s) =>
      `  ${pad(s.from, 12)}${pad(s.to, 12)}${pad(n(s.grams), 10)}${pad(n(s.gPerKgPerMonth), 12)}` +
      `${s.scigWeeklyGPerKg === null ? "-" : n(s.scigWeeklyGPerKg, 3)}${s.partial ? "  (partial)" : ""}`,
  );
  return [title, head, ...rows];
}

function courses(r: Review): string[] {
  const all = r.intensity.courses;
  if (all.length === 0) return ["  No IVIG course in the history."];
  const shown = all.slice(-SHOWN_COURSES);
  const head = `  ${pad("Start", 12)}${pad("Days", 6)}${pad("Grams", 9)}${pad("Kg", 8)}${pad("g/kg", 8)}${pad("Days since", 12)}Product`;
  const rows = shown.map(
    (c) =>
      `  ${pad(c.start, 12)}${pad(String(c.days), 6)}${pad(n(c.grams), 9)}${pad(n(c.dosingWeightKg), 8)}` +
      `${pad(n(c.gPerKg, 3), 8)}${pad(c.daysSincePrevious === null ? "-" : String(c.daysSincePrevious), 12)}` +
      c.products.join("+"),
  );
  const more = all.length > shown.length ? [`  (${all.length - shown.length} earlier courses: --json lists them)`] : [];
  return [`IVIG courses (runs of consecutive infusion days): ${all.length}`, head, ...rows, ...more];
}

function intensityLines(r: Review): string[] {
  const d = r.intensity;
  const trend = d.trend
    ? d.trend.percent === null
      ? `  Trend: ${n(d.trend.yearBefore)} → ${n(d.trend.now)} g/kg/month (no percentage from 0)`
      : `  Trend over 12 months: dose intensity ${changeWords(d.trend.percent)} ` +
        `(${n(d.trend.yearBefore)} → ${n(d.trend.now)} g/kg/month: the last 12 weeks against the 12 weeks a year before)`
    : "  Trend over 12 months: the history is shorter than 64 weeks";
  const prescribed = d.prescribed
    ? `  Prescribed (--dose/--every): ${n(d.prescribed.gPerKgPerMonth)} g/kg/month; the last 12 weeks are ` +
      (d.prescribed.percent === null ? "not comparable" : `${signed(d.prescribed.percent)} % against it`)
    : "  Prescribed: not given (--dose and --every compare the last 12 weeks with the prescription)";
  const off =
    d.offSchedule === null
      ? "  Late or missed courses: not checked (--every gives the prescribed interval; none is inferred)"
      : `  Courses beyond the ± 4-day window of --every: ${d.offSchedule.length === 0 ? "none" : d.offSchedule.length}`;
  const changes =
    d.productChanges.length === 0
      ? ["  Product changes: none"]
      : ["  Product changes:", ...d.productChanges.map((c) => `    ${c.date}: ${c.from} → ${c.to} (${c.route})`)];
  return [
    "Dose intensity",
    "  g/kg at each date's dosing weight; a month is 365.25 / 12 = 30.4375 days",
    ...courses(r),
    "",
    ...spanRows("12-week windows to the review date:", d.windows),
    "",
    ...spanRows("Calendar quarters:", d.quarters),
    "",
    ...[trend, prescribed, off].flatMap((l) => wrap(l)),
    ...changes,
    "",
  ];
}

function reading(x: { date: string; value: number } | null): string {
  return x === null ? "-" : `${n(x.value)} (${x.date})`;
}

function outcome(o: MeasureOutcome): string[] {
  const mcid = o.mcid === null ? `no sourced MCID: ${o.noMcidReason}` : `MCID ±${n(o.mcid)} ${o.unit}`;
  const prev =
    o.changeSincePrevious === null
      ? "no previous value"
      : `since previous ${signed(o.changeSincePrevious)}: ${o.sincePrevious}`;
  return [
    ...wrap(`  ${o.name} (${o.unit}; ${mcid})`),
    ...wrap(`    baseline ${reading(o.baseline)}, previous ${reading(o.previous)}, latest ${reading(o.latest)}`, 6),
    ...wrap(`    ${prev}; since baseline ${signed(o.changeSinceBaseline)}: ${o.sinceBaseline}`, 6),
  ];
}

function outcomes(r: Review): string[] {
  if (r.outcomes.length === 0) return ["Outcomes: no measures in the history", ""];
  return [
    "Outcomes",
    "  each change against its sourced minimal clinically important difference (MCID)",
    ...r.outcomes.flatMap(outcome),
    ...wrap(`  Status: ${r.status}. Rule: ${r.statusRule}`),
    `  Stable for 12 months: ${r.stableFor12Months ? "yes" : "no"}`,
    "",
  ];
}

function reviewDates(r: Review): string[] {
  const d = r.review;
  const lines = [`  Last review (latest date with measures): ${d.lastReview ?? "none"}`];
  if (d.programme !== null) {
    lines.push(
      ...wrap(
        `  Next due (--programme ${d.programme}): ${d.nextDue ?? "no sourced date"}; ${d.rule}` +
          (d.daysOverdue !== null && d.daysOverdue > 0 ? `; overdue by ${d.daysOverdue} days` : ""),
      ),
    );
  } else lines.push("  Next due: give --programme ontario or bc (each interval sourced)");
  return ["Review", ...lines, ""];
}

/** A source of an option: on the label's line when it fits, else the URL stands alone on the next line. */
function sourceLine(url: string): string[] {
  const line = `     Source: ${url}`;
  return [...line].length <= WIDTH ? [line] : ["     Source:", `       ${url}`];
}

function options(r: Review): string[] {
  if (r.options.length === 0) return [...wrap(`Options: none. ${r.optionsNote ?? ""}`.trimEnd()), ""];
  return [
    "Options, never decisions",
    ...r.options.flatMap((o, i) => [
      ...wrap(`  ${i + 1}. ${o.text}${o.cidpProtocol ? " (CIDP protocol, not MMN)" : ""}`, 5),
      ...wrap(`     Arithmetic: ${o.arithmetic}`, 7),
      ...o.sources.flatMap((s) => sourceLine(s)),
    ]),
    "",
  ];
}

function sources(r: Review): string[] {
  const urls = [
    ...r.outcomes.flatMap((o) => (o.mcidSource === null ? [] : [o.mcidSource])),
    ...(r.review.source === null ? [] : [r.review.source]),
  ];
  const unique = [...new Set(urls)];
  return unique.length === 0 ? [] : ["Sources (MCIDs, review interval)", ...unique.map((u) => `  ${u}`), ""];
}

/** The review as a plain table: warnings first, every line within 80 columns (a URL stands alone). */
export function renderReviewTable(r: Review): string {
  const title = `Treatment review as of ${r.asOf}${r.patient === null ? "" : ` (patient ${r.patient})`}`;
  return `${[
    title,
    "",
    ...warnings(r),
    ...intensityLines(r),
    ...outcomes(r),
    ...reviewDates(r),
    ...options(r),
    ...sources(r),
    ...wrap(r.disclaimer, 0),
  ].join("\n")}\n`;
}
