/**
 * The JSON Schemas `mmn-dose schema [name]` prints, by name: each built only when asked for (a lazy
 * import), so a new machine output adds one entry here and the command, its help and completion follow.
 */
export const SCHEMAS = {
  schedule: async () => (await import("../core/resultSchema.js")).jsonOutputJsonSchema(),
  batch: async () => (await import("../core/outputSchemas.js")).batchLineJsonSchema(),
  compare: async () => (await import("../core/outputSchemas.js")).compareJsonSchema(),
  forecast: async () => (await import("../core/outputSchemas.js")).forecastJsonSchema(),
  review: async () => (await import("../core/reviewSchema.js")).reviewJsonSchema(),
} satisfies Record<string, () => Promise<unknown>>;

export type SchemaName = keyof typeof SCHEMAS;

/** The names, in the order of the table (`schedule`, the default, first). */
export const SCHEMA_NAMES = Object.keys(SCHEMAS) as SchemaName[];
