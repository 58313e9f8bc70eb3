import { ScheduleResultSchema } from "../core/resultSchema.js";
import { UsageError } from "./cliError.js";
import { closest } from "./suggest.js";

/**
 * Compact batch lines: `--fields a,b` keeps those top-level keys of each result (with `line`, `id`
 * and `schemaVersion`); `--no-sources` drops every `sources` array (the result's list and each
 * warning's and note's), which repeat on every line. Error lines are never shaped.
 */
export interface LineShape {
  readonly fields?: readonly string[];
  readonly noSources?: boolean;
}

/** The top-level keys of a result that `--fields` may name, in the schema's order. */
export function resultFields(): string[] {
  return Object.keys(ScheduleResultSchema.shape);
}

/** `--fields patient,infusions`: each a result key (any case, spaces ignored), else exit 2 naming the valid ones. */
export function checkFields(value: string): string[] {
  const valid = resultFields();
  const names = value.split(",").map((name) => name.trim());
  return names.map((name) => {
    const found = valid.find((key) => key.toLowerCase() === name.toLowerCase());
    if (found !== undefined) return found;
    const near = closest(
      name,
      valid.map((key) => key.toLowerCase()),
    );
    const hint = near === undefined ? "" : ` (did you mean ${valid.find((key) => key.toLowerCase() === near)}?)`;
    throw new UsageError(
      "INVALID_OPTION",
      `batch --fields: '${name}' is not a field${hint}; fields are ${valid.join(", ")}`,
    );
  });
}

function withoutSources(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item) => {
    if (typeof item !== "object" || item === null || !("sources" in item)) return item;
    const { sources: _sources, ...rest } = item as Record<string, unknown>;
    return rest;
  });
}

/** One output line, shaped: the fields kept, the sources dropped. */
export function shapeLine(out: Record<string, unknown>, shape: LineShape): Record<string, unknown> {
  if ("error" in out || (shape.fields === undefined && !shape.noSources)) return out;
  const keep = shape.fields === undefined ? undefined : new Set(["line", "id", "schemaVersion", ...shape.fields]);
  const shaped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(out)) {
    if (keep !== undefined && !keep.has(key)) continue;
    if (shape.noSources && key === "sources") continue;
    shaped[key] = shape.noSources ? withoutSources(value) : value;
  }
  return shaped;
}
