// Runs the TypeScript SDK's CLI and examples as a user would: child processes pointed at the test
// server by PROVSCOPE_URL and PROVSCOPE_TOKEN.
import { spawn } from "node:child_process";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const CLI = path.join(root, "ingest/ts/bin/provscope.mjs");

export type Run = { code: number | null; stdout: string; stderr: string };

export function runNode(args: string[], env: Record<string, string>, input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, PROVSCOPE_RETRY_SECONDS: "2", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

// `provscope ARGS…` with the given server and token (PROVSCOPE_EXECUTION and others via env).
export function cli(baseURL: string, token: string, args: string[], env: Record<string, string> = {}, input?: string) {
  return runNode([CLI, ...args], { PROVSCOPE_URL: baseURL, PROVSCOPE_TOKEN: token, ...env }, input);
}

export function example(file: string, baseURL: string, token: string, env: Record<string, string> = {}) {
  return runNode(["--import", "tsx", path.join(root, "ingest/ts/examples", file)], { PROVSCOPE_URL: baseURL, PROVSCOPE_TOKEN: token, ...env });
}
