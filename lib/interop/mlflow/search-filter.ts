import { invalidParameter } from "./errors";

// MLflow's search filter (a SQL-like subset: `metrics.rmse < 1 and params.model = 'lr'`,
// `attributes.status = 'FINISHED'`, `run_name LIKE 'cnn%'`, `params.opt IN ('adam', 'sgd')`)
// translated to Provscope's filter language, which listExecutions compiles to SQL.
// Supported: metrics.<key> with = != < <= > >=; params.<key> with = != LIKE ILIKE IN NOT IN;
// attributes status, run_name, run_id (and tags.mlflow.runName); conditions joined by AND.

type Token = { t: "word" | "string" | "number" | "op" | "(" | ")" | ","; text: string; value?: string | number; quotedKey?: string };

const OPS = ["!=", "<=", ">=", "<>", "=", "<", ">"];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === "(" || c === ")" || c === ",") { out.push({ t: c, text: c }); i++; continue; }
    if (c === "'" || c === '"' || c === "`") {
      const { value, end } = quoted(src, i);
      out.push({ t: "string", text: src.slice(i, end), value });
      i = end;
      continue;
    }
    const num = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num && !/[A-Za-z_]/.test(src[i + num[0].length] ?? "")) {
      out.push({ t: "number", text: num[0], value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.\-/:]*/.exec(src.slice(i));
    if (word) {
      i += word[0].length;
      // metrics."model class" / params.`lr rate`: the quoted part is the key.
      if (word[0].endsWith(".") && /["`]/.test(src[i] ?? "")) {
        const { value, end } = quoted(src, i);
        out.push({ t: "word", text: word[0], quotedKey: value });
        i = end;
      } else out.push({ t: "word", text: word[0] });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) { out.push({ t: "op", text: op === "<>" ? "!=" : op }); i += op.length; continue; }
    throw invalidParameter(`Invalid filter '${src}': unexpected character '${c}' at position ${i}`);
  }
  return out;
}

function quoted(src: string, start: number): { value: string; end: number } {
  const q = src[start];
  let value = "";
  for (let i = start + 1; i < src.length; i++) {
    if (src[i] === "\\" && i + 1 < src.length) { value += src[++i]; continue; }
    if (src[i] === q) return { value, end: i + 1 };
    value += src[i];
  }
  throw invalidParameter(`Invalid filter '${src}': unterminated quote starting at position ${start}`);
}

type Field = { kind: "metric"; key: string } | { kind: "param"; key: string } | { kind: "attr"; attr: "status" | "name" | "uuid" };

const ATTRIBUTES: Record<string, "status" | "name" | "uuid"> = {
  status: "status", run_name: "name", "run name": "name", run_id: "uuid", run_uuid: "uuid",
};
const TYPES: Record<string, "metric" | "param" | "tag" | "attr"> = {
  metric: "metric", metrics: "metric", param: "param", params: "param", parameter: "param", parameters: "param",
  tag: "tag", tags: "tag", attribute: "attr", attributes: "attr", attr: "attr", run: "attr",
};

function field(tok: Token | undefined, src: string): Field {
  if (!tok || tok.t !== "word") throw invalidParameter(`Invalid filter '${src}': expected an identifier such as metrics.rmse, params.lr or attributes.status`);
  const dot = tok.text.indexOf(".");
  const type = dot < 0 ? "attr" : TYPES[tok.text.slice(0, dot).toLowerCase()];
  const key = tok.quotedKey ?? (dot < 0 ? tok.text : tok.text.slice(dot + 1));
  if (!type || key === "") throw invalidParameter(`Invalid filter '${src}': '${tok.text}' is not metrics.<key>, params.<key>, tags.<key> or attributes.<name>`);
  if (type === "metric" || type === "param") return { kind: type, key };
  if (type === "tag") {
    if (key === "mlflow.runName") return { kind: "attr", attr: "name" };
    throw invalidParameter(`Invalid filter '${src}': filtering on tags ('${tok.text}') is not supported by Provscope's MLflow API; filter on params, metrics, attributes.status, attributes.run_name or attributes.run_id`);
  }
  const attr = ATTRIBUTES[key.toLowerCase()];
  if (!attr) throw invalidParameter(`Invalid filter '${src}': attribute '${key}' is not supported; use status, run_name or run_id`);
  return { kind: "attr", attr };
}

// Provscope filter syntax: "…" strings with \-escapes, keys in backticks.
const str = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;
const keyed = (prefix: "params" | "metrics", key: string) => `${prefix}.\`${key.replace(/\\/g, "\\\\").replace(/`/g, "\\`")}\``;
const likeToGlob = (pattern: string) => pattern.replace(/%/g, "*").replace(/_/g, "?");
// Run statuses as Provscope stores them (KILLED is a FAILED execution; SCHEDULED a RUNNING one).
const STATUS: Record<string, string> = { RUNNING: "RUNNING", SCHEDULED: "RUNNING", FINISHED: "COMPLETED", FAILED: "FAILED", KILLED: "FAILED" };

