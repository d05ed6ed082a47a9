import { describe, expect, it } from "vitest";
import { parseFilter } from "../../query/filter/parse";
import { translateFilter, translateOrderBy } from "./search-filter";

describe("translateFilter", () => {
  it.each([
    ["metrics.rmse < 1", "(metrics.`rmse` < 1)"],
    ["metrics.rmse < 1 and params.model_class = 'LogisticRegression'", '(metrics.`rmse` < 1) AND (params.`model_class` = "LogisticRegression")'],
    ["params.lr = '0.01'", '((params.`lr` = 0.01 OR params.`lr` = "0.01"))'],
    ["params.lr != '0.01'", '((params.`lr` != 0.01 OR params.`lr` != "0.01"))'],
    ["params.version = '1.0'", '(params.`version` = "1.0")'],
    ['metrics."model class" >= 0.5', "(metrics.`model class` >= 0.5)"],
    ["params.`opt name` LIKE 'ad%m_'", '(params.`opt name` ~ "ad*m?")'],
    ["attributes.status = 'FINISHED'", '(status = "COMPLETED")'],
    ["status != 'KILLED'", '(status != "FAILED")'],
    ["attributes.run_name ILIKE 'cnn%'", '(name ~ "cnn*")'],
    ["tags.mlflow.runName = 'best'", '(name = "best")'],
    ["attributes.run_id IN ('a1', 'b2')", '(uuid = "a1" OR uuid = "b2")'],
    ["params.opt NOT IN ('sgd')", '(params.`opt` != "sgd")'],
    ["metrics.loss <= -1.5e-3", "(metrics.`loss` <= -0.0015)"],
    ["params.note = 'say \\'hi\\' \"x\"'", '(params.`note` = "say \'hi\' \\"x\\"")'],
  ])("%s → %s", (mlflow, provscope) => {
    const out = translateFilter(mlflow)!;
    expect(out).toBe(provscope);
    expect(() => parseFilter(out)).not.toThrow(); // it is valid Provscope filter syntax
  });

  it("treats a blank filter as none", () => {
    expect(translateFilter(undefined)).toBeUndefined();
    expect(translateFilter("  ")).toBeUndefined();
  });

  it.each([
    ["tags.team = 'a'", "filtering on tags"],
    ["params.lr > '0.1'", "invalid comparator '>'"],
    ["metrics.rmse = 'low'", "compares to a number"],
    ["metrics.rmse < 1 OR metrics.rmse > 2", "joined with AND"],
    ["attributes.start_time > 5", "attribute 'start_time' is not supported"],
    ["status = 'DONE'", "unknown run status 'DONE'"],
    ["params.a = ", "expected a value"],
    ["params.a = 'x", "unterminated quote"],
    ["foo.bar = 1", "is not metrics.<key>"],
  ])("rejects %s (%s) as INVALID_PARAMETER_VALUE", (mlflow, text) => {
    expect(() => translateFilter(mlflow)).toThrow(expect.objectContaining({ code: "INVALID_PARAMETER_VALUE", status: 400, message: expect.stringContaining(text) }));
  });
});

describe("translateOrderBy", () => {
  it.each([
    [[], "-startedAt"],
    [["metrics.rmse DESC"], "-metrics.rmse"],
    [["params.lr"], "params.lr"],
    [["attributes.start_time ASC", "metrics.x"], "startedAt"],
    [["end_time desc"], "-endedAt"],
    [["tags.mlflow.runName"], "name"],
  ])("%j → %s", (orderBy, spec) => expect(translateOrderBy(orderBy)).toBe(spec));

  it("rejects what it cannot sort by", () => {
    expect(() => translateOrderBy(["tags.team"])).toThrow(expect.objectContaining({ code: "INVALID_PARAMETER_VALUE" }));
  });
});
