/** `--json`: the result object, two-space indented, one trailing newline. Deterministic. */
export function renderJson(result: unknown): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
