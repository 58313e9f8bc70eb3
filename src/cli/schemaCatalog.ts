/**
 * The JSON Schemas `mmn-dose schema [name]` prints, by name, with the output each describes: each
 * built only when asked for (a lazy import), so a new machine output adds one entry here and the
 * command, its help and completion follow.
 */
export const SCHEMAS = {
  schedule: {
    output: "mmn-dose --json",
    build: async () => (await import("../core/resultSchema.js")).jsonOutputJsonSchema(),
  },
  batch: {
    output: "a JSON line of mmn-dose batch (a schedule with line and id, or an error line)",
    build: async () => (await import("../core/outputSchemas.js")).batchLineJsonSchema(),
  },
  compare: {
    output: "compare --json",
    build: async () => (await import("../core/outputSchemas.js")).compareJsonSchema(),
  },
  forecast: {
    output: "batch --forecast --json",
    build: async () => (await import("../core/outputSchemas.js")).forecastJsonSchema(),
  },
  review: {
    output: "review --json",
    build: async () => (await import("../core/reviewSchema.js")).reviewJsonSchema(),
  },
  "review-due": {
    output: "review --due --json",
    build: async () => (await import("../core/reviewSchema.js")).reviewDueJsonSchema(),
  },
} as const satisfies Record<string, { readonly output: string; readonly build: () => Promise<unknown> }>;

export type SchemaName = keyof typeof SCHEMAS;

/** The names, in the order of the table (`schedule`, the default, first). */
export const SCHEMA_NAMES = Object.keys(SCHEMAS) as SchemaName[];
