// `provscope`: the command-line client (package.json `bin`, run through tsx by bin/provscope.mjs).
// Exit codes: 0 ok, 1 the server refused (or failed) the request, 2 usage error, 3 cannot connect.
import { HttpClient } from "./client";
import { ProvscopeError } from "./errors";
import { UsageError, str } from "./cli/command";
import { COMMANDS, helpText } from "./cli/commands";
import { Output } from "./cli/output";
import { parseCommandLine } from "./cli/parse";

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const out = new Output(json);
  try {
    const { command, values, args, words } = parseCommandLine(argv, COMMANDS);
    if (!command) {
      if (words.length === 0 || values.help) {
        process.stdout.write(helpText());
        return words.length === 0 && !values.help ? 2 : 0;
      }
      throw new UsageError(`unknown command '${words.join(" ")}'; run provscope --help for the list`);
    }
    if (values.help) {
      process.stdout.write(helpText(command));
      return 0;
    }
    const http = new HttpClient({ url: str(values, "url"), token: str(values, "token") });
    await command.run({ http, values, args, out });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    return fail(err, out);
  }
}

function fail(err: unknown, out: Output): number {
  const code = err instanceof UsageError ? 2 : err instanceof ProvscopeError && err.unreachable ? 3 : 1;
  const message = err instanceof Error ? err.message : String(err);
  if (out.json) {
    const e = err instanceof ProvscopeError ? { code: err.code, message, status: err.status, ...(err.path ? { path: err.path } : {}) } : { code: err instanceof UsageError ? "usage" : "error", message };
    process.stdout.write(`${JSON.stringify({ error: e }, null, 2)}\n`);
  }
  process.stderr.write(`provscope: ${message}\n`);
  if (!(err instanceof ProvscopeError) && !(err instanceof UsageError) && err instanceof Error && process.env.PROVSCOPE_DEBUG) {
    process.stderr.write(`${err.stack}\n`);
  }
  return code;
}

process.exitCode = await main(process.argv.slice(2));
