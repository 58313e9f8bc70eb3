import { describe, expect, it } from "vitest";
import { domainError } from "../../src/cli/domainErrorMapping.js";
import { UsageError } from "../../src/cli/cliError.js";
import { DomainError } from "../../src/core/domainError.js";
import { parseHeight, parseWeight } from "../../src/core/units.js";
import { inFlags } from "../helpers/inFlags.js";

// A measurement the core cannot read is the core's DomainError, naming its option,
// and the CLI maps it as it maps every DomainError (bad input: exit 2, the core's code and message).

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("measurement format errors", () => {
  it("a weight that is not a weight is a DomainError about the weight option", () => {
    const e = thrown(() => parseWeight("70st"));
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ code: "WEIGHT_FORMAT", option: "weight" });
  });

  it("a height that is not a height, or has 12 inches or more after ft, is a DomainError about the height option", () => {
    for (const text of ["175mm", "5ft12in"]) {
      expect(thrown(() => parseHeight(text))).toMatchObject({ code: "HEIGHT_FORMAT", option: "height" });
    }
  });

  it("the CLI maps it to a usage error (exit 2) with the core's code and message", () => {
    const e = thrown(() => parseHeight("5ft13in")) as DomainError;
    const mapped = domainError(e);
    expect(mapped).toBeInstanceOf(UsageError);
    expect(mapped).toMatchObject({ exitCode: 2, code: "HEIGHT_FORMAT", message: e.message });
    expect(inFlags(e.message)).toBe("--height '5ft13in' has 13 inches; use fewer than 12 after ft");
  });
});
