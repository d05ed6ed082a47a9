// Finds the command in argv (its name may be two words: `token create`) and parses the rest
// strictly against the global options plus the command's own.
import { parseArgs } from "node:util";
import { UsageError, type Command, type OptionSpec, type Values } from "./command";

export const GLOBAL_OPTIONS = {
  url: { type: "string" },
  token: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionSpec;

export type Parsed = { command: Command | null; values: Values; args: string[]; words: string[] };

export function parseCommandLine(argv: string[], commands: Command[]): Parsed {
  // The words before the first argument that is an option (or an option's value).
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i];
    if (a.startsWith("-")) {
      if ((a === "--url" || a === "--token") && !a.includes("=")) i++;
      continue;
    }
    words.push(a);
  }
  const command =
    commands.find((c) => words.length >= 2 && c.name === `${words[0]} ${words[1]}`) ?? commands.find((c) => c.name === words[0]) ?? null;
  const options = { ...GLOBAL_OPTIONS, ...(command?.options ?? {}) };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (err) {
    const usage = command ? `; usage: provscope ${command.name} ${command.usage}` : "";
    throw new UsageError(`${(err as Error).message}${usage}`);
  }
  const nameWords = command ? command.name.split(" ").length : 0;
  const args = parsed.positionals.slice(nameWords);
  const values = parsed.values as Values;
  if (command && !values.help) {
    const [min, max] = command.args;
    if (args.length < min || args.length > max) {
      const expected = min === max ? `${min}` : max >= 1000 ? `at least ${min}` : `${min} to ${max}`;
      throw new UsageError(`'${command.name}' takes ${expected} argument(s), got ${args.length}; usage: provscope ${command.name} ${command.usage}`);
    }
  }
  return { command, values, args, words };
}
