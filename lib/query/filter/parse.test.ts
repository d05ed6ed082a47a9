import { describe, it, expect } from "vitest";
import { FilterSyntaxError, isBlankFilter, parseFilter, type FilterNode } from "./parse";

/** Renders the tree with explicit grouping so precedence is visible in one string. */
function show(n: FilterNode): string {
  switch (n.kind) {
    case "and":
    case "or":
      return `(${show(n.left)} ${n.kind.toUpperCase()} ${show(n.right)})`;
    case "not":
      return `(NOT ${show(n.expr)})`;
    case "cmp": {
      const f = n.field.kind === "param" ? `params[${n.field.key}]` : n.field.kind === "metric" ? `metrics[${n.field.key}]` : n.field.kind;
      return `${f}${n.op}${JSON.stringify(n.value)}`;
    }
  }
}

const cmp = (src: string) => {
  const n = parseFilter(src);
  if (n.kind !== "cmp") throw new Error(`expected a comparison, got ${n.kind}`);
  return n;
};

describe("parseFilter", () => {
  it("gives AND precedence over OR and groups left to right", () => {
    expect(show(parseFilter('name = "a" OR name = "b" AND name = "c"'))).toBe('(name="a" OR (name="b" AND name="c"))');
    expect(show(parseFilter('name = "a" AND name = "b" OR name = "c"'))).toBe('((name="a" AND name="b") OR name="c")');
    expect(show(parseFilter('name="a" OR name="b" OR name="c"'))).toBe('((name="a" OR name="b") OR name="c")');
    expect(show(parseFilter('name="a" AND name="b" AND name="c"'))).toBe('((name="a" AND name="b") AND name="c")');
  });

  it("lets parentheses override precedence", () => {
    expect(show(parseFilter('metrics.test_loss < 0.4 AND (params.arch = "resnet" OR params.arch = "bottleneck")'))).toBe(
      '(metrics[test_loss]<0.4 AND (params[arch]="resnet" OR params[arch]="bottleneck"))',
    );
    expect(show(parseFilter('((name = "a"))'))).toBe('name="a"');
  });

  it("binds NOT tighter than AND", () => {
    expect(show(parseFilter('NOT stage = "train" AND name = "x"'))).toBe('((NOT stage="train") AND name="x")');
    expect(show(parseFilter('NOT (stage = "train" AND name = "x")'))).toBe('(NOT (stage="train" AND name="x"))');
    expect(show(parseFilter('not not uuid = "u"'))).toBe('(NOT (NOT uuid="u"))');
  });

  it("accepts keywords in any case", () => {
    expect(show(parseFilter('params.lr >= 1e-3 and metrics.val_loss != 0.5 Or NoT name = "z"'))).toBe(
      '((params[lr]>=0.001 AND metrics[val_loss]!=0.5) OR (NOT name="z"))',
    );
  });

  it("parses every operator, with or without spaces", () => {
    for (const op of ["=", "!=", "<", "<=", ">", ">="] as const) {
      expect(cmp(`metrics.x${op}1`).op).toBe(op);
      expect(cmp(`metrics.x ${op} 1`).op).toBe(op);
    }
    expect(cmp('name ~ "ood-*"')).toMatchObject({ op: "~", value: "ood-*" });
  });

  it("parses numbers: negative, decimal, exponent", () => {
    expect(cmp("metrics.a = -3").value).toBe(-3);
    expect(cmp("metrics.a = 0.25").value).toBe(0.25);
    expect(cmp("metrics.a = .5").value).toBe(0.5);
    expect(cmp("metrics.a < 1e-3").value).toBe(0.001);
    expect(cmp("metrics.a < -2.5E+2").value).toBe(-250);
    expect(cmp("metrics.a>-1").value).toBe(-1);
  });

  it("parses strings with escapes and both quote styles", () => {
    expect(cmp(String.raw`name = "say \"hi\" \\ now\n"`).value).toBe('say "hi" \\ now\n');
    expect(cmp(String.raw`name = 'it\'s "fine"'`).value).toBe(`it's "fine"`);
    expect(cmp('name = ""').value).toBe("");
  });

  it("maps true/false to 1/0 for params and upper-cases statuses", () => {
    expect(cmp("params.amp = true").value).toBe(1);
    expect(cmp("params.amp != FALSE").value).toBe(0);
    expect(cmp('status = "failed"').value).toBe("FAILED");
  });

  it("reads dotted, odd-character and backtick-quoted keys", () => {
    expect(cmp("params.optimizer.lr > 0").field).toEqual({ kind: "param", key: "optimizer.lr" });
    expect(cmp("metrics.eval/top-1_acc >= 0.9").field).toEqual({ kind: "metric", key: "eval/top-1_acc" });
    expect(cmp('params.`weird key` = "x"').field).toEqual({ kind: "param", key: "weird key" });
    expect(cmp("metrics.`a\\`b` = 1").field).toEqual({ kind: "metric", key: "a`b" });
    expect(cmp('params.and = "x"').field).toEqual({ kind: "param", key: "and" });
  });

  it("records the position of each comparison", () => {
    const n = parseFilter('name = "a" AND  status = "RUNNING"');
    expect(n.kind === "and" && n.left.kind === "cmp" && n.right.kind === "cmp" && [n.left.position, n.right.position]).toEqual([0, 16]);
  });

  it("allows nesting up to the limit", () => {
    expect(() => parseFilter("(".repeat(32) + 'name = "a"' + ")".repeat(32))).not.toThrow();
    expect(() => parseFilter("NOT ".repeat(32) + 'name = "a"')).not.toThrow();
  });

  it("treats blank filters as blank, and refuses to parse them", () => {
    expect(isBlankFilter("")).toBe(true);
    expect(isBlankFilter("  \n\t")).toBe(true);
    expect(isBlankFilter('name = "a"')).toBe(false);
    expect(() => parseFilter("   ")).toThrow(FilterSyntaxError);
  });
});

