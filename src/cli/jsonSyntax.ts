/**
 * Where a JSON text first breaks the grammar (RFC 8259), as a line and column a person can go to.
 * JSON.parse's own message differs between Node versions and often gives no position at all; this
 * walks the text only after JSON.parse has refused it, so it costs nothing on the good path.
 *
 * Two things JSON.parse accepts are refused too (`jsonShapeError`): a key given twice in one object
 * (JSON.parse keeps the last value silently: `{"weight": 70, "weight": 80}` would dose 80 kg), and
 * nesting deeper than `MAX_JSON_DEPTH` (no input of the tool is deeper than 4 levels; deeper ones
 * only overflowed the stack of whatever walked them).
 */
export interface JsonSyntaxError {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters from the start of the line. */
  readonly column: number;
  readonly message: string;
  /** Set for what JSON.parse accepts but the tool refuses; absent for a grammar error. */
  readonly kind?: "duplicateKey" | "tooDeep";
}

/** Arrays and objects inside each other, at most. */
const MAX_JSON_DEPTH = 64;

const TOO_DEEP = `arrays and objects are nested more than ${MAX_JSON_DEPTH} levels deep`;

class Stop extends Error {
  constructor(
    readonly at: number,
    message: string,
    readonly kind?: JsonSyntaxError["kind"],
  ) {
    super(message);
  }
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPE = /\\(["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

class Reader {
  i = 0;
  depth = 0;
  constructor(readonly text: string) {}

  skip(): void {
    while (this.i < this.text.length && WHITESPACE.has(this.text[this.i]!)) this.i++;
  }

  fail(what: string): never {
    const found = this.i >= this.text.length ? "the end of the file" : `'${this.text[this.i]}'`;
    throw new Stop(this.i, `expected ${what}, found ${found}`);
  }

  value(): void {
    this.skip();
    const c = this.text[this.i];
    const nested = c === "{" ? this.object : c === "[" ? this.array : c === '"' ? this.string : undefined;
    if (nested) {
      if (c !== '"' && ++this.depth > MAX_JSON_DEPTH) throw new Stop(this.i, TOO_DEEP, "tooDeep");
      nested.call(this);
      if (c !== '"') this.depth--;
      return;
    }
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = this.i;
    if (c !== undefined && /[-\d]/.test(c) && NUMBER.exec(this.text)) {
      this.i = NUMBER.lastIndex;
      return;
    }
    if (c === "'") throw new Stop(this.i, "strings are written in double quotes in JSON");
    this.fail("a value");
  }

  string(): void {
    this.i++;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined) throw new Stop(this.i, "a string is not closed (missing '\"')");
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === "\\") {
        ESCAPE.lastIndex = this.i;
        if (!ESCAPE.exec(this.text)) throw new Stop(this.i, "invalid escape in a string");
        this.i = ESCAPE.lastIndex;
        continue;
      }
      if (c < " ") throw new Stop(this.i, "a line break or control character inside a string");
      this.i++;
    }
  }

  /** The items of an array or object, with `item` reading one; `close` is `]` or `}`. */
  items(close: "]" | "}", item: () => void): void {
    this.i++;
    this.skip();
    if (this.text[this.i] === close) {
      this.i++;
      return;
    }
    for (;;) {
      item();
      this.skip();
      const c = this.text[this.i];
      if (c === close) {
        this.i++;
        return;
      }
      if (c !== ",") this.fail(`',' or '${close}'`);
      this.i++;
      this.skip();
      if (this.text[this.i] === close) throw new Stop(this.i, `a comma before '${close}' is not allowed in JSON`);
    }
  }

  array(): void {
    this.items("]", () => this.value());
  }

  object(): void {
    const keys = new Set<string>();
    this.items("}", () => {
      this.skip();
      if (this.text[this.i] !== '"') this.fail("a key in double quotes");
      const start = this.i;
      this.string();
      const key = JSON.parse(this.text.slice(start, this.i)) as string;
      if (keys.has(key))
        throw new Stop(start, `the key '${key}' appears twice in one object: give it once`, "duplicateKey");
      keys.add(key);
      this.skip();
      if (this.text[this.i] !== ":") this.fail("':' after the key");
      this.i++;
      this.value();
    });
  }
}

/**
 * The first syntax error in `text` (a key twice in one object and nesting deeper than
 * `MAX_JSON_DEPTH` included), or undefined when there is none.
 *
 * @example
 * jsonSyntaxError('{\n  "vials": [10,]\n}') //=> { line: 2, column: 16, message: "a comma before ']' is not allowed in JSON" }
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const reader = new Reader(text);
  try {
    reader.value();
    reader.skip();
    if (reader.i < text.length) throw new Stop(reader.i, "more text after the JSON value ends");
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const before = text.slice(0, e.at);
    const lineStart = before.lastIndexOf("\n") + 1;
    return {
      line: before.split("\n").length,
      column: [...text.slice(lineStart, e.at)].length + 1,
      message: e.message,
      ...(e.kind ? { kind: e.kind } : {}),
    };
  }
}

/**
 * The end of the string that opens at `start` (the index of its closing quote), found with indexOf:
 * a quote counts when an even number of backslashes precede it.
 */
function stringEnd(text: string, start: number): number {
  for (let q = text.indexOf('"', start + 1); q !== -1; q = text.indexOf('"', q + 1)) {
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return q;
  }
  return text.length;
}

/** Past the strings: the keys written (a ':' outside strings follows a key and only a key) and the depth. */
function keysWritten(text: string): number | "tooDeep" {
  let depth = 0;
  let keys = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = stringEnd(text, i);
    else if (c === 0x3a) keys++;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return "tooDeep";
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return keys;
}

function countKeys(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + countKeys(item), 0);
  let n = 0;
  for (const item of Object.values(value)) n += 1 + countKeys(item);
  return n;
}

/**
 * For a text JSON.parse accepted as `value`: a key twice in one object or nesting deeper than
 * `MAX_JSON_DEPTH`, where. One pass over the text counts the keys written and the depth; only when
 * more keys were written than `value` holds, or the depth is over, is the text walked for where.
 *
 * @example
 * jsonShapeError('{"weight": 70, "weight": 80}', { weight: 80 })
 * //=> { line: 1, column: 16, message: "the key 'weight' appears twice in one object: give it once" }
 */
export function jsonShapeError(text: string, value: unknown): JsonSyntaxError | undefined {
  const keys = keysWritten(text);
  // Too deep: `value` is not walked (that would overflow the stack), the text is, up to the limit.
  return keys !== "tooDeep" && keys === countKeys(value) ? undefined : jsonSyntaxError(text);
}

/** `line L, column C: …` as the CLI says it; a grammar error is "not valid JSON". */
export function jsonErrorText(at: JsonSyntaxError): string {
  return `line ${at.line}, column ${at.column}: ${at.kind ? "" : "not valid JSON: "}${at.message}`;
}

/**
 * `text` as JSON, or why not: `JSON.parse` then `jsonShapeError`. `error` is undefined only when
 * the walk found nothing JSON.parse refused (it then gives its own message).
 */
export function readJson(
  text: string,
): { readonly value: unknown } | { readonly error: JsonSyntaxError | undefined; readonly parseMessage: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: jsonSyntaxError(text), parseMessage: (e as Error).message };
  }
  const shape = jsonShapeError(text, value);
  return shape ? { error: shape, parseMessage: shape.message } : { value };
}
