import { createHash } from "node:crypto";
import type { Bundle, Dosage, MedicationRequest, Patient, Quantity, Reference } from "@medplum/fhirtypes";
import { formatNumber, plural } from "../core/format.js";
import type { Infusion, ScheduleResult } from "../core/resultSchema.js";
import { warningsOfPhase } from "./phases.js";
import { formatVials, hoursMinutes } from "./quantities.js";

// `--format fhir`: the schedule as a FHIR R4 Bundle (type collection) holding one MedicationRequest,
// a draft proposal for the prescriber to review in the EHR. Types from @medplum/fhirtypes (erased at
// build). Deterministic: no timestamps; the resource id is a name-based UUID of the patient identity
// and the courses it covers (of its own content without an identity).

const SNOMED_CT = "http://snomed.info/sct";
const UCUM = "http://unitsofmeasure.org";

/** Route of administration, SNOMED CT (the FHIR route-codes value set displays these terms). */
const ROUTE_CODES = {
  ivig: { system: SNOMED_CT, code: "47625008", display: "Intravenous route" },
  scig: { system: SNOMED_CT, code: "34206005", display: "Subcutaneous route" },
} as const;

interface FhirOptions {
  /** `--patient-ref`: a literal reference, `Patient/<id>`. */
  readonly patientRef?: string;
  /** Without a reference: who the schedule is for, shown as the subject's display (batch: the line's id). */
  readonly subjectLabel?: string;
}

/** `--format fhir`: the Bundle as indented JSON, one trailing newline. */
export function renderFhir(r: ScheduleResult, options: FhirOptions = {}): string {
  return `${JSON.stringify(fhirBundle(r, options), null, 2)}\n`;
}

/** The schedule as a Bundle (type collection): one MedicationRequest, or one per phase of a `--plan`. */
export function fhirBundle(r: ScheduleResult, options: FhirOptions = {}): Bundle {
  return {
    resourceType: "Bundle",
    type: "collection",
    entry: medicationParts(r).map((part) => {
      const { resourceType, ...request } = medicationRequest(r, part, options);
      const id = nameBasedUuid(resourceName(part, options) ?? JSON.stringify(request));
      // R4 Bundle.entry.fullUrl: SHALL have a value outside a transaction POST; a urn:uuid agrees with the id.
      return { fullUrl: `urn:uuid:${id}`, resource: { resourceType, id, ...request } };
    }),
  };
}

/**
 * The name a MedicationRequest's id derives from when the patient is known (`--patient-ref`, or a
 * batch line's id): that identity, the phase and the courses and days it covers, never the weight,
 * dose, product or start, so a reissue after a change keeps the id. Undefined without an identity
 * (the id then derives from the request's content, so two patients never share one).
 */
function resourceName(part: MedicationPart, options: FhirOptions): string | undefined {
  const identity = options.patientRef ?? options.subjectLabel;
  if (identity === undefined) return undefined;
  const first = part.infusions[0]!;
  const last = part.infusions.at(-1)!;
  const span = `c${first.course}d${first.day}-c${last.course}d${last.day}`;
  return ["MedicationRequest", identity, `phase ${part.phase ?? 1}`, span].join("\u0000");
}

/** What one MedicationRequest orders: one product by one route, and its infusions. */
interface MedicationPart {
  readonly route: "ivig" | "scig";
  readonly productName: string;
  readonly infusions: readonly Infusion[];
  /** The plan's phase (1-based), when the result is a treatment plan. */
  readonly phase?: number;
}

/** A plan's phases may change product and route, and a MedicationRequest names one medication: one per phase. */
function medicationParts(r: ScheduleResult): MedicationPart[] {
  if (r.phases === undefined) return [{ ...r.regimen, infusions: r.infusions }];
  const parts = r.phases.map((p) => ({ ...p, infusions: r.infusions.filter((i) => i.phase === p.phase) }));
  // --on / --course: only the phases with an infusion shown.
  return parts.filter((p) => p.infusions.length > 0);
}

