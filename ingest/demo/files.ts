// The files the workflow writes (and uploads through the SDK, so Provscope keeps their bytes):
// datasets as raw float64 rows (this machine's byte order: little-endian on x86 and ARM), models
// and cluster definitions as JSON.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Dataset } from "./dataset";
import { FEATURES, NF } from "./features";

export const DATASET_LAYOUT = `float64 little-endian, one row per sample: ${FEATURES.join(", ")}, log_eke`;

export class WorkDir {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  dataset(file: string, d: Dataset): string {
    const rows = new Float64Array(d.rows * (NF + 1));
    for (let r = 0; r < d.rows; r++) {
      rows.set(d.x.subarray(r * NF, r * NF + NF), r * (NF + 1));
      rows[r * (NF + 1) + NF] = d.y[r];
    }
    return this.bytes(file, rows);
  }

  bytes(file: string, data: Float64Array): string {
    return this.write(file, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }

  json(file: string, value: unknown): string {
    return this.write(file, typeof value === "string" ? value : JSON.stringify(value));
  }

  // Through a temporary file and a rename, so a file is never seen half-written — not even by
  // another demo (another server's first start) writing the same file for the same seed.
  private write(file: string, content: string | Buffer): string {
    const p = path.join(this.dir, file);
    const tmp = `${p}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, content);
    renameSync(tmp, p);
    return p;
  }
}
