// runDemo(): the whole demo against a Provscope server, as `npm run demo` and the server's first
// start run it, and as tests run it in-process. Everything goes through the TypeScript SDK over HTTP.
import path from "node:path";
import { Provscope, ProvscopeError } from "../ts/src";
import { ARCHITECTURES } from "./config";
import type { Ctx, Names } from "./context";
import { runWorkflow, type WorkflowResult } from "./driver";
import { WorkDir } from "./files";
import { createRng } from "./rng";

export const DEFAULT_SEED = 7;
export const DEFAULT_PIPELINE = "continual-learning-eke";

export type DemoOptions = {
  url?: string; // default PROVSCOPE_URL, else http://127.0.0.1:3000
  token?: string; // default PROVSCOPE_TOKEN
  seed?: number;
  prefix?: string; // prepended to the pipeline and model names, to run beside another demo
  out?: string; // where the workflow's files go (default data/demo/seed-N)
  say?: (message: string) => void;
  waitForServerMs?: number;
};

export type DemoResult = WorkflowResult & { names: Names; seed: number; seconds: number; cpuSeconds: number };

export function demoNames(prefix = ""): Names {
  return { pipeline: `${prefix}${DEFAULT_PIPELINE}`, resnet: `${prefix}${ARCHITECTURES.resnet.name}`, bottleneck: `${prefix}${ARCHITECTURES.bottleneck.name}` };
}

export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const seed = options.seed ?? DEFAULT_SEED;
  const say = options.say ?? (() => {});
  const names = demoNames(options.prefix);
  const slug = options.prefix ? `-${options.prefix.replace(/[^A-Za-z0-9._-]+/g, "_")}` : "";
  const work = new WorkDir(options.out ?? path.join("data", "demo", `seed-${seed}${slug}`));
  const ps = new Provscope({ url: options.url, token: options.token, flushOnExit: false });
  try {
    await waitForServer(ps, options.waitForServerMs ?? 60_000, say);
    const ctx: Ctx = { ps, names, work, rng: createRng(seed), seed, say };
    say(`seed ${seed}, pipeline '${names.pipeline}', files in ${work.dir}`);
    const result = await runWorkflow(ctx);
    await ps.close();
    const cpu = process.cpuUsage(cpu0);
    return { ...result, names, seed, seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  } catch (err) {
    await ps.close({ timeoutMs: 2_000 }).catch(() => {});
    throw err;
  }
}

async function waitForServer(ps: Provscope, timeoutMs: number, say: (m: string) => void) {
  const until = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      await ps.health();
      return;
    } catch (err) {
      if (!(err instanceof ProvscopeError) || !(err.unreachable || err.status === 503) || Date.now() > until) throw err;
      if (!told) say(`waiting for ${ps.http.url}…`);
      told = true;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
