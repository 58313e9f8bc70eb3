import { createHash } from "node:crypto";
import type {
  Bundle,
  BundleEntry,
  CodeableConcept,
  Dosage,
  MedicationRequest,
  Patient,
  Quantity,
  Reference,
} from "@medplum/fhirtypes";
import { addMinutes } from "date-fns";
import { formatNumber, plural } from "../core/format.js";
import type { Infusion, ScheduleResult } from "../core/resultSchema.js";
import { IVIG_PRODUCTS, SCIG_PRODUCTS } from "../data/products.js";
import { warningsOfPhase } from "./phases.js";
import { formatVials, hoursMinutes } from "./quantities.js";
import { resolveWallTime, zonedDateTime } from "./wallTime.js";

// `--format fhir`: the schedule as a FHIR R4 Bundle (type collection, or transaction with
// `--fhir-bundle transaction`) holding one MedicationRequest, a draft proposal for the prescriber to
// review in the EHR. Types from @medplum/fhirtypes (erased at build). Deterministic: no timestamps
// (no authoredOn, no meta.lastUpdated); the resource id is a name-based UUID of the patient identity
// and the courses it covers (of its own content without an identity).

const SNOMED_CT = "http://snomed.info/sct";
const UCUM = "http://unitsofmeasure.org";
/** The FHIR R4 code system URI of the US National Drug Code. */
const NDC = "http://hl7.org/fhir/sid/ndc";

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
  /** `--fhir-bundle`: a collection to file, or a transaction an EHR takes in one call (each entry a POST). */
  readonly bundleType?: "collection" | "transaction";
  /** `--time` and its zone: each dosage then starts at a dateTime, one dosage per rate step. */
  readonly clock?: { readonly time: string; readonly tz: string };
}

/** `--format fhir`: the Bundle as indented JSON, one trailing newline. */
export function renderFhir(r: ScheduleResult, options: FhirOptions = {}): string {
  return `${JSON.stringify(fhirBundle(r, options), null, 2)}\n`;
}

/** The schedule as a Bundle: one MedicationRequest, or one per phase of a `--plan`. */
export function fhirBundle(r: ScheduleResult, options: FhirOptions = {}): Bundle {
  const transaction = options.bundleType === "transaction";
  return {
    resourceType: "Bundle",
    type: transaction ? "transaction" : "collection",
    entry: medicationParts(r).map((part): BundleEntry => {
      const { resourceType, ...request } = medicationRequest(r, part, options);
      const id = nameBasedUuid(resourceName(part, options) ?? JSON.stringify(request));
      // R4 Bundle.entry.fullUrl: SHALL have a value outside a transaction POST; a urn:uuid agrees with the id.
      const fullUrl = `urn:uuid:${id}`;
      if (!transaction) return { fullUrl, resource: { resourceType, id, ...request } };
      // A POST creates: the server assigns the id (R4 create ignores one, and some servers refuse one);
      // the urn:uuid, derived from the same name, still names the entry.
      return { fullUrl, resource: { resourceType, ...request }, request: { method: "POST", url: "MedicationRequest" } };
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
  readonly product: string;
  readonly productName: string;
  readonly region: "us" | "eu";
  readonly infusions: readonly Infusion[];
  /** The plan's phase (1-based), when the result is a treatment plan. */
  readonly phase?: number;
}

/** A plan's phases may change product and route, and a MedicationRequest names one medication: one per phase. */
function medicationParts(r: ScheduleResult): MedicationPart[] {
  if (r.phases === undefined) return [{ ...r.regimen, infusions: r.infusions }];
  const parts = r.phases.map((p) => ({
    ...p,
    region: p.regimen.region,
    infusions: r.infusions.filter((i) => i.phase === p.phase),
  }));
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
    medicationCodeableConcept: medication(part),
    subject: subject(r, options),
    reasonCode: [{ text: "Multifocal motor neuropathy" }],
    dosageInstruction: options.clock
      ? timedDosages(part, options.clock)
      : part.infusions.map((i, k) => dosage(part, i, k + 1)),
    ...(notes.length > 0 ? { note: notes } : {}),
  };
}

/**
 * The product by name and, under the US label, by the package NDCs its catalog entry cites (an EU
 * label's product has no NDC; a product whose sources state none keeps its name only).
 */
function medication(part: MedicationPart): CodeableConcept {
  const product = [...IVIG_PRODUCTS, ...SCIG_PRODUCTS].find((p) => p.id === part.product);
  const ndcs = part.region === "us" ? (product?.usPackageNdcs?.value ?? []) : [];
  if (ndcs.length === 0) return { text: part.productName };
  return { coding: ndcs.map((n) => ({ system: NDC, code: n.code, display: n.display })), text: part.productName };
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
    route: routeOf(part),
    doseAndRate: [{ doseQuantity: ucum(i.doseG, "g"), ...rate }],
  };
}

/**
 * With `--time`: one dosage per rate step, each starting at its dateTime in the zone, with the
 * step's rate and minutes. FHIR R4 Dosage.sequence: different numbers run in order, so the steps
 * of a day, and the days, follow each other; the day's first step carries its dose in grams.
 */
function timedDosages(part: MedicationPart, clock: { time: string; tz: string }): Dosage[] {
  let sequence = 0;
  return part.infusions.flatMap((i) => {
    const start = resolveWallTime(i.date, clock.time, clock.tz).instant;
    const steps = i.ratePlan.length > 0 ? i.ratePlan : [{ startMinute: 0, mlPerHour: 0 }];
    return steps.map((step, k): Dosage => {
      const end = steps[k + 1]?.startMinute ?? i.durationMinutes;
      const rate = i.ratePlan.length > 0 ? { rateQuantity: ucum(step.mlPerHour, "mL/h") } : {};
      sequence += 1;
      return {
        sequence,
        text: k === 0 ? dosageText(part, i) : stepText(i, k, steps.length),
        timing: {
          event: [zonedDateTime(addMinutes(start, step.startMinute), clock.tz)],
          repeat: { duration: Math.max(end - step.startMinute, 0), durationUnit: "min" },
        },
        route: routeOf(part),
        doseAndRate: [{ ...(k === 0 ? { doseQuantity: ucum(i.doseG, "g") } : {}), ...rate }],
      };
    });
  });
}

/** "2026-12-01, course 1 day 1, rate step 2 of 5: 70 mL/h from 0:30" */
function stepText(i: Infusion, k: number, count: number): string {
  const step = i.ratePlan[k]!;
  return (
    `${i.date}, course ${i.course} day ${i.day}, rate step ${k + 1} of ${count}: ` +
    `${formatNumber(step.mlPerHour, 1)} mL/h from ${hoursMinutes(step.startMinute)}`
  );
}

const routeOf = (part: MedicationPart) => ({
  coding: [ROUTE_CODES[part.route]],
  text: part.route === "ivig" ? "IV" : "SC",
});

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