function comparison(f: Field, op: string, value: string | number, src: string): string {
  if (f.kind === "metric") {
    if (typeof value !== "number" || !["=", "!=", "<", "<=", ">", ">="].includes(op)) {
      throw invalidParameter(`Invalid filter '${src}': metrics.${f.key} compares to a number with =, !=, <, <=, > or >=`);
    }
    return `${keyed("metrics", f.key)} ${op} ${value}`;
  }
  const text = String(value);
  if (op === "LIKE" || op === "ILIKE") {
    if (f.kind === "attr" && f.attr === "status") throw invalidParameter(`Invalid filter '${src}': status compares with = or !=`);
    const column = f.kind === "param" ? keyed("params", f.key) : f.attr;
    return `${column} ~ ${str(likeToGlob(text))}`;
  }
  if (op !== "=" && op !== "!=") {
    const what = f.kind === "param" ? `params.${f.key}` : f.attr;
    throw invalidParameter(`Invalid filter '${src}': invalid comparator '${op}' for ${what}; use one of =, !=, LIKE, ILIKE, IN, NOT IN`);
  }
  if (f.kind === "attr") {
    if (f.attr !== "status") return `${f.attr} ${op} ${str(text)}`;
    const status = STATUS[text.toUpperCase()];
    if (!status) throw invalidParameter(`Invalid filter '${src}': unknown run status '${text}'; use RUNNING, SCHEDULED, FINISHED, FAILED or KILLED`);
    return `status ${op} ${str(status)}`;
  }
  // Numeric-looking params may be stored as numbers (see numeric-string.ts): compare both forms.
  const column = keyed("params", f.key);
  const asNumber = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) && String(Number(text)) === text ? Number(text) : null;
  if (asNumber === null) return `${column} ${op} ${str(text)}`;
  return op === "=" ? `(${column} = ${asNumber} OR ${column} = ${str(text)})` : `(${column} != ${asNumber} OR ${column} != ${str(text)})`;
}

export function translateFilter(src: string | undefined): string | undefined {
  if (!src || src.trim() === "") return undefined;
  const tokens = tokenize(src);
  const parts: string[] = [];
  let i = 0;
  for (;;) {
    const f = field(tokens[i++], src);
    let opTok = tokens[i++];
    const isWord = (t: Token | undefined, w: string) => t?.t === "word" && t.text.toUpperCase() === w;
    let op: string;
    if (isWord(opTok, "NOT") && isWord(tokens[i], "IN")) { i++; op = "NOT IN"; }
    else if (isWord(opTok, "IN") || isWord(opTok, "LIKE") || isWord(opTok, "ILIKE")) op = opTok!.text.toUpperCase();
    else if (opTok?.t === "op") op = opTok.text;
    else throw invalidParameter(`Invalid filter '${src}': expected a comparator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN) after an identifier`);

    if (op === "IN" || op === "NOT IN") {
      if (tokens[i++]?.t !== "(") throw invalidParameter(`Invalid filter '${src}': ${op} needs a list such as ('a', 'b')`);
      const values: Array<string | number> = [];
      for (;;) {
        const v = tokens[i++];
        if (v?.t !== "string" && v?.t !== "number") throw invalidParameter(`Invalid filter '${src}': ${op} lists quoted values`);
        values.push(v.value!);
        opTok = tokens[i++];
        if (opTok?.t === ")") break;
        if (opTok?.t !== ",") throw invalidParameter(`Invalid filter '${src}': expected ',' or ')' in the ${op} list`);
      }
      if (f.kind === "metric") throw invalidParameter(`Invalid filter '${src}': ${op} does not apply to metrics`);
      const each = values.map((v) => comparison(f, op === "IN" ? "=" : "!=", v, src));
      parts.push(`(${each.join(op === "IN" ? " OR " : " AND ")})`);
    } else {
      const v = tokens[i++];
      if (v?.t !== "string" && v?.t !== "number") throw invalidParameter(`Invalid filter '${src}': expected a value (a number or a quoted string) after '${op}'`);
      parts.push(`(${comparison(f, op, v.value!, src)})`);
    }
    if (i >= tokens.length) break;
    const and = tokens[i++];
    if (!(and?.t === "word" && and.text.toUpperCase() === "AND")) {
      throw invalidParameter(`Invalid filter '${src}': conditions are joined with AND (found '${and?.text}'); MLflow's search has no OR`);
    }
  }
  return parts.join(" AND ");
}

// MLflow's order_by ("metrics.rmse DESC", "attributes.start_time", "params.lr ASC") as a
// Provscope sort spec; only the first entry is used. Default: newest first, as in MLflow.
export function translateOrderBy(orderBy: string[]): string {
  const first = orderBy[0]?.trim();
  if (!first) return "-startedAt";
  const m = /^(.*?)(?:\s+(ASC|DESC))?$/i.exec(first)!;
  const desc = m[2]?.toUpperCase() === "DESC";
  const tokens = tokenize(m[1]);
  const tok = tokens[0];
  if (tokens.length !== 1 || tok.t !== "word") throw invalidParameter(`Invalid order_by '${first}': expected e.g. "metrics.rmse DESC" or "attributes.start_time"`);
  const dot = tok.text.indexOf(".");
  const type = dot < 0 ? "attr" : TYPES[tok.text.slice(0, dot).toLowerCase()];
  const key = tok.quotedKey ?? (dot < 0 ? tok.text : tok.text.slice(dot + 1));
  let spec: string | undefined;
  if (type === "metric") spec = `metrics.${key}`;
  else if (type === "param") spec = `params.${key}`;
  else if (type === "tag" && key === "mlflow.runName") spec = "name";
  else if (type === "attr") spec = { start_time: "startedAt", end_time: "endedAt", run_name: "name", status: "status" }[key.toLowerCase()];
  if (!spec) throw invalidParameter(`Invalid order_by '${first}': order by metrics.<key>, params.<key>, attributes.start_time, end_time, run_name or status`);
  return desc ? `-${spec}` : spec;
}
