// `npm run demo`: the demo workflow against a running server, with progress on stdout. The server
// runs this too on its first start (with --token-stdin, so the token never shows in `ps`).
import { createInterface } from "node:readline";
import { ProvscopeError } from "../ts/src";
import { parseArgs, USAGE, UsageError, type DemoArgs } from "./args";
import { runDemo, type DemoResult } from "./demo";

function line(message: string) {
  process.stdout.write(`demo: ${message}\n`);
}

// The first line of stdin is the token; stdin closing afterwards means whoever started us is gone.
function tokenFromStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin });
    let token: string | null = null;
    rl.on("line", (l) => {
      if (token !== null) return;
      token = l.trim();
      resolve(token);
    });
    rl.on("close", () => {
      if (token === null) reject(new UsageError("--token-stdin: stdin closed before a token arrived"));
      else {
        process.stderr.write("demo: stdin closed (the server that started the demo has stopped): exiting\n");
        process.exit(1);
      }
    });
  });
}

async function summary(r: DemoResult, url: string) {
  const roll = r.rolledBack ? `, rolled back v${r.rolledBack.from} → v${r.rolledBack.to}` : "";
  line(`done in ${r.seconds.toFixed(1)} s (${r.cpuSeconds.toFixed(1)} s CPU): ${r.iterations} iterations, ${r.deployed.model}@deployed = v${r.deployed.version}${roll}`);
  line(`look at: ${url}/models/${encodeURIComponent(r.deployed.model)} and ${url}/executions?pipeline=${encodeURIComponent(r.names.pipeline)}`);
}

async function main() {
  let args: DemoArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const token = args.tokenStdin ? await tokenFromStdin() : args.token;
  try {
    const result = await runDemo({ url: args.url, token, seed: args.seed, prefix: args.prefix, out: args.out, say: args.quiet ? undefined : line });
    await summary(result, (args.url ?? process.env.PROVSCOPE_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, ""));
    process.exit(0);
  } catch (err) {
    const message = err instanceof ProvscopeError || err instanceof UsageError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`demo: failed: ${message}\n`);
    process.exit(1);
  }
}

void main();
