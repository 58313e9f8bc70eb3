import type { MessageCodeInfo } from "../data/messageCodes.js";
import { wrapLine } from "./fitWidth.js";
import type { Paint } from "./paint.js";

/** `mmn-dose explain`: one code's entry, or the list of all codes, as text or JSON. */

type Codes = Readonly<Record<string, MessageCodeInfo>>;

/** A code's entry as `explain CODE --json` prints it. */
export function codeEntryJson(code: string, info: MessageCodeInfo) {
  return {
    schemaVersion: 1,
    code,
    kind: info.kind,
    meaning: info.meaning,
    firesWhen: info.firesWhen,
    sources: info.sources.map((s) => ({ id: s.id, title: s.title, url: s.url })),
    remedies: [...(info.remedies ?? [])],
  };
}

/** Every code, as `explain --json` prints them. */
export function codeListJson(codes: Codes) {
  return {
    schemaVersion: 1,
    codes: Object.entries(codes).map(([code, info]) => ({ code, kind: info.kind, meaning: info.meaning })),
  };
}

/**
 * One code: what it means, when it fires, what addresses it, and its sources.
 *
 * @example
 * renderCodeEntry("SPLIT", MESSAGE_CODES.SPLIT, NO_COLOR) //=> "SPLIT (note)\n  Meaning     how each course is split …"
 */
export function renderCodeEntry(code: string, info: MessageCodeInfo, paint: Paint, width?: number): string {
  const lines = [paint.bold(`${code} (${info.kind})`)];
  // On a terminal (`width`) a field's value wraps under itself, at column 15.
  const wrapped = (line: string, indent: number) => (width === undefined ? [line] : wrapLine(line, width, indent));
  const field = (name: string, value: string) => lines.push(...wrapped(`  ${paint.dim(name.padEnd(12))}${value}`, 14));
  field("Meaning", info.meaning);
  field("Fires when", info.firesWhen);
  if (info.remedies && info.remedies.length > 0) field("Remedies", info.remedies.join("; "));
  if (info.sources.length === 0) field("Sources", "none (a statement of what the tool did)");
  info.sources.forEach((s, k) => {
    field(k === 0 ? "Sources" : "", s.title);
    lines.push(...wrapped(`  ${" ".repeat(12)}  ${paint.dim(s.url)}`, 16));
  });
  return `${lines.join("\n")}\n`;
}

/** All codes, one line each: code, kind, meaning. */
export function renderCodeList(codes: Codes, paint: Paint, terminalWidth?: number): string {
  const entries = Object.entries(codes);
  const width = Math.max(...entries.map(([code]) => code.length));
  // On a terminal the meaning wraps under itself; the code and kind columns stay.
  const indent = width + 11;
  const lines = entries.flatMap(([code, info]) => {
    const line = `${code.padEnd(width)}  ${info.kind.padEnd(7)}  ${info.meaning}`;
    return terminalWidth === undefined ? [line] : wrapLine(line, Math.max(terminalWidth, indent + 12), indent);
  });
  return `${[paint.bold(`${"code".padEnd(width)}  kind     meaning`), ...lines].join("\n")}\n`;
}
