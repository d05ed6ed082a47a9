import { describe, expect, it } from "vitest";
import { parseArgs } from "./args";

describe("demo command line", () => {
  it("reads every option, in both spellings", () => {
    expect(parseArgs(["--seed", "8", "--url=http://h:1", "--token", "t", "--prefix", "p-", "--out", "/tmp/x", "--quiet"])).toEqual({
      seed: 8, url: "http://h:1", token: "t", prefix: "p-", out: "/tmp/x", quiet: true, tokenStdin: false, help: false,
    });
    expect(parseArgs(["--token-stdin"])).toMatchObject({ tokenStdin: true });
  });

  it.each([
    [["--seed", "x"], /--seed must be a whole number/],
    [["--seed"], /--seed needs a value/],
    [["--nope"], /unknown option '--nope'/],
    [["--token", "t", "--token-stdin"], /not both/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
