/**
 * Where a JSON text first breaks the grammar (RFC 8259), as a line and column a person can go to.
 * JSON.parse's own message differs between Node versions and often gives no position at all; this
 * walks the text only after JSON.parse has refused it, so it costs nothing on the good path.
 */
export interface JsonSyntaxError {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters from the start of the line. */
  readonly column: number;
  readonly message: string;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPE = /\\(["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

class Reader {
  i = 0;
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
      nested.call(this);
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
    this.items("}", () => {
      this.skip();
      if (this.text[this.i] !== '"') this.fail("a key in double quotes");
      this.string();
      this.skip();
      if (this.text[this.i] !== ":") this.fail("':' after the key");
      this.i++;
      this.value();
    });
  }
}

/**
 * The first syntax error in `text`, or undefined when it is valid JSON.
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
    };
  }
}
