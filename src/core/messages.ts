import type { Message } from "./resultSchema.js";
import type { NoteCode, WarningCode } from "../data/messageCodes.js";
import type { Source } from "../data/sources.js";

// Codes are stable: scripts match on them. Each is declared once, as the key of its entry in
// src/data/messageCodes.ts (what `mmn-dose explain` prints); a type-only import loads nothing.
export type { NoteCode, WarningCode };

/**
 * A warning or note. `remedies` are the options that address a warning, each one the tool accepts
 * when added to the same command (a property test re-runs them), e.g. `["--days 3", "--round none"]`.
 */
export function message(
  code: WarningCode | NoteCode,
  text: string,
  sources: readonly Source[] = [],
  remedies: readonly string[] = [],
): Message {
  return {
    code,
    message: text,
    ...(sources.length > 0 ? { sources: sources.map((s) => s.url) } : {}),
    ...(remedies.length > 0 ? { remedies: [...remedies] } : {}),
  };
}
