/**
 * Control characters in text echoed from the input (a product name with ESC [31m, a CR) would reach
 * the terminal raw: they are written as escapes instead, \u001b style (\n, \r and \t as such).
 * Also escaped: DEL, C1 controls, line/paragraph separators and bidirectional overrides, which
 * reorder or hide what a reader sees.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_ONE = new RegExp(UNSAFE.source);
const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** An error line longer than this is cut in its middle (a 1 MB value echoed back helps nobody). */
const MESSAGE_MAX_LENGTH = 1_000;

/**
 * An error message as shown: control characters escaped, and a message over `MESSAGE_MAX_LENGTH`
 * characters cut in the middle (its start names the option, its end the accepted range).
 *
 * @example
 * shownMessage(`--product must be one of a, b; got '${"x".repeat(5000)}'`) // the start … "[4,071 characters cut]" … the end
 */
export function shownMessage(message: string): string {
  if (message.length <= MESSAGE_MAX_LENGTH) return escapeControl(message);
  // Never between the two halves of a surrogate pair.
  const head = /[\ud800-\udbff]$/.test(message.slice(0, 600)) ? 599 : 600;
  const tail = /^[\udc00-\udfff]/.test(message.slice(-300)) ? message.length - 299 : message.length - 300;
  const cut = (tail - head).toLocaleString("en-US");
  return escapeControl(`${message.slice(0, head)} … [${cut} characters cut] … ${message.slice(tail)}`);
}

/**
 * A copy of `value` with `escapeControl` applied to every string in it (object keys are the tool's own).
 * Text formats (table, CSV, calendar, sheet, `mmn-dose config`) are rendered from such a copy, so a
 * file path or id echoed anywhere in them reaches a terminal escaped; JSON escapes by itself.
 */
export function escapeStrings<T>(value: T): T {
  if (typeof value === "string") return (UNSAFE_ONE.test(value) ? escapeControl(value) : value) as T;
  if (Array.isArray(value)) return value.map(escapeStrings) as T;
  if (typeof value !== "object" || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = escapeStrings(item);
  return copy as T;
}
