// The ICS UIDs are keyed by a SHA-256 digest computed in JavaScript (node:crypto costs start-up): it
// must be the FIPS 180-4 function exactly, or every reissued calendar gets new UIDs.
import { createHash } from "node:crypto";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { sha256 } from "../../src/render/digest.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const text = (s: string) => new TextEncoder().encode(s);
// FIPS 180-2 Appendix B (https://csrc.nist.gov/projects/cryptographic-standards-and-guidelines/example-values):
// the one-block "abc", and the 448-bit message whose padding needs a second block.
const TWO_BLOCKS = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

describe("SHA-256 as FIPS 180-4 publishes it", () => {
  it("of the standard's examples and of nothing", () => {
    expect(hex(sha256(text("abc")))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hex(sha256(text(TWO_BLOCKS)))).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    expect(hex(sha256(text("")))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});

// Lengths around the 55/56/64-byte padding edges and several blocks, any bytes.
test.prop([fc.uint8Array({ maxLength: 300 })], { numRuns: 300 })("equal node:crypto's for any bytes", (bytes) => {
  expect(hex(sha256(bytes))).toBe(createHash("sha256").update(bytes).digest("hex"));
});
