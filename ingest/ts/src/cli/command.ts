// What a CLI command is, and the helpers commands share to read their arguments.
import type { ParseArgsConfig } from "node:util";
import type { HttpClient } from "../client";
import type { Output } from "./output";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;
export type Values = Record<string, string | boolean | string[] | undefined>;

export type Context = { http: HttpClient; values: Values; args: string[]; out: Output };

export type Command = {
  name: string; // "token create"
  usage: string; // the arguments after the name
  summary: string;
  options?: OptionSpec;
  args: [min: number, max: number];
  run: (ctx: Context) => Promise<void>;
};

// Wrong arguments: exit code 2, with the usage of the command.
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export function str(values: Values, name: string, fallback?: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : fallback;
}

export function required(values: Values, name: string, env?: string): string {
  const v = str(values, name) ?? (env ? process.env[env] : undefined);
  if (!v) throw new UsageError(`--${name} is required${env ? ` (or set ${env})` : ""}`);
  return v;
}

export function int(text: string | undefined, what: string, min = 0): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${what} must be an integer >= ${min}, got '${text}'`);
  return n;
}

export function number(text: string, what: string): number {
  const n = Number(text);
  if (text.trim() === "" || (Number.isNaN(n) && text !== "NaN")) throw new UsageError(`${what} must be a number, got '${text}'`);
  return n;
}

// --param k=v (repeatable): v is JSON when it parses (numbers, true, null, "quoted"), else a string.
export function keyValues(list: string[] | undefined, what: string): Record<string, unknown> | undefined {
  if (!list?.length) return undefined;
  const out: Record<string, unknown> = {};
  for (const item of list) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw new UsageError(`${what} must be KEY=VALUE, got '${item}'`);
    const raw = item.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // a plain string
    }
    out[item.slice(0, eq)] = value;
  }
  return out;
}

export function oneOf<T extends string>(text: string | undefined, allowed: readonly T[], what: string): T {
  if (!text || !(allowed as readonly string[]).includes(text)) {
    throw new UsageError(`${what} must be one of ${allowed.join(", ")}, got '${text ?? ""}'`);
  }
  return text as T;
}
