/** One input line: its text, or only its length when it was too long to read. */
export type InputLine = { readonly text: string } | { readonly tooLongBytes: number };

const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits a byte stream into lines ended by LF or CRLF only (a CR elsewhere stays in the line, so a
 * stray CR never splits a record and shifts the line numbers after it). A line longer than
 * `maxBytes` is not kept: its bytes are counted and dropped as they stream by, so memory stays
 * bounded however long a line is. A last line without LF still counts. A chunk may be reused by
 * the reader once the next one is asked for.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<InputLine> {
  let parts: Uint8Array[] = [];
  let length = 0; // bytes of the current line so far
  let kept = true; // false once the line is over the limit (+1 for a CR before LF)
  let any = false;
  const take = (segment: Uint8Array) => {
    if (segment.length === 0) return;
    any = true;
    length += segment.length;
    if (kept) parts.push(Buffer.from(segment)); // a copy: the reader may reuse its buffer
    if (kept && length > maxBytes + 1) {
      kept = false;
      parts = [];
    }
  };
  const end = (): InputLine => {
    const buffer = Buffer.concat(parts);
    const line: InputLine =
      kept && buffer.length - (buffer.at(-1) === CR ? 1 : 0) <= maxBytes
        ? { text: buffer.toString("utf8", 0, buffer.at(-1) === CR ? buffer.length - 1 : buffer.length) }
        : { tooLongBytes: length };
    parts = [];
    length = 0;
    kept = true;
    any = false;
    return line;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(LF, start); nl !== -1; nl = chunk.indexOf(LF, start)) {
      take(chunk.subarray(start, nl));
      start = nl + 1;
      yield end();
    }
    take(chunk.subarray(start));
  }
  if (any) yield end();
}