function medicationRequest(r: ScheduleResult, part: MedicationPart, options: FhirOptions): MedicationRequest {
  // A plan's request carries its own phase's warnings (and those of every phase), not the others'.
  const notes = warningsOfPhase(r, part.phase).map((w) => ({ text: `${w.code}: ${w.message}` }));
  return {
    resourceType: "MedicationRequest",
    status: "draft",
    intent: "proposal",
    medicationCodeableConcept: { text: part.productName },
    subject: subject(r, options),
    reasonCode: [{ text: "Multifocal motor neuropathy" }],
    dosageInstruction: part.infusions.map((i, k) => dosage(part, i, k + 1)),
    ...(notes.length > 0 ? { note: notes } : {}),
  };
}

function subject(r: ScheduleResult, options: FhirOptions): Reference<Patient> {
  if (options.patientRef !== undefined) return { reference: options.patientRef };
  const who = options.subjectLabel === undefined ? "" : `${options.subjectLabel}, `;
  return { display: `Unidentified patient (${who}${formatNumber(r.patient.weightKg)} kg)` };
}

const ucum = (value: number, code: string): Quantity => ({ value, unit: code, system: UCUM, code });

function dosage(part: MedicationPart, i: Infusion, sequence: number): Dosage {
  const steps = i.ratePlan.map((s) => s.mlPerHour);
  const first = steps[0] ?? 0;
  const last = steps[steps.length - 1] ?? first;
  // One rate is a rateQuantity; a titration is the range it climbs through (the order is in the text).
  const rate =
    first === last
      ? { rateQuantity: ucum(first, "mL/h") }
      : { rateRange: { low: ucum(first, "mL/h"), high: ucum(last, "mL/h") } };
  return {
    sequence,
    text: dosageText(part, i),
    timing: { event: [i.date] },
    route: { coding: [ROUTE_CODES[part.route]], text: part.route === "ivig" ? "IV" : "SC" },
    doseAndRate: [{ doseQuantity: ucum(i.doseG, "g"), ...rate }],
  };
}

/** "2026-12-01 (Tue), course 1 day 1 of 2: 70 g Gammagard Liquid 10 % IV, 700 mL; vials …; rate …" */
function dosageText(part: MedicationPart, i: Infusion): string {
  const route = part.route === "ivig" ? "IV" : "SC";
  const sites =
    i.sites === undefined
      ? ""
      : ` at ${plural(i.sites, "site")} (${i.sitesAtOnce ?? i.sites} at once, ${formatNumber(i.volumePerSiteMl ?? 0, 1)} mL each)`;
  const rate = i.ratePlan
    .map((s, k) => `${k === 0 ? "" : `from ${hoursMinutes(s.startMinute)} `}${formatNumber(s.mlPerHour, 1)} mL/h`)
    .join(", ");
  const parts = [
    `${i.date} (${i.weekday}), course ${i.course} day ${i.day} of ${i.daysInCourse}: ` +
      `${formatNumber(i.doseG)} g ${part.productName} ${route}, ${formatNumber(i.volumeMl, 1)} mL${sites}`,
    `vials ${formatVials(i.vials)}`,
    `rate ${rate}${i.sites === undefined ? "" : " in total over the sites running at once"} (${i.infusionKind} infusion)`,
    `estimated chair time ${hoursMinutes(i.durationMinutes)}`,
  ];
  if (i.movedBecause) parts.push(`moved from ${i.plannedDate}: ${i.movedBecause}`);
  return parts.join("; ");
}

/** RFC 4122 version-5 UUID of `name` in this tool's namespace: the same schedule, the same id. */
function nameBasedUuid(name: string): string {
  const namespace = Buffer.from("8fe044f5da384a3db772f510cde6f0fe", "hex");
  const hash = createHash("sha1").update(namespace).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
