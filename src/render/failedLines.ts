/** A batch line that failed, as listed on stderr, in the forecast's `failedLines` and its table. */
export interface FailedLine {
  readonly line: number;
  readonly id: string | number | null;
  readonly error: { readonly code: string; readonly message: string };
}

/** How many failed lines a summary names before it says "and N more". */
export const FAILED_LINES_NAMED = 5;

/** An id as echoed in a summary: already escaped by the caller, cut to 40 characters. */
function shortId(id: string | number): string {
  const text = String(id);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * "line 4 (id p4) INVALID_OPTION, line 9 INVALID_JSON, and 1 more": the first few of `failed`
 * failed lines (`first` holds at least the first FAILED_LINES_NAMED of them, in order).
 */
export function listFailedLines(first: readonly FailedLine[], failed: number): string {
  const named = first
    .slice(0, FAILED_LINES_NAMED)
    .map((f) => `line ${f.line}${f.id === null ? "" : ` (id ${shortId(f.id)})`} ${f.error.code}`);
  const more = failed - named.length;
  return more > 0 ? `${named.join(", ")}, and ${more} more` : named.join(", ");
}
