import { formatNumber, plural } from "../core/format.js";
import type { Message, ScheduleResult } from "../core/resultSchema.js";
import { REGION_LABEL } from "../data/products.js";
import { explainSection } from "./explainSection.js";
import { fitToWidth, visible } from "./fitWidth.js";
import { NO_COLOR, type Paint } from "./paint.js";
import { phaseFields, phaseHeading } from "./phases.js";
import { formatVials, grams, hoursMinutes, scigRateText } from "./quantities.js";
import { settingsLine, settingText } from "./settingsLine.js";

type Infusion = ScheduleResult["infusions"][number];

/** `width`: a terminal's columns to wrap to; absent, lines are not wrapped (a pipe, a file). */
export interface TableLayout {
  readonly width?: number | undefined;
}

/**
 * The pharmacist's view: what was assumed, what each course gives, the dated infusion days with
 * volumes and vials, then notes and sources; the warnings come right after the header. Numbers carry
 * no trailing zeros (ISMP: "1.0" is misread as "10"). Each section is a function returning its lines.
 */
export function renderTable(r: ScheduleResult, paint: Paint = NO_COLOR, layout: TableLayout = {}): string {
  const { width } = layout;
  let plans = new RatePlanLetters();
  let infusions = infusionsSection(r, paint, plans, formatVials);
  // On a narrow terminal the vials are written compactly ("2×30+1×10 g") before any column wraps.
  if (width !== undefined && infusions.some((line) => visible(line) > width)) {
    plans = new RatePlanLetters();
    infusions = infusionsSection(r, paint, plans, compactVials);
  }
  // Warnings first: a pharmacist reads from the top, so they follow the header, before the schedule.
  const lines = [
    ...summarySection(r, paint),
    "",
    ...warningsSection(r, paint),
    ...infusions,
    "",
    ...ratePlansSection(r, paint, plans),
    ...(r.explain ? explainSection(r.explain, paint) : []),
    ...notesSection(r, paint),
    ...sourcesSection(r, paint),
  ];
  return `${(width === undefined ? lines : fitToWidth(lines, width)).join("\n")}\n`;
}

/** "only Tue 2026-12-01 (--on)" or "only course 4 (--course)": the rest was planned, not shown. */
function windowText(w: NonNullable<ScheduleResult["window"]>): string {
  const what = "on" in w ? `the infusions on ${w.on} (--on)` : `course ${w.course} (--course)`;
  return `only ${what}; planned as the whole schedule`;
}

function roundingOrigin(r: ScheduleResult): string {
  const { roundingSource: source } = r.regimen;
  if (source === "policy") return ` from ${settingText(r, "policy", "--policy", r.patient.policy ?? "")}`;
  return source === "default" ? " (default)" : "";
}

const weeks = (n: number) => plural(n, "week");

/** "exact, --round vial (default)" or "exact 146 g, --round 5g from --policy ontario: −1 g". */
function roundingText(r: ScheduleResult): string {
  const g = r.regimen;
  const setting =
    g.roundingSource === "option" ? settingText(r, "round", "--round", g.rounding) : `--round ${g.rounding}`;
  // An SCIG dose always goes to whole vials (unless --round none); --round 5g rounded the IVIG course it converts.
  const how = g.scig && g.rounding === "vial" ? "whole vials" : `${setting}${roundingOrigin(r)}`;
  if (g.courseDoseG === g.exactCourseDoseG) return `exact, ${how}`;
  return `exact ${grams(g.exactCourseDoseG)}, ${how}: ${g.roundingDifferenceG > 0 ? "+" : "−"}${grams(Math.abs(g.roundingDifferenceG))}`;
}

/** The patient as typed and as read. */
function patientText(p: ScheduleResult["patient"]): string {
  const body = [`${formatNumber(p.weightKg)} kg (typed ${p.weightAsEntered})`];
  if (p.heightCm !== null) body.push(`${formatNumber(p.heightCm, 1)} cm (typed ${p.heightAsEntered})`);
  if (p.sex !== null) body.push(p.sex);
  if (p.ageYears !== null) body.push(plural(p.ageYears, "year"));
  if (p.pregnant) body.push("pregnant");
  if (p.bmi !== null) body.push(`BMI ${formatNumber(p.bmi, 1)}`);
  return body.join(", ");
}

