import type { ExplainStep } from "../core/resultSchema.js";
import type { Paint } from "./paint.js";

/**
 * The table's Explain section (`--explain`): each step numbered, its result after `=`, then its
 * formula (one line per `; `-separated part, so a rate plan reads step by step) and its source.
 *
 * @example
 * explainSection([{ step: "Exact course dose", formula: "70 kg × 2 g/kg", result: "140 g", source: null }], NO_COLOR)
 * //=> ["Explain (every number, step by step)", "   1. Exact course dose = 140 g", "      70 kg × 2 g/kg", ""]
 */
export function explainSection(steps: readonly ExplainStep[], paint: Paint): string[] {
  const lines = [paint.bold("Explain (every number, step by step)")];
  const width = String(steps.length).length;
  steps.forEach((s, k) => {
    lines.push(`  ${String(k + 1).padStart(width + 1)}. ${s.step} = ${paint.bold(s.result)}`);
    const indent = " ".repeat(width + 5);
    for (const part of s.formula.split("; ")) lines.push(`${indent}${part}`);
    if (s.source !== null) lines.push(`${indent}${paint.dim(s.source)}`);
  });
  lines.push("");
  return lines;
}
