// A script that logs and ends without close(): the SDK must send the tail on its own at exit.
// Used by exit.test.ts. PROVSCOPE_URL / PROVSCOPE_TOKEN say where; POINTS how many.
import { Provscope } from "../provscope";

const ps = new Provscope({ exitTimeoutMs: Number(process.env.EXIT_TIMEOUT_MS ?? 30_000), initialBackoffMs: 20, maxBackoffMs: 100 });
const run = ps.execution("exit", "s", { uuid: "exit-1" });
for (let i = 0; i < Number(process.env.POINTS ?? 1000); i++) run.logMetric("x", i, i);
run.end();