/** The heading and the labelled fields: patient, weights, regimen, product, dates. */
function summarySection(r: ScheduleResult, paint: Paint): string[] {
  const { patient: p, regimen: g } = r;
  const scig = g.scig;
  const lines = [
    paint.bold(
      `mmn-dose · ${r.phases ? `treatment plan of ${r.phases.length} phase${r.phases.length > 1 ? "s" : ""}` : g.productName} · ` +
        `${r.phases ? "" : `${scig ? "SCIG" : "IVIG"} `}schedule for multifocal motor neuropathy · ` +
        `${REGION_LABEL[g.region]}`,
    ),
  ];
  const field = (label: string, value: string) => lines.push(`  ${paint.dim(label.padEnd(15))}${value}`);
  const settings = settingsLine(r);
  if (settings !== undefined) field("Settings", settings);
  field("Patient", patientText(p));
  if (p.idealWeightKg !== null) {
    field(
      "Ideal weight",
      `${formatNumber(p.idealWeightKg)} kg (Devine); adjusted ${formatNumber(p.adjustedWeightKg!)} kg (IBW + 0.4 × ` +
        `(actual − IBW))`,
    );
  }
  const rule =
    p.policy !== null && p.dosingWeightRule === `policy:${p.policy}`
      ? ` [${settingText(r, "policy", "--policy", p.policy)}]`
      : p.dosingWeightRule === "actual"
        ? ""
        : ` [--dosing-weight ${p.dosingWeightRule}]`;
  field("Dosing weight", `${paint.bold(`${formatNumber(p.dosingWeightKg)} kg`)} ${p.dosingWeightReason}${rule}`);
  // A treatment plan (--plan) lists its phases instead of one regimen.
  for (const [label, value] of r.phases ? phaseFields(r) : scig ? scigFields(r, paint) : ivigFields(r, paint))
    field(label, value);
  const vials = g.vialSizesG.map((v) => formatNumber(v)).join(", ");
  if (!r.phases)
    field("Product", `${g.productName}, ${formatNumber(g.concentrationGPerMl * 1000)} mg/mL; vials ${vials} g`);
  const first = r.infusions[0]!;
  const last = r.infusions[r.infusions.length - 1]!;
  const sessions = scig && scig.sessions > 1 ? ` (× ${scig.sessions} sessions)` : "";
  const count = r.phases ? `${r.courseTotals.length} courses` : String(g.courses);
  field(
    r.phases ? "Plan" : scig ? "Infusions" : "Courses",
    // --on / --course: the count and start are the whole schedule's; the dates, those shown.
    `${count}${sessions}, ${r.window ? `planned from ${g.startDate}; shown` : "from"} ` +
      `${first.weekday} ${first.date} to ${last.weekday} ${last.date}`,
  );
  const c = r.continuation;
  if (c !== undefined) {
    const from = c.lastCourse ?? c.lastScig;
    const after =
      from === null
        ? `${c.coursesGiven} given`
        : `after ${from}${c.coursesGiven > 0 ? `, ${c.coursesGiven} given` : ""}`;
    const unit = c.lastScig !== null ? "dose" : "course";
    field("Continuing", `${after}: ${unit} ${c.firstCourse} at the ${paint.bold(`${c.rates} rates`)}: ${c.reason}`);
  }
  if (r.window !== undefined) field("Showing", windowText(r.window));
  // The header ends with the warnings' count, so a reader sees at once whether any follow.
  const n = r.warnings.length;
  field("Warnings", n === 0 ? "none" : paint.warn(`${n}, listed below`));
  return lines;
}

/** A day's g/kg as the planner gave it (the infusion record), not divided again by the rounded dosing weight. */
function perKg(r: ScheduleResult, doseG: number): number {
  return r.infusions.find((i) => i.doseG === doseG)?.doseGPerKg ?? doseG / r.patient.dosingWeightKg;
}

function ivigFields(r: ScheduleResult, paint: Paint): [string, string][] {
  const { regimen: g } = r;
  return [
    [
      "Regimen",
      // A single course (a loading dose) has no monthly rate: "4.35 g/kg/month" would misread one course as a regimen.
      g.courses === 1
        ? `${formatNumber(g.doseGPerKg)} g/kg, a single course`
        : `${formatNumber(g.doseGPerKg)} g/kg every ${weeks(g.intervalWeeks)} (${formatNumber(g.monthlyDoseGPerKg)} g/kg/month)`,
    ],
    ["Course dose", `${paint.bold(grams(g.courseDoseG))} (${roundingText(r)})`],
    ["Split", splitLine(r)],
  ];
}

