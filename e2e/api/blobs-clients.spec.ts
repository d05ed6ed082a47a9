// The rollback story end to end through the clients: the CLI logs two versions of a model with
// their bytes, promotes v2, rolls back, and `provscope pull MODEL@deployed` (and the Python
// client's pull) yields v1's exact bytes, sha256-verified. Plus the SDK's logModel(path) and the
// admin's blob commands.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, expect, uniq, getJson } from "../fixtures";
import { cli, root, runNode } from "./client-ts-helpers";
import { run } from "./native-helpers";

const sha256 = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

test.describe("artifact files through the clients", () => {
  let dir: string;
  test.beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "provscope-blob-clients-"));
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // Logs one training run with the model file as output and registers it; returns the version.
  async function logVersion(baseURL: string, token: string, model: string, file: string) {
    const start = await cli(baseURL, token, ["log", "start", "--pipeline", uniq("rollback"), "--stage", "train"]);
    expect(start.code, start.stderr).toBe(0);
    const env = { PROVSCOPE_EXECUTION: start.stdout.trim() };
    for (const args of [["log", "artifact", "output", "model", model, "--file", file], ["register", model, "--file", file], ["log", "end"]]) {
      const r = await cli(baseURL, token, args, env);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
    }
  }

  test("rollback, then pull MODEL@deployed yields the earlier version's exact bytes", async ({ request, baseURL, admin, tokenFor }) => {
    const model = uniq("eke");
    const v1 = randomBytes(2 * 1024 * 1024 + 3);
    const v2 = randomBytes(1024 * 1024);
    writeFileSync(path.join(dir, "it1.pt"), v1);
    writeFileSync(path.join(dir, "it2.pt"), v2);
    await logVersion(baseURL!, admin.token, model, path.join(dir, "it1.pt"));
    await logVersion(baseURL!, admin.token, model, path.join(dir, "it2.pt"));
    const versions = (await getJson(request, `/api/v1/models/${model}`)).versions as Array<{ version: number; artifact: { id: number; hash: string } }>;
    expect(versions.map((v) => [v.version, v.artifact.hash])).toEqual([[1, sha256(v1)], [2, sha256(v2)]]);
    expect((await getJson(request, `/api/v1/artifacts/${versions[0].artifact.id}`)).blob).toEqual({ size: v1.length, downloadUrl: `/api/v1/blobs/${sha256(v1)}` });

    for (const args of [["promote", model, "deployed", "1", "--reason", "first"], ["promote", model, "deployed", "2", "--reason", "lower test loss"]]) {
      expect((await cli(baseURL!, admin.token, args)).code).toBe(0);
    }
    const reader = await tokenFor("read"); // pulling needs only read scope
    const before = await cli(baseURL!, reader, ["pull", `${model}@deployed`, "-o", path.join(dir, "deployed-before.pt")]);
    expect(before.code, before.stderr).toBe(0);
    expect(readFileSync(path.join(dir, "deployed-before.pt")).equals(v2)).toBe(true);

    const back = await cli(baseURL!, admin.token, ["rollback", model, "deployed", "--reason", "OOD regression"]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toContain("v2 → v1 (rollback");

    const pulled = await cli(baseURL!, reader, ["pull", `${model}@deployed`, "-o", path.join(dir, "deployed.pt"), "--json"]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(JSON.parse(pulled.stdout)).toMatchObject({ model, alias: "deployed", version: 1, digest: sha256(v1), size: v1.length });
    const bytes = readFileSync(path.join(dir, "deployed.pt"));
    expect(sha256(bytes)).toBe(sha256(v1));
    expect(bytes.equals(v1)).toBe(true);

    // Without -o: the file name of the version's uri, in the working directory.
    const pullDir = mkdtempSync(path.join(dir, "pull-"));
    const byNumber = await run(process.execPath, [path.join(root, "ingest/ts/bin/provscope.mjs"), "pull", `${model}:2`], {
      cwd: pullDir,
      env: { PROVSCOPE_URL: baseURL!, PROVSCOPE_TOKEN: reader },
    });
    expect(byNumber.code, byNumber.stderr).toBe(0);
    expect(byNumber.stdout).toMatch(new RegExp(`${model} v2 sha256:[0-9a-f]{64} → it2\\.pt \\(${v2.length} bytes, sha256 verified\\)`));
    expect(readFileSync(path.join(pullDir, "it2.pt")).equals(v2)).toBe(true);

    const py = await run("python3", ["-m", "provscope", "pull", `${model}@deployed`, "-o", path.join(dir, "py.pt")], {
      cwd: path.join(root, "ingest/python"),
      env: { PROVSCOPE_URL: baseURL!, PROVSCOPE_TOKEN: reader },
    });
    expect(py.code, py.stderr).toBe(0);
    expect(py.stdout).toContain(`${model}@deployed (v1) ${sha256(v1)}`);
    expect(readFileSync(path.join(dir, "py.pt")).equals(v1)).toBe(true);
  });

  test("a metadata-only version cannot be pulled; the error says where its bytes live", async ({ baseURL, admin }) => {
    const model = uniq("meta");
    const start = await cli(baseURL!, admin.token, ["log", "start", "--pipeline", uniq("meta"), "--stage", "train"]);
    const env = { PROVSCOPE_EXECUTION: start.stdout.trim() };
    const hash = sha256(randomBytes(16));
    for (const args of [["log", "artifact", "output", "model", model, "--hash", hash, "--uri", "file:///lustre/ckpt/huge.pt"], ["register", model, "--hash", hash]]) {
      expect((await cli(baseURL!, admin.token, args, env)).code).toBe(0);
    }
    const out = path.join(dir, "huge.pt");
    const r = await cli(baseURL!, admin.token, ["pull", `${model}:1`, "-o", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("not stored in Provscope (metadata-only); they live at file:///lustre/ckpt/huge.pt");
    const py = await run("python3", ["-m", "provscope", "pull", `${model}:1`, "-o", out], { cwd: path.join(root, "ingest/python"), env: { PROVSCOPE_URL: baseURL!, PROVSCOPE_TOKEN: admin.token } });
    expect(py.code).toBe(1);
    expect(py.stderr).toContain("metadata-only");
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    expect((await cli(baseURL!, admin.token, ["pull", model])).code).toBe(2); // neither @ALIAS nor :VERSION
  });

  test("the SDK's logModel(path) uploads the file and logs it; the artifact links its bytes", async ({ request, baseURL, admin }) => {
    const model = uniq("sdk-model");
    const file = path.join(dir, "weights.bin");
    writeFileSync(file, randomBytes(300_000));
    const script = path.join(dir, "log-model.mts");
    writeFileSync(
      script,
      `import { Provscope } from ${JSON.stringify(path.join(root, "ingest/ts/src/index.ts"))};
const ps = new Provscope();
const run = ps.pipeline(${JSON.stringify(uniq("sdk"))}).stage("train").execution();
const logged = await run.logModel("output", ${JSON.stringify(file)}, { name: ${JSON.stringify(model)} });
const version = await ps.registry.registerVersion(${JSON.stringify(model)}, logged.hash, run);
run.end();
await ps.close();
console.log(JSON.stringify({ logged, version, execution: run.uuid }));
`,
    );
    const r = await runNode(["--import", "tsx", script], { PROVSCOPE_URL: baseURL!, PROVSCOPE_TOKEN: admin.token });
    expect(r.code, r.stderr).toBe(0);
    const { logged, execution } = JSON.parse(r.stdout.trim().split("\n").pop()!);
    expect(logged).toMatchObject({ name: model, hash: sha256(readFileSync(file)), size: 300_000, stored: true, uploaded: true });
    const e = await getJson(request, `/api/v1/executions/${execution}`);
    const artifact = (e.outputs as Array<{ id: number; name: string }>).find((o) => o.name === model)!;
    expect((await getJson(request, `/api/v1/artifacts/${artifact.id}`)).blob).toEqual({ size: 300_000, downloadUrl: `/api/v1/blobs/${logged.hash}` });
  });

  test("blobs push, unreferenced and rm: the admin's garbage commands", async ({ baseURL, admin, tokenFor }) => {
    const file = path.join(dir, "orphan.bin");
    const bytes = randomBytes(4096);
    writeFileSync(file, bytes);
    const digest = sha256(bytes);
    const push = await cli(baseURL!, admin.token, ["blobs", "push", file]);
    expect(push.code, push.stderr).toBe(0);
    expect(push.stdout).toContain(`${digest} stored (4096 bytes)`);
    expect((await cli(baseURL!, admin.token, ["blobs", "push", file])).stdout).toContain("already stored");

    const list = await cli(baseURL!, admin.token, ["blobs", "unreferenced", "--json"]);
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout).blobs as Array<{ digest: string }>).map((b) => b.digest)).toContain(digest);
    const writer = await tokenFor("write");
    const refused = await cli(baseURL!, writer, ["blobs", "rm", digest]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("403");

    const rm = await cli(baseURL!, admin.token, ["blobs", "rm", digest]);
    expect(rm.code, rm.stderr).toBe(0);
    expect(rm.stdout).toContain(`removed ${digest} (4096 bytes)`);
    const again = await cli(baseURL!, admin.token, ["blobs", "unreferenced", "--json"]);
    expect((JSON.parse(again.stdout).blobs as Array<{ digest: string }>).map((b) => b.digest)).not.toContain(digest);
    expect((await cli(baseURL!, admin.token, ["blobs", "rm", "nonsense"])).code).toBe(2);
  });
});
