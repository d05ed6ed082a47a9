// The executions filter language: a tiny tokenizer plus a recursive-descent parser.
// Every error carries the 0-based offset of the offending token so the UI can point at it.

export type Op = "=" | "!=" | "<" | "<=" | ">" | ">=" | "~";
export type Field =
  | { kind: "name" | "status" | "stage" | "pipeline" | "uuid" }
  | { kind: "param" | "metric"; key: string };
export type FilterNode =
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; expr: FilterNode }
  | { kind: "cmp"; field: Field; op: Op; value: string | number; position: number };

export const MAX_FILTER_LENGTH = 2000;
export const MAX_FILTER_DEPTH = 32;
export const STATUSES = ["RUNNING", "COMPLETED", "FAILED"] as const;

export class FilterSyntaxError extends Error {
  constructor(message: string, public readonly position: number) {
    super(message);
    this.name = "FilterSyntaxError";
  }
}

export function isBlankFilter(s: string | null | undefined): boolean {
  return s == null || s.trim() === "";
}

type Token =
  | { t: "word"; text: string; pos: number; quotedKey?: string }
  | { t: "string"; text: string; value: string; pos: number }
  | { t: "number"; text: string; value: number; pos: number }
  | { t: "op"; text: Op; pos: number }
  | { t: "(" | ")" | "eof"; text: string; pos: number };

const WORD_START = /[A-Za-z_]/;
const WORD_CHAR = /[A-Za-z0-9_.\-/]/;
const NUMBER = /-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const OPS: readonly Op[] = ["!=", "<=", ">=", "=", "<", ">", "~"]; // two-char operators first
const ESCAPES = new Map([['"', '"'], ["'", "'"], ["`", "`"], ["\\", "\\"], ["n", "\n"], ["t", "\t"]]);
const FIELD_HELP = "use name, status, stage, pipeline, uuid, params.<key> or metrics.<key>";

// The hint goes after the position so the message reads "... at position 7 (use ...)".
const err = (msg: string, pos: number, hint?: string) =>
  new FilterSyntaxError(`${msg} at position ${pos}${hint ? ` (${hint})` : ""}`, pos);

/** Reads a quoted run starting at `start` (the opening quote); returns the unescaped text and the end offset. */
function readQuoted(src: string, start: number, what: string): { value: string; end: number } {
  const quote = src[start];
  let value = "";
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i];
    if (c === quote) return { value, end: i + 1 };
    if (c === "\\") {
      const next = src.charAt(i + 1);
      if (next === "") break;
      const esc = ESCAPES.get(next);
      if (esc === undefined) throw err(`unknown escape '\\${next}'`, i, `use \\", \\', \\\\, \\n or \\t`);
      value += esc;
      i++;
    } else value += c;
  }
  throw err(`unterminated ${what} starting`, start);
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (/\s/.test(c)) { i++; continue; }
    const pos = i;
    if (c === "(" || c === ")") { tokens.push({ t: c, text: c, pos }); i++; continue; }
    if (c === '"' || c === "'") {
      const { value, end } = readQuoted(src, i, "string");
      tokens.push({ t: "string", text: src.slice(pos, end), value, pos });
      i = end;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(src);
    if (num) {
      i += num[0].length;
      // "5abc" or "1.2.3" is a typo, not a number followed by a field.
      if (WORD_CHAR.test(src.charAt(i))) {
        while (WORD_CHAR.test(src.charAt(i))) i++;
        throw err(`invalid number '${src.slice(pos, i)}'`, pos);
      }
      const value = Number(num[0]);
      if (!Number.isFinite(value)) throw err(`number '${num[0]}' is out of range`, pos);
      tokens.push({ t: "number", text: num[0], value, pos });
      continue;
    }
    if (WORD_START.test(c)) {
      while (WORD_CHAR.test(src.charAt(i))) i++;
      const text = src.slice(pos, i);
      if (src[i] === "`" && text.endsWith(".")) {
        // params.`weird key`: the backtick part is the whole key, verbatim apart from escapes.
        const { value, end } = readQuoted(src, i, "quoted key");
        if (value === "") throw err("empty quoted key", i);
        tokens.push({ t: "word", text: src.slice(pos, end), pos, quotedKey: value });
        i = end;
      } else tokens.push({ t: "word", text, pos });
      continue;
    }
    if (src.startsWith("==", i)) throw err("unknown operator '=='", pos, "use '='");
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) { tokens.push({ t: "op", text: op, pos }); i += op.length; continue; }
    throw err(`unexpected character '${c}'`, pos);
  }
  tokens.push({ t: "eof", text: "end of filter", pos: src.length });
  return tokens;
}

const isKeyword = (tok: Token, kw: "and" | "or" | "not") => tok.t === "word" && !tok.quotedKey && tok.text.toLowerCase() === kw;
const describe = (tok: Token) => (tok.t === "eof" ? "end of filter" : `'${tok.text}'`);

