// HTML built so that nothing from the input can become markup: every value put into an `html`
// template is escaped unless it is itself `Markup` made by an `html` template.

/** Text that is already HTML (made by {@link html}); inserted as is. */
export class Markup {
  constructor(readonly source: string) {}
}

/** What an `html` template accepts: markup, text and numbers (escaped), lists of them, or nothing. */
export type Part = Markup | string | number | readonly Part[] | null | undefined | false;

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const NEEDS_ESCAPING = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Text as HTML text or attribute value: `& < > " '` become entities; control characters (which
 * HTML does not allow) are written visibly as `\u00XX`, as the CLI's messages escape them.
 *
 * @example
 * escapeHtml(`<script>alert("a&b")</script>`) //=> "&lt;script&gt;alert(&quot;a&amp;b&quot;)&lt;/script&gt;"
 */
export function escapeHtml(text: string): string {
  // Most values need no escaping: one test then, not two replaces (a sheet escapes thousands of
  // values, and the cheaper call keeps V8 from spending start-up on optimising this function).
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
}

function partText(value: Part): string {
  if (value instanceof Markup) return value.source;
  if (Array.isArray(value)) return value.map(partText).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/** A tagged template: the literal parts are markup, every value is escaped (unless it is `Markup`). */
export function html(strings: TemplateStringsArray, ...values: readonly Part[]): Markup {
  let out = strings[0]!;
  for (let k = 0; k < values.length; k++) out += partText(values[k]) + strings[k + 1]!;
  return new Markup(out);
}

/** A table's head row; `false` leaves a column out. */
export const headRow = (labels: readonly (string | false)[]): Markup =>
  html`<thead><tr>${labels.map((l) => (l === false ? "" : html`<th>${l}</th>`))}</tr></thead>`;

/** A right-aligned number cell. */
export const num = (text: string | number | undefined): Markup => html`<td class="num">${text}</td>`;

/** A text cell, with an optional class. */
export const cell = (text: string, className?: string): Markup =>
  className === undefined ? html`<td>${text}</td>` : html`<td class="${className}">${text}</td>`;
