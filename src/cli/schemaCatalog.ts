/** A machine output's schema: what it validates (the words `schema --help` gives it) and how it is built. */
interface SchemaEntry {
  readonly validates: string;
  readonly build: () => Promise<unknown>;
}

/**
 * The JSON Schemas `mmn-dose schema [name]` prints, by name: each built only when asked for (a lazy
 * import), so a new machine output adds one entry here and the command, its help and completion follow.
 */
export const SCHEMAS = {
  schedule: {
    validates: "mmn-dose --json",
    build: async () => (await import("../core/resultSchema.js")).jsonOutputJsonSchema(),
  },
  batch: {
    validates: "a JSON line of mmn-dose batch (a schedule with line and id, or an error line)",
    build: async () => (await import("../core/outputSchemas.js")).batchLineJsonSchema(),
  },
  compare: {
    validates: "compare --json",
    build: async () => (await import("../core/outputSchemas.js")).compareJsonSchema(),
  },
  forecast: {
    validates: "batch --forecast --json",
    build: async () => (await import("../core/outputSchemas.js")).forecastJsonSchema(),
  },
  review: {
    validates: "review --json",
    build: async () => (await import("../core/reviewSchema.js")).reviewJsonSchema(),
  },
} as const satisfies Record<string, SchemaEntry>;

export type SchemaName = keyof typeof SCHEMAS;

/** The names, in the order of the table (`schedule`, the default, first). */
export const SCHEMA_NAMES = Object.keys(SCHEMAS) as SchemaName[];
