import "server-only";
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { createToken } from "../auth/tokens";
import { revokeToken } from "../auth/manage-tokens";
import type { Db } from "../db/client";
import { setDemoState } from "./demo-state";

// The built-in demo is the computed workflow of ingest/demo, a client of this server like any
// other: it runs in a child process (so its number crunching never blocks a request) and talks to
// `origin` over HTTP with a write token minted for it, passed on stdin and revoked when it ends.
// Its progress lines go to the server log and to the demo state that GET /api/health reports.
export async function startDemo(db: Db, origin: string): Promise<void> {
  const { id, token } = await createToken(db, "demo", "write");
  const script = path.join(process.cwd(), "ingest", "demo", "run.ts");
  setDemoState({ state: "running", step: "starting", startedAt: new Date().toISOString(), finishedAt: null });
  console.log(`provscope: empty database: running the demo workflow against ${origin} (progress below; GET /api/health shows it too)`);
  const child = spawn(process.execPath, ["--import", "tsx", script, "--url", origin, "--token-stdin"], {
    cwd: process.cwd(),
    stdio: ["pipe", "pipe", "pipe"],
  });
  // stdin stays open: the demo exits when it closes, i.e. when this server stops.
  child.stdin.write(`${token}\n`);
  createInterface({ input: child.stdout }).on("line", (line) => {
    console.log(`provscope: ${line}`);
    if (line.startsWith("demo: ")) setDemoState({ step: line.slice("demo: ".length) });
  });
  createInterface({ input: child.stderr }).on("line", (line) => console.error(`provscope: ${line}`));

  let finished = false;
  const finish = async (ok: boolean, why: string) => {
    if (finished) return;
    finished = true;
    setDemoState({ state: ok ? "completed" : "failed", finishedAt: new Date().toISOString(), ...(ok ? {} : { step: why }) });
    if (!ok) console.error(`provscope: the demo workflow failed (${why}); the server works regardless. Re-run it with 'npm run demo'.`);
    await revokeToken(db, id).catch((err: unknown) => console.error(`provscope: could not revoke the demo's token ${id}: ${String(err)}`));
  };
  child.on("error", (err) => void finish(false, `could not start: ${err.message}`));
  child.on("exit", (code, signal) => void finish(code === 0, signal ? `killed by ${signal}` : `exit code ${code}`));
}
