import { UsageError } from "../../src/cli/cliError.js";
import { DomainError } from "../../src/core/domainError.js";
import { phrasedAll } from "../../src/cli/optionWords.js";

/**
 * The core names options as data (`option("days", 3)` mentions); the one-patient command shows them
 * as flags. Tests that read the core's words as a user reads them phrase them first: a value (a
 * result, a message, remedies) with `inFlags`, or a core function with `flagged`, whose result is
 * phrased and whose DomainError or UsageError is rethrown with its message phrased (code and options kept).
 */
export function inFlags<T>(value: T): T {
  return phrasedAll(value, "flags");
}

/** `fn` as the one-patient command shows what it returns or throws: options named by their flags. */
export function flagged<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return inFlags(fn(...args));
    } catch (e) {
      if (e instanceof DomainError) throw new DomainError(e.code, e.option, inFlags(e.message), e.related);
      if (e instanceof UsageError) throw new UsageError(e.code, inFlags(e.message));
      throw e;
    }
  };
}

/**
 * `value` with every option named in its strings blanked, flags (`--days 3`) and keys (`'days': 3`)
 * alike: a batch line and the one-patient command give the same plan in their own words.
 */
export function optionWordsBlanked<T>(value: T): T {
  const blank = (text: string) =>
    text.replace(/--[a-z][a-z-]*/g, "§").replace(/'[a-zA-Z]+'(?:: (?:'([^']*)'|([^\s,;)]+)))?/g, (_m, quoted, bare) => {
      const value = quoted ?? bare;
      return value === undefined ? "§" : `§ ${value}`;
    });
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return blank(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== "object") return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return walk(value) as T;
}
