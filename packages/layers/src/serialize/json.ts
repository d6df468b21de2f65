/**
 * A strict JSON parser for safetensors headers. Unlike `JSON.parse` it rejects duplicate keys
 * (which `JSON.parse` resolves silently, so two readers could disagree on a file), keeps each
 * number's text (so `2.0` or `1e3` is not taken for an integer), bounds the nesting depth, and
 * reports every problem through `fail` with the character position. Objects become `Map`s, so a
 * key such as `__proto__` is an ordinary key.
 */

/** A JSON number with its text as written. */
export class JsonNumber {
  constructor(readonly text: string) {}
}

/** A parsed JSON value. */
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;
/** A JSON object, keys in the order written. */
export type JsonObject = Map<string, JsonValue>;

/** Nesting deeper than this is rejected (a safetensors header needs 3 levels). */
export const MAX_DEPTH = 64;

type Fail = (expected: string, got: string) => never;

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

function describeChar(text: string, pos: number): string {
  if (pos >= text.length) return 'the end of the header';
  return `${JSON.stringify(text[pos])} at character ${pos}`;
}

class Parser {
  pos = 0;
  constructor(
    private readonly text: string,
    private readonly fail: Fail,
  ) {}

  skipWhitespace(): void {
    while (this.pos < this.text.length && WHITESPACE.has(this.text.charCodeAt(this.pos))) this.pos++;
  }

  expectChar(ch: string, what: string): void {
    if (this.text[this.pos] !== ch) this.fail(what, describeChar(this.text, this.pos));
    this.pos++;
  }

  value(depth: number, path: string): JsonValue {
    this.skipWhitespace();
    const ch = this.text[this.pos];
    if (ch === '{') return this.object(depth + 1, path);
    if (ch === '[') return this.array(depth + 1, path);
    if (ch === '"') return this.string();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail('a JSON value', describeChar(this.text, this.pos));
    this.pos += match[0].length;
    return new JsonNumber(match[0]);
  }

  checkDepth(depth: number, path: string): void {
    if (depth > MAX_DEPTH)
      this.fail(`JSON nested at most ${MAX_DEPTH} levels deep`, `deeper nesting at ${path || 'the top'}`);
  }

  object(depth: number, path: string): JsonObject {
    this.checkDepth(depth, path);
    this.pos++; // '{'
    const out: JsonObject = new Map();
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.fail('a quoted object key', describeChar(this.text, this.pos));
      const keyAt = this.pos;
      const key = this.string();
      if (out.has(key)) {
        const where = path === '' ? 'the header' : `object ${path}`;
        this.fail('unique keys', `key ${JSON.stringify(key)} twice in ${where} (again at character ${keyAt})`);
      }
      this.skipWhitespace();
      this.expectChar(':', '":" after an object key');
      out.set(key, this.value(depth, path === '' ? JSON.stringify(key) : `${path}.${JSON.stringify(key)}`));
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === '}') return out;
      if (next !== ',') this.fail('"," or "}" in an object', describeChar(this.text, this.pos - 1));
    }
  }

  array(depth: number, path: string): JsonValue[] {
    this.checkDepth(depth, path);
    this.pos++; // '['
    const out: JsonValue[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth, `${path}[${out.length}]`));
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === ']') return out;
      if (next !== ',') this.fail('"," or "]" in an array', describeChar(this.text, this.pos - 1));
    }
  }

  string(): string {
    const start = this.pos;
    this.pos++; // '"'
    let out = '';
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= this.text.length) this.fail('a closing quote', `a string left open from character ${start}`);
      const code = this.text.charCodeAt(this.pos);
      if (code === 0x22) {
        out += this.text.slice(chunk, this.pos);
        this.pos++;
        return out;
      }
      if (code < 0x20)
        this.fail('no control characters inside a string', `character code ${code} at character ${this.pos}`);
      if (code !== 0x5c) {
        this.pos++;
        continue;
      }
      out += this.text.slice(chunk, this.pos);
      const esc = this.text[this.pos + 1] ?? '';
      if (esc === 'u') {
        const hex = this.text.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex))
          this.fail('\\u and 4 hex digits', `${JSON.stringify(`\\u${hex}`)} at character ${this.pos}`);
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 6;
      } else {
        const replacement = ESCAPES[esc];
        if (replacement === undefined || !Object.hasOwn(ESCAPES, esc)) {
          this.fail(
            'a JSON escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
            `${JSON.stringify(`\\${esc}`)} at character ${this.pos}`,
          );
        }
        out += replacement;
        this.pos += 2;
      }
      chunk = this.pos;
    }
  }
}

/**
 * Parses `text` as one JSON value followed only by whitespace. Every problem calls `fail` with
 * what was expected and what was found (with its position); `fail` must throw.
 */
export function parseJson(text: string, fail: Fail): JsonValue {
  const parser = new Parser(text, fail);
  const value = parser.value(0, '');
  parser.skipWhitespace();
  if (parser.pos < text.length) fail('only whitespace after the JSON object', describeChar(text, parser.pos));
  return value;
}
