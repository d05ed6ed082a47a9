import type { ExecutionFields } from "@/lib/query/execution-fields";

// Autocomplete for the executions filter language, framework-free: from the text before the caret
// it works out whether a field, an operator, a value or AND/OR comes next and offers those that
// match what is being typed. The server's parser stays the judge of what is valid.

export type SuggestContext = { fields: ExecutionFields; pipelines: readonly string[]; stages: readonly string[] };
export type Suggestion = { label: string; insert: string; kind: "field" | "operator" | "value" | "keyword"; detail?: string };
export type Suggestions = { from: number; to: number; items: Suggestion[] };

const MAX_ITEMS = 12;
const BUILTIN: Array<[string, string]> = [
  ["name", "execution name"], ["status", "RUNNING, COMPLETED, FAILED"], ["stage", "stage name"], ["pipeline", "pipeline name"], ["uuid", "execution id"],
];
const NUMBER_OPS = ["=", "!=", "<", "<=", ">", ">="];
const STRING_OPS = ["=", "!=", "~"];
const OP_DETAIL: Record<string, string> = { "~": "glob: * any run, ? one char" };
const STATUSES = ["RUNNING", "COMPLETED", "FAILED"];
const PLAIN_KEY = /^[A-Za-z0-9_.\-/]+$/;

type Tok = { t: "word" | "string" | "number" | "op" | "(" | ")" | "other"; text: string; start: number; end: number };

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const start = i;
    if (/\s/.test(c)) { i++; continue; }
    if (c === "(" || c === ")") { toks.push({ t: c, text: c, start, end: ++i }); continue; }
    if (c === '"' || c === "'") {
      for (i++; i < src.length && src[i] !== c; i++) if (src[i] === "\\") i++;
      i = Math.min(src.length, i + 1);
      toks.push({ t: "string", text: src.slice(start, i), start, end: i });
      continue;
    }
    const num = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
    if (num && !/[A-Za-z_]/.test(c)) { i += num[0].length; toks.push({ t: "number", text: num[0], start, end: i }); continue; }
    if (/[A-Za-z_]/.test(c)) {
      while (i < src.length && /[A-Za-z0-9_.\-/]/.test(src[i])) i++;
      if (src[i] === "`") {
        for (i++; i < src.length && src[i] !== "`"; i++) if (src[i] === "\\") i++;
        i = Math.min(src.length, i + 1);
      }
      toks.push({ t: "word", text: src.slice(start, i), start, end: i });
      continue;
    }
    const op = /^(!=|<=|>=|=|<|>|~|!)/.exec(src.slice(i));
    if (op) { i += op[0].length; toks.push({ t: "op", text: op[0], start, end: i }); continue; }
    toks.push({ t: "other", text: c, start, end: ++i });
  }
  return toks;
}

type State = { expect: "field" | "op" | "value" | "connector"; field: string | null; depth: number };

function walk(toks: readonly Tok[]): State {
  const s: State = { expect: "field", field: null, depth: 0 };
  for (const tok of toks) {
    const word = tok.t === "word" ? tok.text.toLowerCase() : "";
    if (s.expect === "field") {
      if (tok.t === "(") s.depth++;
      else if (tok.t === "word" && word !== "not") { s.field = tok.text; s.expect = "op"; }
    } else if (s.expect === "op") {
      s.expect = tok.t === "op" ? "value" : "connector";
    } else if (s.expect === "value") {
      s.expect = "connector";
    } else if (tok.t === ")") {
      s.depth = Math.max(0, s.depth - 1);
    } else if (word === "and" || word === "or") {
      s.expect = "field";
    }
  }
  return s;
}

const quoteKey = (kind: string, key: string) => (PLAIN_KEY.test(key) ? `${kind}.${key}` : `${kind}.\`${key.replace(/[\\`]/g, (c) => `\\${c}`)}\``);
const quoteValue = (v: string) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

