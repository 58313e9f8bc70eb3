import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { type InputLine, splitLines } from "../../src/cli/lines.js";

async function lines(chunks: Uint8Array[], max = 1000): Promise<InputLine[]> {
  const out: InputLine[] = [];
  async function* source() {
    // The reader may reuse its buffer: hand out copies that are wiped after use.
    for (const c of chunks) {
      const copy = Buffer.from(c);
      yield copy;
      copy.fill(0x21);
    }
  }
  for await (const line of splitLines(source(), max)) out.push(line);
  return out;
}

/** The expected lines by hand: split at LF, drop one CR before it, no line after a final LF. */
function expected(text: string, max: number): InputLine[] {
  const parts = text.split("\n");
  if (parts.at(-1) === "") parts.pop();
  return parts.map((p) => {
    const body = p.endsWith("\r") ? p.slice(0, -1) : p;
    return Buffer.byteLength(body) > max ? { tooLongBytes: Buffer.byteLength(p) } : { text: body };
  });
}

describe("splitLines", () => {
  test.prop([
    fc.array(fc.constantFrom("a", "é", "\r", "\n", "\r\n", "{}", "€"), { maxLength: 60 }),
    fc.array(fc.nat(200), { maxLength: 8 }),
  ])("any split into chunks gives the lines of the whole text", async (pieces, cuts) => {
    const bytes = Buffer.from(pieces.join(""));
    const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
    const chunks = [0, ...points].map((from, k) => bytes.subarray(from, [...points, bytes.length][k]));
    expect(await lines(chunks, 8)).toEqual(expected(pieces.join(""), 8));
  });

  it("a CR alone never ends a line", async () => {
    expect(await lines([Buffer.from('{"a":\r1}\r\n\rx\n')])).toEqual([{ text: '{"a":\r1}' }, { text: "\rx" }]);
  });

  it("a line of exactly the limit is kept, with or without CRLF; one byte more is not", async () => {
    expect(await lines([Buffer.from("abcd\r\nabcd\nabcde\r\n")], 4)).toEqual([
      { text: "abcd" },
      { text: "abcd" },
      { tooLongBytes: 6 },
    ]);
  });
});