/**
 * The split with why it has its days, as the planner recorded: the fewest days the daily cap allows
 * for the prescribed dose (a day rounded to whole vials may still pass it: its note says so), or the
 * days asked for (named after the count, the cap still shown). Never "within": that is the notes' to say.
 */
function splitLine(r: ScheduleResult): string {
  const { regimen: g } = r;
  const days = g.dayDosesG;
  const cap = settingText(r, "maxDaily", "--max-daily", `${formatNumber(g.maxDailyGPerKg)} g/kg`);
  const asked = g.daysPerCourseReason === "requested";
  const count = `${plural(days.length, "day")}${asked ? ` (${settingText(r, "days", "--days", String(days.length))})` : ""}`;
  const split =
    new Set(days).size === 1
      ? `${count} of ${grams(days[0]!)} (${formatNumber(perKg(r, days[0]!), 3)} g/kg/day)`
      : `${count}: ${days.map(grams).join(" + ")}`;
  return asked ? `${split}; ${cap}` : `${split}; fewest days for ${cap}`;
}

function scigFields(r: ScheduleResult, paint: Paint): [string, string][] {
  const g = r.regimen;
  const scig = g.scig!;
  const sessions = scig.sessions > 1 ? `, in ${scig.sessions} sessions: ${g.dayDosesG.map(grams).join(" + ")}` : "";
  const perCourse = `${grams(scig.ivigCourseDoseG)} per course`;
  const conversion = `${grams(scig.ivigCourseDoseG)} ÷ ${weeks(scig.ivigIntervalWeeks)} × ${formatNumber(scig.factor)}`;
  return [
    ["IVIG regimen", `${formatNumber(scig.ivigDoseGPerKg)} g/kg every ${weeks(scig.ivigIntervalWeeks)} = ${perCourse}`],
    ["Conversion", `${conversion} = ${grams(scig.weeklyDoseG)} a week (factor ${scig.factorSource})`],
    [
      "SCIG dose",
      `${paint.bold(grams(g.courseDoseG))} every ${weeks(scig.everyWeeks)} ` +
        `(${roundingText(r)})${sessions}${scig.rampUp ? "; HyQvia ramp-up first" : ""}`,
    ],
    ["Start", `${g.startDate} (${scig.startRule})`],
  ];
}

type RatePlan = Infusion["ratePlan"];
type InfusionKind = Infusion["infusionKind"];

/** Two rate plans are the same plan when every step has the same start and rates. */
function samePlan(a: RatePlan, b: RatePlan): boolean {
  return (
    a.length === b.length &&
    a.every((s, k) => {
      const t = b[k]!;
      return (
        s.startMinute === t.startMinute &&
        s.mlPerHour === t.mlPerHour &&
        s.mlPerKgPerHour === t.mlPerKgPerHour &&
        s.mgPerKgPerMin === t.mgPerKgPerMin
      );
    })
  );
}

/**
 * One letter per distinct rate plan (by its step values), so a plan is printed once, not on every
 * day, with the kinds of infusion (first, later) that run through it, in the order they occur.
 */
class RatePlanLetters {
  readonly plans: {
    readonly steps: RatePlan;
    readonly kinds: InfusionKind[];
    readonly phases: number[];
    /** SCIG: the sites running at once through this plan (its steps are their total). */
    readonly sitesAtOnce: number | undefined;
  }[] = [];
  letterOf(i: Infusion): string {
    let k = this.plans.findIndex((p) => samePlan(p.steps, i.ratePlan));
    const sitesAtOnce = i.sites === undefined ? undefined : (i.sitesAtOnce ?? i.sites);
    if (k < 0) k = this.plans.push({ steps: i.ratePlan, kinds: [], phases: [], sitesAtOnce }) - 1;
    const { kinds, phases } = this.plans[k]!;
    if (!kinds.includes(i.infusionKind)) kinds.push(i.infusionKind);
    if (i.phase !== undefined && !phases.includes(i.phase)) phases.push(i.phase);
    return String.fromCharCode(65 + k);
  }
}