function fieldItems(ctx: SuggestContext, partial: string): Suggestion[] {
  const p = partial.toLowerCase();
  const all: Suggestion[] = [
    ...BUILTIN.map(([name, detail]) => ({ label: name, insert: `${name} `, kind: "field" as const, detail })),
    ...ctx.fields.metrics.map((m) => ({ label: `metrics.${m.key}`, insert: `${quoteKey("metrics", m.key)} `, kind: "field" as const, detail: "metric" })),
    ...ctx.fields.params.map((f) => ({ label: `params.${f.key}`, insert: `${quoteKey("params", f.key)} `, kind: "field" as const, detail: `param (${f.type})` })),
    { label: "NOT", insert: "NOT ", kind: "keyword", detail: "negate what follows" },
    { label: "(", insert: "(", kind: "keyword", detail: "group" },
  ];
  if (!p) return all;
  // Prefixes first, then keys containing the text ("loss" finds metrics.test_loss).
  const prefix = all.filter((s) => s.label.toLowerCase().startsWith(p));
  const inside = all.filter((s) => !prefix.includes(s) && s.kind === "field" && s.label.toLowerCase().includes(p));
  return [...prefix, ...inside];
}

// params.`odd key` → odd key
const keyOf = (field: string, prefix: string) => {
  const raw = field.slice(prefix.length);
  return raw.startsWith("`") ? raw.slice(1, raw.endsWith("`") ? -1 : undefined).replace(/\\(.)/g, "$1") : raw;
};

function operatorsFor(field: string, ctx: SuggestContext): string[] {
  if (field.startsWith("metrics.")) return NUMBER_OPS;
  if (field.startsWith("params.")) {
    const type = ctx.fields.params.find((f) => f.key === keyOf(field, "params."))?.type;
    return type === "string" ? STRING_OPS : type === "number" ? NUMBER_OPS : [...NUMBER_OPS, "~"];
  }
  return STRING_OPS;
}

function valuesFor(field: string, ctx: SuggestContext): readonly string[] {
  if (field === "status") return STATUSES;
  if (field === "stage") return ctx.stages;
  if (field === "pipeline") return ctx.pipelines;
  if (field.startsWith("params.")) return ctx.fields.params.find((f) => f.key === keyOf(field, "params."))?.values ?? [];
  return [];
}

export function suggest(src: string, caret: number, ctx: SuggestContext): Suggestions {
  const toks = lex(src);
  const current = toks.find((t) => t.start < caret && caret <= t.end && t.t !== "(" && t.t !== ")" && t.t !== "other");
  const before = toks.filter((t) => t.end <= (current ? current.start : caret));
  const state = walk(before);
  const from = current?.start ?? caret;
  const to = current?.end ?? caret;
  const partial = current ? src.slice(current.start, caret) : "";
  const lower = partial.toLowerCase();
  let items: Suggestion[] = [];
  if (state.expect === "field") items = fieldItems(ctx, partial);
  else if (state.expect === "op" && state.field) {
    items = operatorsFor(state.field, ctx)
      .filter((op) => op.startsWith(partial))
      .map((op) => ({ label: op, insert: `${op} `, kind: "operator", detail: OP_DETAIL[op] }));
  } else if (state.expect === "value" && state.field) {
    const typed = lower.replace(/^["']/, "");
    items = valuesFor(state.field, ctx)
      .filter((v) => v.toLowerCase().startsWith(typed))
      .map((v) => ({ label: quoteValue(v), insert: `${quoteValue(v)} `, kind: "value" }));
  } else if (state.expect === "connector") {
    const words: Suggestion[] = [
      { label: "AND", insert: "AND ", kind: "keyword", detail: "both must hold" },
      { label: "OR", insert: "OR ", kind: "keyword", detail: "either may hold" },
      ...(state.depth > 0 ? [{ label: ")", insert: ") ", kind: "keyword" as const, detail: "close the group" }] : []),
    ];
    items = words.filter((w) => w.label.toLowerCase().startsWith(lower));
  }
  return { from, to, items: items.slice(0, MAX_ITEMS) };
}

// The text with a suggestion put in place of what was being typed, and where the caret goes.
export function applySuggestion(src: string, s: Pick<Suggestions, "from" | "to">, item: Suggestion): { text: string; caret: number } {
  const rest = src.slice(s.to);
  const insert = /^\s/.test(rest) && item.insert.endsWith(" ") ? item.insert.slice(0, -1) : item.insert;
  return { text: src.slice(0, s.from) + insert + rest, caret: s.from + insert.length + (insert === item.insert ? 0 : 1) };
}
