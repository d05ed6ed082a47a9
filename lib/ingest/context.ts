import "server-only";
import type BetterSqlite3 from "better-sqlite3";
import type { Tx } from "../db/client";
import { unprocessable } from "../http/errors";

export type ExecutionRef = { id: number; pipelineId: number; stageId: number };

// State shared by the ops of one batch: the transaction and the executions seen so far, so an op
// may refer to an execution started earlier in the same batch without another lookup.
export class BatchContext {
  private readonly executions = new Map<string, ExecutionRef>();

  constructor(
    readonly tx: Tx,
    readonly actor: string,
    // The SQLite connection `tx` runs on, for the series fast path (see appendSeries).
    readonly driver?: BetterSqlite3.Database,
  ) {}

  remember(uuid: string, ref: ExecutionRef) {
    this.executions.set(uuid, ref);
  }

  async execution(uuid: string, path: string): Promise<ExecutionRef> {
    const cached = this.executions.get(uuid);
    if (cached) return cached;
    const row = await this.tx.execution.findUnique({
      where: { uuid },
      select: { id: true, pipelineId: true, stageId: true },
    });
    if (!row) {
      throw unprocessable(
        `unknown execution '${uuid}': send an execution.start op for it first (in this batch or an earlier one)`,
        path,
        "unknown_execution",
      );
    }
    this.executions.set(uuid, row);
    return row;
  }
}