/** The cells of one infusion day. */
function infusionRow(i: Infusion, first: boolean, scig: boolean, plans: RatePlanLetters, vials: VialText): string[] {
  return [
    first ? String(i.course) : "",
    `${i.weekday} ${i.date}${i.movedBecause ? "*" : ""}`,
    `${i.day}/${i.daysInCourse}`,
    formatNumber(i.doseG),
    formatNumber(i.doseGPerKg, 3),
    formatNumber(i.volumeMl, 1),
    ...(scig ? [sitesCell(i)] : []),
    plans.letterOf(i),
    hoursMinutes(i.durationMinutes),
    vials(i.vials) + (i.wasteG > 0 ? ` (${grams(i.wasteG)} left over)` : ""),
  ];
}

type VialText = (vials: readonly { readonly sizeG: number; readonly count: number }[]) => string;

/**
 * Vials in few columns, for a narrow terminal.
 *
 * @example
 * compactVials([{ sizeG: 30, count: 2 }, { sizeG: 10, count: 1 }]) //=> "2×30+1×10 g"
 */
const compactVials: VialText = (vials) => `${vials.map((v) => `${v.count}×${formatNumber(v.sizeG)}`).join("+")} g`;

/** The dated infusion days, course by course, with a total row for a course of several days. */
function infusionsSection(r: ScheduleResult, paint: Paint, plans: RatePlanLetters, vials: VialText): string[] {
  // A treatment plan may mix routes: the Sites column shows when any infusion has sites.
  const scig = r.regimen.scig !== null || r.infusions.some((i) => i.sites !== undefined);
  const sites = scig ? ["Sites × mL"] : [];
  const mixed = r.phases !== undefined;
  const header = [
    scig && !mixed ? "No." : "Course",
    "Date",
    scig && !mixed ? "Session" : "Day",
    "Dose g",
    "g/kg",
    "Volume mL",
  ];
  header.push(...sites, "Plan", "Chair", "Vials");
  const rows: string[][] = [];
  const headings = new Map<number, number>();
  for (const total of r.courseTotals) {
    if (total.phase !== undefined && ![...headings.values()].includes(total.phase))
      headings.set(rows.length, total.phase);
    const days = r.infusions.filter((i) => i.course === total.course);
    for (const [k, i] of days.entries()) rows.push(infusionRow(i, k === 0, scig, plans, vials));
    if (days.length > 1) {
      const volume = formatNumber(total.volumeMl, 1);
      rows.push([
        "",
        "",
        "total",
        formatNumber(total.doseG),
        "",
        volume,
        ...(scig ? [""] : []),
        "",
        "",
        vials(total.vials),
      ]);
    }
  }
  const rightAligned = new Set(scig ? [0, 3, 4, 5, 6, 8] : [0, 3, 4, 5, 7]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const formatRow = (row: string[]) =>
    row
      .map((cell, c) =>
        c === row.length - 1 ? cell : rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!),
      )
      .join("  ")
      .trimEnd();
  const lines = [paint.bold(formatRow(header))];
  let previousCourse = "";
  for (const [n, row] of rows.entries()) {
    const text = formatRow(row);
    const phase = headings.get(n);
    if (phase !== undefined) {
      if (n > 0) lines.push("");
      lines.push(paint.bold(phaseHeading(r, phase)));
      previousCourse = "";
    }
    if (row[0] !== "" && previousCourse !== "") lines.push("");
    if (row[0] !== "") previousCourse = row[0]!;
    lines.push(row[2] === "total" ? paint.dim(text) : text);
  }
  if (r.infusions.some((i) => i.movedBecause)) lines.push("* moved from its planned date (see Notes)");
  if (r.infusions.some((i) => (i.siteRounds ?? 1) > 1)) {
    lines.push(
      "Sites n × mL (a + b): n sites of that volume, run in rounds of a, then b sites, one after another: never more at once than the " +
        "label allows.",
    );
  }
  return lines;
}

