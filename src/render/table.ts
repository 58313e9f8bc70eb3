import { formatNumber } from "../core/format.js";
import type { Message, ScheduleResult } from "../core/resultSchema.js";
import { NO_COLOR, type Paint } from "./paint.js";
import { REGION_LABEL } from "../data/products.js";

interface Vial {
  readonly sizeG: number;
  readonly count: number;
}

/** "2 × 30 g + 1 × 10 g" (CSV uses " x ", plain ASCII for spreadsheets without a BOM). */
export function formatVials(vials: readonly Vial[], times = " × "): string {
  return vials.map((v) => `${v.count}${times}${formatNumber(v.sizeG)} g`).join(" + ");
}

const grams = (g: number) => `${formatNumber(g)} g`;

/** 139 → "2:19" */
export function hoursMinutes(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(Math.round(minutes % 60)).padStart(2, "0")}`;
}

function roundingOrigin(source: "option" | "policy" | "default", policy: string | null): string {
  return source === "policy" ? ` from --policy ${policy}` : source === "default" ? " (default)" : "";
}

/**
 * The pharmacist's view: what was assumed, what each course gives, the dated infusion days with
 * volumes and vials, then notes, warnings and sources. Numbers carry no trailing zeros (ISMP:
 * "1.0" is misread as "10").
 */
export function renderTable(r: ScheduleResult, paint: Paint = NO_COLOR): string {
  const { patient: p, regimen: g } = r;
  const lines: string[] = [];
  const first = r.infusions[0]!;
  const last = r.infusions[r.infusions.length - 1]!;
  const days = g.dayDosesG;
  const split =
    new Set(days).size === 1
      ? `${days.length} day${days.length > 1 ? "s" : ""} of ${grams(days[0]!)} (${formatNumber(days[0]! / p.dosingWeightKg, 3)} g/kg/day)`
      : `${days.length} days: ${days.map(grams).join(" + ")}`;
  const rounding =
    g.courseDoseG === g.exactCourseDoseG
      ? `exact, --round ${g.rounding}${roundingOrigin(g.roundingSource, p.policy)}`
      : `exact ${grams(g.exactCourseDoseG)}, --round ${g.rounding}${roundingOrigin(g.roundingSource, p.policy)}: ${g.roundingDifferenceG > 0 ? "+" : "−"}${grams(Math.abs(g.roundingDifferenceG))}`;

  const scig = g.scig;
  lines.push(paint.bold(`mmn-dose · ${g.productName} · ${scig ? "SCIG" : "IVIG"} schedule for multifocal motor neuropathy · ${REGION_LABEL[g.region]}`));
  const field = (label: string, value: string) => lines.push(`  ${paint.dim(label.padEnd(15))}${value}`);
  const body = [`${formatNumber(p.weightKg)} kg (typed ${p.weightAsEntered})`];
  if (p.heightCm !== null) body.push(`${formatNumber(p.heightCm, 1)} cm (typed ${p.heightAsEntered})`);
  if (p.sex !== null) body.push(p.sex);
  if (p.ageYears !== null) body.push(`${formatNumber(p.ageYears)} years`);
  if (p.pregnant) body.push("pregnant");
  if (p.bmi !== null) body.push(`BMI ${formatNumber(p.bmi, 1)}`);
  field("Patient", body.join(", "));
  if (p.idealWeightKg !== null) {
    field("Ideal weight", `${formatNumber(p.idealWeightKg)} kg (Devine); adjusted ${formatNumber(p.adjustedWeightKg!)} kg (IBW + 0.4 × (actual − IBW))`);
  }
  const rule = p.policy !== null && p.dosingWeightRule === `policy:${p.policy}` ? ` [--policy ${p.policy}]` : p.dosingWeightRule === "actual" ? "" : ` [--dosing-weight ${p.dosingWeightRule}]`;
  field("Dosing weight", `${paint.bold(`${formatNumber(p.dosingWeightKg)} kg`)} ${p.dosingWeightReason}${rule}`);
  const weeks = (n: number) => (n === 1 ? "week" : `${n} weeks`);
  if (scig) {
    field("IVIG regimen", `${formatNumber(scig.ivigDoseGPerKg)} g/kg every ${weeks(scig.ivigIntervalWeeks)} = ${grams(scig.ivigCourseDoseG)} per course`);
    field("Conversion", `${grams(scig.ivigCourseDoseG)} ÷ ${weeks(scig.ivigIntervalWeeks)} × ${formatNumber(scig.factor)} = ${grams(scig.weeklyDoseG)} a week (factor ${scig.factorSource})`);
    field("SCIG dose", `${paint.bold(grams(g.courseDoseG))} every ${weeks(scig.everyWeeks)} (${rounding})${scig.sessions > 1 ? `, in ${scig.sessions} sessions: ${g.dayDosesG.map(grams).join(" + ")}` : ""}${scig.rampUp ? "; HyQvia ramp-up first" : ""}`);
    field("Start", `${g.startDate} (${scig.startRule})`);
  } else {
    field("Regimen", `${formatNumber(g.doseGPerKg)} g/kg every ${weeks(g.intervalWeeks)} (${formatNumber(g.monthlyDoseGPerKg)} g/kg/month)`);
    field("Course dose", `${paint.bold(grams(g.courseDoseG))} (${rounding})`);
    field("Split", `${split}; --max-daily ${formatNumber(g.maxDailyGPerKg)} g/kg`);
  }
  field("Product", `${g.productName}, ${formatNumber(g.concentrationGPerMl * 1000)} mg/mL; vials ${g.vialSizesG.map((v) => formatNumber(v)).join(", ")} g`);
  field(scig ? "Infusions" : "Courses", `${g.courses}${scig && scig.sessions > 1 ? ` (× ${scig.sessions} sessions)` : ""}, from ${first.weekday} ${first.date} to ${last.weekday} ${last.date}`);
  lines.push("");

  // One letter per distinct rate plan, so a plan is printed once, not on every day.
  const planKeys: string[] = [];
  const planOf = (plan: unknown) => {
    const key = JSON.stringify(plan);
    if (!planKeys.includes(key)) planKeys.push(key);
    return String.fromCharCode(65 + planKeys.indexOf(key));
  };
  const header = [scig ? "No." : "Course", "Date", scig ? "Session" : "Day", "Dose g", "g/kg", "Volume mL", ...(scig ? ["Sites × mL"] : []), "Plan", "Chair", "Vials"];
  const rows: string[][] = [];
  for (const total of r.courseTotals) {
    const days = r.infusions.filter((i) => i.course === total.course);
    days.forEach((i, k) => {
      rows.push([
        k === 0 ? String(total.course) : "",
        `${i.weekday} ${i.date}${i.movedBecause ? "*" : ""}`,
        `${i.day}/${i.daysInCourse}`,
        formatNumber(i.doseG),
        formatNumber(i.doseGPerKg, 3),
        formatNumber(i.volumeMl, 1),
        ...(scig ? [sitesCell(i)] : []),
        planOf(i.ratePlan),
        hoursMinutes(i.durationMinutes),
        formatVials(i.vials) + (i.wasteG > 0 ? ` (${grams(i.wasteG)} left over)` : ""),
      ]);
    });
    if (days.length > 1) {
      rows.push(["", "", "total", formatNumber(total.doseG), "", formatNumber(total.volumeMl, 1), ...(scig ? [""] : []), "", "", formatVials(total.vials)]);
    }
  }
  const rightAligned = new Set(scig ? [0, 3, 4, 5, 6, 8] : [0, 3, 4, 5, 7]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const formatRow = (row: string[]) =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  lines.push(paint.bold(formatRow(header)));
  let previousCourse = "";
  for (const row of rows) {
    const text = formatRow(row);
    if (row[0] !== "" && previousCourse !== "") lines.push("");
    if (row[0] !== "") previousCourse = row[0]!;
    lines.push(row[2] === "total" ? paint.dim(text) : text);
  }
  if (r.infusions.some((i) => i.movedBecause)) lines.push("* moved from its planned date (see Notes)");
  if (r.infusions.some((i) => (i.siteRounds ?? 1) > 1)) {
    lines.push("Sites n × mL (a + b): n sites of that volume, run in rounds of a, then b sites, one after another: never more at once than the label allows.");
  }
  lines.push("");

  const rates = g.rates;
  lines.push(
    paint.bold("Rate plans") +
      (rates
        ? ` (${g.productName}, ${rates.indication} rates, per kg of dosing weight ${formatNumber(rates.rateWeightKg)} kg; step every ${rates.stepMinutes} min)`
        : ` (${g.productName}: the sites running at once together, each at the label's per-site rate)`),
  );
  planKeys.forEach((key, k) => {
    const steps = JSON.parse(key) as ScheduleResult["infusions"][number]["ratePlan"];
    const used = r.infusions.filter((i) => JSON.stringify(i.ratePlan) === key);
    const kinds = [...new Set(used.map((i) => i.infusionKind))].join(", ");
    lines.push(`  ${paint.bold(String.fromCharCode(65 + k))}  ${kinds} infusions`);
    for (const step of steps) {
      lines.push(
        `     from ${hoursMinutes(step.startMinute).padStart(5)}  ${formatNumber(step.mlPerHour, 1).padStart(6)} mL/h  (${formatNumber(step.mlPerKgPerHour, 3)} mL/kg/h, ${formatNumber(step.mgPerKgPerMin, 2)} mg/kg/min)`,
      );
    }
  });
  lines.push("  Chair = time to run the day's volume through its plan (h:mm, rounded up to the minute).", "");
  if (r.infusions.some((i) => i.hyaluronidaseMl !== undefined)) {
    lines.push(`  Hyaluronidase first: ${[...new Set(r.infusions.map((i) => `${formatNumber(i.hyaluronidaseMl ?? 0, 1)} mL with ${grams(i.doseG)}`))].join("; ")}`, "");
  }

  const block = (title: string, marker: string, messages: readonly Message[], style: (t: string) => string) => {
    if (messages.length === 0) return;
    lines.push(paint.bold(title));
    for (const m of messages) lines.push(`  ${style(`${marker} ${m.code}`)}: ${m.message}`);
    lines.push("");
  };
  block("Notes", "i", r.notes, paint.note);
  if (r.warnings.length === 0) lines.push(paint.bold("Warnings: none"), "");
  block(`Warnings (${r.warnings.length})`, "!", r.warnings, paint.warn);

  lines.push(paint.bold("Sources"));
  for (const s of r.sources) lines.push(`  ${s.title}`, `    ${paint.dim(s.url)}`);
  lines.push("");
  lines.push(
    paint.dim("Decision support only: check against the current label and local policy; the prescriber and pharmacist decide."),
  );
  return `${lines.join("\n")}\n`;
}

/** SCIG sites: `4 × 43.8`, or with rounds of sites run in turn `9 × 19.4 (3 + 3 + 3)`. */
function sitesCell(i: ScheduleResult["infusions"][number]): string {
  const cell = `${i.sites} × ${formatNumber(i.volumePerSiteMl ?? 0, 1)}`;
  const rounds = i.siteRounds ?? 1;
  if (rounds <= 1 || i.sites === undefined) return cell;
  const small = Math.floor(i.sites / rounds);
  const sizes = Array.from({ length: rounds }, (_, k) => (k < i.sites! - small * rounds ? small + 1 : small));
  return `${cell} (${sizes.join(" + ")})`;
}
