import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { descriptorWriter } from "../../src/cli/descriptorWrites.js";

/** A descriptor that takes at most `chunk` bytes per write and, once `capacity` bytes are in, answers EAGAIN. */
function fakeDescriptor(chunk: number, capacity: number) {
  const taken: number[] = [];
  const write = (_fd: number, bytes: Uint8Array, offset: number) => {
    if (taken.length >= capacity) throw Object.assign(new Error("EAGAIN"), { code: "EAGAIN" });
    const n = Math.min(chunk, bytes.length - offset, capacity - taken.length);
    taken.push(...bytes.subarray(offset, offset + n));
    return n;
  };
  const streamed: Uint8Array[] = [];
  let calls = 0;
  const stream = () => {
    calls++;
    return {
      write: (data: string | Uint8Array) => {
        streamed.push(typeof data === "string" ? Buffer.from(data) : Buffer.from(data));
        return false;
      },
    } as unknown as NodeJS.WritableStream;
  };
  const text = () => Buffer.concat([Buffer.from(taken), ...streamed]).toString("utf8");
  return { write, stream, text, streamCalls: () => calls };
}

describe("descriptorWriter", () => {
  it("writes the whole text though the descriptor takes a few bytes per call, and builds no stream", () => {
    const d = fakeDescriptor(3, Number.POSITIVE_INFINITY);
    const out = descriptorWriter(1, d.stream, d.write);
    expect(out("Privigen · 35 g\n")).toBe(true);
    expect(out("day 2\n")).toBe(true);
    expect(d.text()).toBe("Privigen · 35 g\nday 2\n");
    expect(d.streamCalls()).toBe(0);
  });

  it("on EAGAIN hands the rest and every later write to the stream, in order (its answer returned)", () => {
    const d = fakeDescriptor(4, 10);
    const out = descriptorWriter(1, d.stream, d.write);
    expect(out("0123456789abcdef")).toBe(false);
    expect(out("ghi")).toBe(false);
    expect(d.text()).toBe("0123456789abcdefghi");
    expect(d.streamCalls()).toBe(2);
  });

  it("a write that takes nothing hands the rest to the stream instead of trying for ever", () => {
    const d = fakeDescriptor(4, Number.POSITIVE_INFINITY);
    let calls = 0;
    const stalls = (fd: number, bytes: Uint8Array, offset: number) => (++calls > 2 ? 0 : d.write(fd, bytes, offset));
    const out = descriptorWriter(1, d.stream, stalls);
    expect(out("0123456789abcdef")).toBe(false);
    expect(d.text()).toBe("0123456789abcdef");
    expect(d.streamCalls()).toBe(1);
  });

  it("any other error is the caller's", () => {
    const write = () => {
      throw Object.assign(new Error("no space"), { code: "ENOSPC" });
    };
    const out = descriptorWriter(1, () => ({}) as NodeJS.WritableStream, write);
    expect(() => out("x")).toThrow(/no space/);
  });

  it("whatever the descriptor takes per call and when it fills, the bytes that arrive are the text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "grapheme", maxLength: 40 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 0, max: 200 }),
        (texts, chunk, capacity) => {
          const d = fakeDescriptor(chunk, capacity);
          const out = descriptorWriter(2, d.stream, d.write);
          for (const t of texts) out(t);
          expect(d.text()).toBe(texts.join(""));
        },
      ),
    );
  });
});