/** Each rate plan's steps, by letter; chair time; HyQvia's hyaluronidase. */
function ratePlansSection(r: ScheduleResult, paint: Paint, plans: RatePlanLetters): string[] {
  // A treatment plan's phases may change product and route: each letter then names its phase's rates.
  const byPhase = r.phases?.some((p) => p.product !== r.regimen.product) ?? false;
  const lines = [paint.bold("Rate plans") + (byPhase ? "" : ` (${ratesText(r.regimen)})`)];
  plans.plans.forEach(({ steps, kinds, phases, sitesAtOnce }, k) => {
    const phaseRegimen = byPhase ? r.phases?.[phases[0]! - 1]?.regimen : undefined;
    const inPhases =
      phases.length === 0 ? "" : ` (phase ${phases.join(", ")}${phaseRegimen ? `: ${ratesText(phaseRegimen)}` : ""})`;
    lines.push(`  ${paint.bold(String.fromCharCode(65 + k))}  ${kinds.join(", ")} infusions${inPhases}`);
    for (const step of steps) {
      const from = `     from ${hoursMinutes(step.startMinute).padStart(5)}  `;
      // SCIG speaks SCIG units (mL/h in all and per site); IV mg/kg/min would be meaningless under the skin.
      if (sitesAtOnce !== undefined) {
        lines.push(`${from}${scigRateText(step.mlPerHour, sitesAtOnce)}`);
        continue;
      }
      const perKg = `(${formatNumber(step.mlPerKgPerHour, 3)} mL/kg/h, ${formatNumber(step.mgPerKgPerMin, 2)} mg/kg/min)`;
      lines.push(`${from}${formatNumber(step.mlPerHour, 1).padStart(6)} mL/h  ${perKg}`);
    }
  });
  lines.push("  Chair = time to run the day's volume through its plan (h:mm, rounded up to the minute).", "");
  if (r.infusions.some((i) => i.hyaluronidaseMl !== undefined)) {
    const doses = [
      ...new Set(r.infusions.map((i) => `${formatNumber(i.hyaluronidaseMl ?? 0, 1)} mL with ${grams(i.doseG)}`)),
    ];
    lines.push(`  Hyaluronidase first: ${doses.join("; ")}`, "");
  }
  return lines;
}

/** Whose rates a plan follows: "Gammagard Liquid 10 %, MMN (US label) rates, per kg …; step every 30 min". */
function ratesText(g: ScheduleResult["regimen"]): string {
  const rates = g.rates;
  return rates
    ? `${g.productName}, ${rates.indication} rates, per kg of dosing weight ${formatNumber(rates.rateWeightKg)} kg; step every ` +
        `${rates.stepMinutes} min`
    : `${g.productName}: the sites running at once together, each at the label's per-site rate`;
}

/** One block of messages: its title, then each code and text. */
function messageBlock(
  title: string,
  marker: string,
  messages: readonly Message[],
  style: (t: string) => string,
  paint: Paint,
): string[] {
  if (messages.length === 0) return [];
  return [paint.bold(title), ...messages.map((m) => `  ${style(`${marker} ${m.code}`)}: ${m.message}`), ""];
}

/** The warnings, right after the header (its `Warnings` line says "none" when there are none). */
function warningsSection(r: ScheduleResult, paint: Paint): string[] {
  return messageBlock(`Warnings (${r.warnings.length})`, "!", r.warnings, paint.warn, paint);
}

/** The notes, at the end before the sources. */
function notesSection(r: ScheduleResult, paint: Paint): string[] {
  return messageBlock("Notes", "i", r.notes, paint.note, paint);
}

function sourcesSection(r: ScheduleResult, paint: Paint): string[] {
  const lines = [paint.bold("Sources")];
  for (const s of r.sources) lines.push(`  ${s.title}`, `    ${paint.dim(s.url)}`);
  lines.push("");
  lines.push(
    paint.dim(
      "Decision support only: check against the current label and local policy; the prescriber and pharmacist decide.",
    ),
  );
  return lines;
}

/** SCIG sites: `4 × 43.8`, or with rounds of sites run in turn `9 × 19.4 (3 + 3 + 3)`. */
function sitesCell(i: Infusion): string {
  if (i.sites === undefined) return "";
  const cell = `${i.sites} × ${formatNumber(i.volumePerSiteMl ?? 0, 1)}`;
  const rounds = i.siteRounds ?? 1;
  if (rounds <= 1 || i.sites === undefined) return cell;
  const small = Math.floor(i.sites / rounds);
  const sizes = Array.from({ length: rounds }, (_, k) => (k < i.sites! - small * rounds ? small + 1 : small));
  return `${cell} (${sizes.join(" + ")})`;
}
