/**
 * Control characters in text echoed from the input (a product name with ESC [31m, a CR) would reach
 * the terminal raw: they are written as escapes instead, \u001b style (\n, \r and \t as such).
 * Also escaped: DEL, C1 controls, line/paragraph separators and bidirectional overrides, which
 * reorder or hide what a reader sees.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
