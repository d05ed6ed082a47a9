import { describe, expect, it } from "vitest";
import { applySuggestion, suggest, type SuggestContext } from "./filter-suggest";

const ctx: SuggestContext = {
  fields: {
    params: [
      { key: "arch", type: "string", values: ["bottleneck", "resnet"] },
      { key: "lr", type: "number", values: [] },
      { key: "odd key", type: "mixed", values: ["x"] },
    ],
    metrics: [{ key: "test_loss" }, { key: "train_loss" }],
  },
  pipelines: ["cl-eke"],
  stages: ["simulate", "train"],
};

const at = (text: string) => {
  const caret = text.indexOf("|");
  const src = text.replace("|", "");
  const s = suggest(src, caret, ctx);
  return { ...s, labels: s.items.map((i) => i.label), src };
};

describe("suggest", () => {
  it("offers fields at the start, after AND/OR/NOT and '(' — prefixes first, then keys containing the text", () => {
    expect(at("|").labels.slice(0, 5)).toEqual(["name", "status", "stage", "pipeline", "uuid"]);
    expect(at("met|").labels).toEqual(["metrics.test_loss", "metrics.train_loss"]);
    expect(at("name = 'a' AND (NOT par|").labels).toEqual(["params.arch", "params.lr", "params.odd key"]);
    expect(at("loss|").labels).toEqual(["metrics.test_loss", "metrics.train_loss"]);
    expect(at("params.o|").items[0].insert).toBe("params.`odd key` ");
  });

  it("offers the operators that fit the field's type", () => {
    expect(at("metrics.test_loss |").labels).toEqual(["=", "!=", "<", "<=", ">", ">="]);
    expect(at("params.arch |").labels).toEqual(["=", "!=", "~"]);
    expect(at("params.`odd key` |").labels).toEqual(["=", "!=", "<", "<=", ">", ">=", "~"]);
    expect(at("status |").labels).toEqual(["=", "!=", "~"]);
    expect(at("metrics.test_loss <|").labels).toEqual(["<", "<="]);
  });

  it("offers known values, quoted, filtered by what is typed", () => {
    expect(at("status = |").labels).toEqual(['"RUNNING"', '"COMPLETED"', '"FAILED"']);
    expect(at('status = "co|').labels).toEqual(['"COMPLETED"']);
    expect(at("stage = s|").labels).toEqual(['"simulate"']);
    expect(at("params.arch = |").labels).toEqual(['"bottleneck"', '"resnet"']);
    expect(at("metrics.test_loss < |").labels).toEqual([]);
  });

  it("offers AND/OR after a comparison, and ')' inside a group", () => {
    expect(at("metrics.test_loss < 0.4 |").labels).toEqual(["AND", "OR"]);
    expect(at("(metrics.test_loss < 0.4 o|").labels).toEqual(["OR"]);
    expect(at('(status = "RUNNING" |').labels).toEqual(["AND", "OR", ")"]);
  });

  it("replaces the word being typed and puts the caret after the insertion", () => {
    const s = at("metrics.te| < 1");
    expect([s.from, s.to]).toEqual([0, 10]);
    expect(applySuggestion(s.src, s, s.items[0])).toEqual({ text: "metrics.test_loss < 1", caret: 18 });
    const end = at("met|");
    expect(applySuggestion(end.src, end, end.items[0])).toEqual({ text: "metrics.test_loss ", caret: 18 });
  });
});