describe("parseFilter errors", () => {
  const cases: [src: string, position: number, message: string][] = [
    ["metrics.test_loss < ", 20, "expected a value after '<' at position 20"],
    ["metrics.test_loss <  AND name = 'a'", 21, "expected a value after '<' at position 21"],
    ["foo = 1", 0, "unknown field 'foo' at position 0 (use name, status, stage, pipeline, uuid, params.<key> or metrics.<key>)"],
    ['(  (name = "a")', 0, "unclosed '(' opened at position 0"],
    ['NOT (name = "a"', 4, "unclosed '(' opened at position 4"],
    ['name = "a"     )', 15, "unexpected ')' at position 15"],
    ["()", 1, "unexpected ')' at position 1"],
    ['name = "a" AND name = "abc', 22, "unterminated string starting at position 22"],
    ['metrics.test_loss < "0.4"', 20, "'<' needs a number for metrics.test_loss at position 20"],
    ["metrics.acc = true", 14, "'=' needs a number for metrics.acc"],
    ['metrics.acc ~ "a*"', 14, "'~' only works on strings"],
    ["params.lr ~ 3", 12, "'~' needs a string for params.lr at position 12"],
    ["name = 3", 7, "'=' needs a string for name"],
    ["name = resnet", 7, 'expected a value after \'=\' at position 7 (strings need quotes: "resnet")'],
    ['name "a"', 5, "expected an operator"],
    ['name == "a"', 5, "use '='"],
    ['name = "a" status = "FAILED"', 11, "expected AND, OR or end of filter, found 'status'"],
    ['name = "a" AND', 14, "expected a field"],
    ['(name = "a" name = "b")', 12, "expected AND, OR or ')'"],
    ["params. = 1", 7, "expected a key after 'params.'"],
    ["params.`` = 1", 7, "empty quoted key"],
    ["params.`abc = 1", 7, "unterminated quoted key"],
    ['name = "a\\q"', 9, "unknown escape '\\q'"],
    ["metrics.a < 1.2.3", 12, "invalid number '1.2.3'"],
    ["metrics.a < 1e999", 12, "out of range"],
    ['name = "a" & name = "b"', 11, "unexpected character '&'"],
    ['status = "DONE"', 9, "unknown status 'DONE' at position 9 (use RUNNING, COMPLETED, FAILED)"],
    ["", 0, "filter is empty"],
    ["(".repeat(33) + 'name = "a"' + ")".repeat(33), 32, "nested deeper than 32"],
    ['name = "' + "x".repeat(2000) + '"', 2000, "too long"],
  ];

  it.each(cases)("%j fails at %i with %j", (src, position, message) => {
    let caught: unknown;
    try {
      parseFilter(src);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FilterSyntaxError);
    const e = caught as FilterSyntaxError;
    expect(e.message).toContain(message);
    expect(e.position).toBe(position);
    expect(e.message).toContain(`at position ${position}`);
  });
});
