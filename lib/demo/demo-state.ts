import "server-only";

// Whether this server process is running the built-in demo workflow, for GET /api/health and the
// overview page. It lives on globalThis because Next.js bundles instrumentation (which starts the
// demo) and the route handlers separately: a plain module variable would be two variables.

export type DemoState = {
  // disabled: PROVSCOPE_DEMO=0; skipped: the database was not empty at start
  state: "disabled" | "skipped" | "running" | "completed" | "failed";
  step: string | null; // the demo's latest progress line
  startedAt: string | null;
  finishedAt: string | null;
};

const KEY = Symbol.for("provscope.demo-state");
type Holder = { [KEY]?: DemoState };

export function demoState(): DemoState {
  return (globalThis as Holder)[KEY] ?? { state: "skipped", step: null, startedAt: null, finishedAt: null };
}

export function setDemoState(patch: Partial<DemoState>) {
  (globalThis as Holder)[KEY] = { ...demoState(), ...patch };
}
