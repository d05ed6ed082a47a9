import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FakeServer } from "./testing/fake-server";

const script = path.join(path.dirname(new URL(import.meta.url).pathname), "testing/exit-script.ts");

function runScript(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, PROVSCOPE_TOKEN: "good-token", ...env } });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

const servers: FakeServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

describe("flush on exit", () => {
  it("sends what a script logged when it ends without close()", async () => {
    const server = new FakeServer();
    servers.push(server);
    const url = await server.start();
    const r = await runScript({ PROVSCOPE_URL: url, POINTS: "25000" });
    expect(r.code, r.stderr).toBe(0);
    expect(server.points("x")).toBe(25000);
    expect(server.ops().at(-1)).toMatchObject({ op: "execution.end", execution: "exit-1" });
  });

  it("gives up after exitTimeoutMs when the server is down, says so, and exits with code 1", async () => {
    const server = new FakeServer();
    servers.push(server);
    const url = await server.start();
    await server.stop();
    const started = Date.now();
    const r = await runScript({ PROVSCOPE_URL: url, POINTS: "10", EXIT_TIMEOUT_MS: "500" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/provscope: at exit: flush: 10 points and 2 ops still undelivered after 0.5 s; last error: cannot connect/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
