// A stand-in for POST /api/v1/batches in unit tests: stores batches by batchId as the real server
// does (a repeated id is answered from the store and writes nothing), and lets a test decide how
// each request is answered: an error status, a delay, or a dropped connection after applying.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { IngestBatchInput } from "../../../../lib/schemas/ingest";

type Op = IngestBatchInput["ops"][number];
export type Received = { batchId: string; ops: Op[]; at: number; bytes: number };
// What to do with one request: undefined = apply and answer 200.
export type Behaviour =
  | undefined
  | { status: number; code?: string; message?: string; path?: string }
  | { hang: Promise<void> }
  | { applyThenDrop: true };

export class FakeServer {
  readonly requests: Received[] = [];
  readonly applied = new Map<string, Op[]>();
  behave: (req: Received, n: number) => Behaviour = () => undefined;
  private server: Server | null = null;
  port = 0;

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server!.address() as AddressInfo).port;
    return this.url;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }

  // Every op applied, in order, exactly as the real server would have stored them.
  ops(): Op[] {
    return [...this.applied.values()].flat();
  }

  points(key?: string): number {
    return this.ops().reduce((n, op) => n + (op.op === "series" && (key === undefined || op.key === key) ? op.steps.length : 0), 0);
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    if (req.headers.authorization !== "Bearer good-token") return send(res, 401, envelope("unauthorized", "the API token is unknown or revoked"));
    const body = JSON.parse(text) as { batchId: string; ops: Op[] };
    const received: Received = { batchId: body.batchId, ops: body.ops, at: Date.now(), bytes: text.length };
    this.requests.push(received);
    const b = this.behave(received, this.requests.length);
    if (b && "hang" in b) await b.hang;
    if (b && "status" in b) return send(res, b.status, envelope(b.code ?? "error", b.message ?? `status ${b.status}`, b.path));
    if (!this.applied.has(body.batchId)) this.applied.set(body.batchId, body.ops);
    if (b && "applyThenDrop" in b) return res.socket?.destroy();
    send(res, 200, { batchId: body.batchId, applied: body.ops.length, results: body.ops.map((op) => ({ op: op.op, version: 1, artifactId: 7, created: true })) });
  }
}

const envelope = (code: string, message: string, path?: string) => ({ error: { code, message, ...(path ? { path } : {}) } });

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
