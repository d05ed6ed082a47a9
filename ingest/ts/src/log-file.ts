// Logging an artifact from a file path: hash it (streamed), upload its bytes when the server takes
// them, then log the artifact. A file the server will not store (over its limit, no store, upload
// failed) is still logged, metadata-only, with a warning that says where its bytes stay.
import { stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Batcher } from "./batcher";
import { Blobs, type UploadOutcome } from "./blobs";
import { ProvscopeError } from "./errors";
import { hashFile } from "./hash";

type Json = Record<string, unknown>;

export type FileArtifactOptions = {
  name?: string; // default: the file name
  uri?: string; // default: file://<absolute path>
  properties?: Json;
  upload?: boolean; // default true; false logs metadata only
  onWarning?: (message: string) => void; // default: a line on stderr
};

export type LoggedFile = { name: string; hash: string; size: number; uri: string; stored: boolean; uploaded: boolean; reason?: string };

type Logged = { direction: "input" | "output"; type: "dataset" | "model" | "metrics" | "step_metrics" | "environment" | "other" };

export async function logFile(batcher: Batcher, execution: string, what: Logged, file: string, options: FileArtifactOptions = {}): Promise<LoggedFile> {
  const abs = path.resolve(file);
  const info = await stat(abs).catch(() => null);
  if (!info?.isFile()) throw new ProvscopeError(`log ${what.type} ${file}: no such file (pass an ArtifactInput object to log metadata without a file)`, 0, "client_error");
  const hash = await hashFile(abs);
  const uri = options.uri ?? pathToFileURL(abs).href;
  let outcome: UploadOutcome = { digest: hash, size: info.size, stored: false, uploaded: false, reason: "upload: false" };
  if (options.upload !== false) {
    try {
      outcome = await new Blobs(batcher.client).upload(abs, { digest: hash, size: info.size });
    } catch (err) {
      if (!(err instanceof ProvscopeError)) throw err;
      outcome = { ...outcome, reason: err.message };
    }
    if (!outcome.stored) {
      const warn = options.onWarning ?? ((m: string) => process.stderr.write(`${m}\n`));
      warn(`provscope: ${file} (${info.size} bytes) is logged metadata-only, its bytes stay at ${uri}: ${outcome.reason}`);
    }
  }
  const name = options.name ?? path.basename(abs);
  const wait = batcher.op({
    op: "artifact", execution, direction: what.direction, type: what.type, name, hash, uri, size: info.size,
    ...(options.properties ? { properties: options.properties } : {}),
  });
  if (wait) await wait;
  return { name, hash, size: info.size, uri, stored: outcome.stored, uploaded: outcome.uploaded, ...(outcome.reason && !outcome.stored ? { reason: outcome.reason } : {}) };
}
