import { test, expect, uniq, auth } from "../fixtures";
import { ADMIN_TOKEN } from "../../playwright.config";
import { freshDatabase, type FreshDatabase } from "../database";
import { expectExactlyOnce, RestartableServer } from "./native-helpers";

// Scale-out: two stateless server processes on one database, as behind a load balancer. Writers
// spread their batches over both and retry every batch once on the other server (a client that
// never saw the answer); every point and artifact must arrive exactly once and be visible from
// either server, and concurrent alias moves through both servers must form one unbroken history.
// On PostgreSQL (the suite's PostgreSQL run) this is the deployment the README describes; on
// SQLite it shows two processes sharing one file.

const WRITERS = 8;
const BATCHES = 12;
const POINTS = 250;

let database: FreshDatabase;
let servers: RestartableServer[] = [];

test.describe.configure({ mode: "serial", timeout: 240_000 });

test.beforeAll(async () => {
  // Migrating and starting two servers can take over a minute on a busy 2-core machine.
  test.setTimeout(240_000);
  database = await freshDatabase("scale-out");
  servers = [await RestartableServer.create(database), await RestartableServer.create(database)];
  await Promise.all(servers.map((s) => s.start()));
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.dispose()));
  await database?.drop();
});

async function post(url: string, body: unknown) {
  const res = await fetch(url, { method: "POST", headers: { ...auth(ADMIN_TOKEN), "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

test("writers spread over two servers land every point and artifact exactly once", async ({ request }) => {
  const run = uniq("scale");
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      const execution = `${run}-rank${w}`;
      for (let b = 0; b < BATCHES; b++) {
        const steps = Array.from({ length: POINTS }, (_, i) => b * POINTS + i);
        const batch = {
          batchId: `${execution}-b${b}`,
          ops: [
            // Every writer starts the same driver execution and logs the same dataset: rows that
            // concurrent transactions on the two servers race to create.
            { op: "execution.start", pipeline: run, stage: "simulate", execution },
            { op: "artifact", execution, direction: "input", type: "dataset", name: `${run}-mesh`, hash: `sha256:${run}-mesh` },
            { op: "artifact", execution, direction: "output", type: "dataset", name: `${execution}-out-${b}`, hash: `sha256:${execution}-${b}` },
            { op: "series", execution, key: "residual", steps, values: steps.map((s) => 1 / (1 + s)) },
          ],
        };
        const first = servers[(w + b) % 2];
        const other = servers[(w + b + 1) % 2];
        const [a, again] = await Promise.all([post(`${first.url}/api/v1/batches`, batch), post(`${other.url}/api/v1/batches`, batch)]);
        expect(a.status, JSON.stringify(a.body)).toBe(200);
        expect(again.status, JSON.stringify(again.body)).toBe(200);
        expect(again.body).toEqual(a.body);
      }
    }),
  );

  for (const server of servers) {
    for (let w = 0; w < WRITERS; w++) await expectExactlyOnce(request, server.url, `${run}-rank${w}`, "residual", BATCHES * POINTS);
    const executions = await request.get(`${server.url}/api/v1/executions?pipeline=${encodeURIComponent(run)}&limit=100`, { headers: auth(ADMIN_TOKEN) });
    const body = await executions.json();
    expect(body.total ?? body.executions.length).toBe(WRITERS);
    const meshIds = new Set<number>();
    for (const e of body.executions as Array<{ uuid: string }>) {
      const detail = await (await request.get(`${server.url}/api/v1/executions/${e.uuid}`, { headers: auth(ADMIN_TOKEN) })).json();
      expect(detail.outputs.filter((o: { name: string }) => o.name.startsWith(`${e.uuid}-out-`))).toHaveLength(BATCHES);
      const mesh = detail.inputs.filter((i: { name: string }) => i.name === `${run}-mesh`);
      expect(mesh).toHaveLength(1);
      meshIds.add(mesh[0].id);
    }
    // The dataset all ranks logged is one artifact.
    expect(meshIds.size).toBe(1);
  }
});

test("concurrent promotes and rollbacks through both servers keep one unbroken alias history", async () => {
  const model = uniq("scale-model");
  const execution = `${model}-train`;
  const versions = [1, 2, 3, 4, 5];
  const seed = await post(`${servers[0].url}/api/v1/batches`, {
    batchId: `${model}-seed`,
    ops: [
      { op: "execution.start", pipeline: model, stage: "train", execution },
      ...versions.flatMap((v) => [
        { op: "artifact", execution, direction: "output", type: "model", name: `${model}-w${v}`, hash: `sha256:${model}-${v}` },
        { op: "model.version", model, hash: `sha256:${model}-${v}`, execution },
      ]),
    ],
  });
  expect(seed.status, JSON.stringify(seed.body)).toBe(200);
  const alias = `/api/v1/models/${encodeURIComponent(model)}/aliases/deployed`;
  const moves = Array.from({ length: 40 }, (_, i) =>
    i % 4 === 3
      ? post(`${servers[i % 2].url}${alias}/rollback`, { reason: `rollback ${i}` })
      : post(`${servers[i % 2].url}${alias}`, { version: versions[i % versions.length], reason: `promote ${i}` }),
  );
  const results = await Promise.all(moves);
  // A rollback may find nothing to roll back to (422); nothing else may fail.
  for (const r of results) expect([200, 422], JSON.stringify(r.body)).toContain(r.status);
  // A promote to the version the alias already has records nothing (change: null).
  const applied = results.filter((r) => r.status === 200 && r.body.change !== null).length;

  for (const server of servers) {
    const res = await fetch(`${server.url}${alias}/history`, { headers: auth(ADMIN_TOKEN) });
    const changes = (await res.json()).changes as Array<{ from: number | null; to: number | null }>;
    expect(changes).toHaveLength(applied);
    // No lost update: every change starts where the one before it ended.
    for (let i = 1; i < changes.length; i++) expect(changes[i].from).toBe(changes[i - 1].to);
    const current = await (await fetch(`${server.url}${alias}`, { headers: auth(ADMIN_TOKEN) })).json();
    expect(current.version).toBe(changes.at(-1)!.to);
  }
});