function toField(tok: Token): Field {
  if (tok.t !== "word" || isKeyword(tok, "and") || isKeyword(tok, "or") || isKeyword(tok, "not")) {
    const seen = tok.t === "eof" ? "" : `, found ${describe(tok)}`;
    throw err(`expected a field${seen}`, tok.pos, FIELD_HELP);
  }
  const m = /^(params|metrics)\.(.*)$/.exec(tok.text);
  if (m) {
    const key = tok.quotedKey ?? m[2] ?? "";
    if (key === "") throw err(`expected a key after '${m[1]}.'`, tok.pos + tok.text.length);
    return { kind: m[1] === "params" ? "param" : "metric", key };
  }
  switch (tok.text) {
    case "name": case "status": case "stage": case "pipeline": case "uuid":
      return { kind: tok.text };
  }
  throw err(`unknown field '${tok.text}'`, tok.pos, FIELD_HELP);
}

class Parser {
  private i = 0;
  private depth = 0;
  private readonly eof: Token;
  constructor(private readonly tokens: Token[]) {
    this.eof = tokens[tokens.length - 1] ?? { t: "eof", text: "end of filter", pos: 0 };
  }

  // The last token is always eof, and reading never moves past it.
  private peek(): Token { return this.tokens[this.i] ?? this.eof; }
  private next(): Token { const tok = this.peek(); if (tok !== this.eof) this.i++; return tok; }

  parse(): FilterNode {
    const node = this.parseOr();
    const tok = this.peek();
    if (tok.t === ")") throw err("unexpected ')'", tok.pos);
    if (tok.t !== "eof") throw err(`expected AND, OR or end of filter, found ${describe(tok)}`, tok.pos);
    return node;
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (isKeyword(this.peek(), "or")) {
      this.next();
      left = { kind: "or", left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (isKeyword(this.peek(), "and")) {
      this.next();
      left = { kind: "and", left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    const tok = this.peek();
    if (tok.t !== "(" && !isKeyword(tok, "not")) return this.parseComparison();
    // Only NOT and '(' recurse, so bounding them bounds the stack and the generated SQL.
    if (++this.depth > MAX_FILTER_DEPTH) throw err(`filter is nested deeper than ${MAX_FILTER_DEPTH} levels`, tok.pos);
    this.next();
    let node: FilterNode;
    if (tok.t === "(") {
      node = this.parseOr();
      const close = this.next();
      if (close.t === "eof") throw err(`unclosed '(' opened`, tok.pos);
      if (close.t !== ")") throw err(`expected AND, OR or ')', found ${describe(close)}`, close.pos);
    } else node = { kind: "not", expr: this.parseUnary() };
    this.depth--;
    return node;
  }

  private parseComparison(): FilterNode {
    const fieldTok = this.next();
    if (fieldTok.t === ")") throw err("unexpected ')'", fieldTok.pos);
    const field = toField(fieldTok);
    const opTok = this.next();
    if (opTok.t !== "op") {
      throw err(`expected an operator (=, !=, <, <=, >, >=, ~) after '${fieldTok.text}', found ${describe(opTok)}`, opTok.pos);
    }
    const op = opTok.text;
    const valTok = this.next();
    let value: string | number;
    const isBool = valTok.t === "word" && /^(true|false)$/i.test(valTok.text);
    if (valTok.t === "string" || valTok.t === "number") value = valTok.value;
    else if (isBool) value = valTok.text.toLowerCase() === "true" ? 1 : 0;
    else {
      const hint = valTok.t === "word" ? `strings need quotes: "${valTok.text}"` : undefined;
      throw err(`expected a value after '${op}'`, valTok.pos, hint);
    }
    return { kind: "cmp", field, op, value: checkValue(field, op, value, isBool, valTok.pos), position: fieldTok.pos };
  }
}

const fieldName = (f: Field) => (f.kind === "param" ? `params.${f.key}` : f.kind === "metric" ? `metrics.${f.key}` : f.kind);

/** Type rules: metrics are numbers, `~` is for strings, built-in fields are strings, params take either. */
function checkValue(field: Field, op: Op, value: string | number, isBool: boolean, pos: number): string | number {
  if (field.kind === "metric") {
    if (op === "~") throw err(`'~' only works on strings, not on ${fieldName(field)}`, pos, "metrics compare to numbers");
    if (typeof value !== "number" || isBool) throw err(`'${op}' needs a number for ${fieldName(field)}`, pos);
    return value;
  }
  if (op === "~" && typeof value !== "string") throw err(`'~' needs a string for ${fieldName(field)}`, pos);
  if (field.kind === "param") return value;
  if (typeof value !== "string") throw err(`'${op}' needs a string for ${fieldName(field)}`, pos);
  if (field.kind !== "status" || op === "~") return value;
  // Statuses are stored upper-case; catch typos instead of silently matching nothing.
  const status = value.toUpperCase();
  if ((op === "=" || op === "!=") && !(STATUSES as readonly string[]).includes(status)) {
    throw err(`unknown status '${value}'`, pos, `use ${STATUSES.join(", ")}`);
  }
  return status;
}

export function parseFilter(src: string): FilterNode {
  if (src.length > MAX_FILTER_LENGTH) {
    throw err(`filter is too long (${src.length} characters, at most ${MAX_FILTER_LENGTH})`, MAX_FILTER_LENGTH);
  }
  if (isBlankFilter(src)) throw err("filter is empty", 0);
  return new Parser(tokenize(src)).parse();
}
