// `pull`: a model version's exact bytes, by alias (MODEL@deployed) or number (MODEL:3), verified
// against the hash the registry recorded — how a rollback reaches the workflow as real bytes.
import path from "node:path";
import { Blobs } from "./blobs";
import type { HttpClient } from "./client";
import { ProvscopeError } from "./errors";
import type { AliasState } from "./registry";

export type ModelRef = { model: string; alias: string } | { model: string; version: number } | { digest: string };
export type Resolved = { model?: string; alias?: string; version?: number; digest: string; uri: string | null; size: number | null };
export type Pulled = Resolved & { file: string; size: number };

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const seg = encodeURIComponent;

// "MODEL@ALIAS", "MODEL:VERSION" or a digest "sha256:<hex>"; the last @ or : separates, so model
// names may contain either.
export function parseModelRef(ref: string): ModelRef {
  if (DIGEST.test(ref)) return { digest: ref };
  const at = ref.lastIndexOf("@");
  const colon = ref.lastIndexOf(":");
  if (colon > 0 && colon > at && /^\d+$/.test(ref.slice(colon + 1))) {
    return { model: ref.slice(0, colon), version: Number(ref.slice(colon + 1)) };
  }
  if (at > 0 && at < ref.length - 1) return { model: ref.slice(0, at), alias: ref.slice(at + 1) };
  throw new ProvscopeError(`'${ref}' is not a model reference: write MODEL@ALIAS (e.g. EKE-ResNet@deployed), MODEL:VERSION (e.g. EKE-ResNet:3) or sha256:<hex>`, 0, "usage");
}

type ModelVersions = { versions: Array<{ version: number; artifact: { uri: string | null; hash: string; size: number | null } }> };

export async function resolveModelRef(http: HttpClient, ref: ModelRef): Promise<Resolved> {
  if ("digest" in ref) return { digest: ref.digest, uri: null, size: null };
  if ("alias" in ref) {
    const a = await http.request<AliasState>("GET", `/api/v1/models/${seg(ref.model)}/aliases/${seg(ref.alias)}`);
    return { model: ref.model, alias: ref.alias, version: a.version, digest: a.artifact.hash, uri: a.artifact.uri, size: a.artifact.size };
  }
  const m = await http.request<ModelVersions>("GET", `/api/v1/models/${seg(ref.model)}`);
  const v = m.versions.find((x) => x.version === ref.version);
  if (!v) {
    const known = m.versions.map((x) => x.version).join(", ") || "none";
    throw new ProvscopeError(`model '${ref.model}' has no version ${ref.version} (versions: ${known})`, 404, "not_found");
  }
  return { model: ref.model, version: v.version, digest: v.artifact.hash, uri: v.artifact.uri, size: v.artifact.size };
}

export function describeRef(r: Resolved): string {
  if (!r.model) return r.digest;
  return `${r.model}${r.alias ? `@${r.alias} (v${r.version})` : ` v${r.version}`}`;
}

// Where a pull writes by default: the file name of the artifact's uri, else MODEL-vN.
export function defaultFileName(r: Resolved): string {
  try {
    const base = r.uri ? path.basename(new URL(r.uri).pathname) : "";
    if (base) return base;
  } catch {
    // not a URL: fall through
  }
  return r.model ? `${r.model.replace(/[^A-Za-z0-9._-]/g, "_")}-v${r.version}` : r.digest.replace(":", "-");
}

export async function pullModel(http: HttpClient, ref: string, out?: string): Promise<Pulled> {
  const resolved = await resolveModelRef(http, parseModelRef(ref));
  const where = describeRef(resolved);
  if (!DIGEST.test(resolved.digest)) {
    throw new ProvscopeError(`${where} has the hash '${resolved.digest}', not a sha256 digest, so its bytes cannot be in the store; they live at ${resolved.uri ?? "(no uri recorded)"}`, 0, "metadata_only");
  }
  const file = path.resolve(out ?? defaultFileName(resolved));
  try {
    const got = await new Blobs(http).download(resolved.digest, file);
    return { ...resolved, file: got.file, size: got.size };
  } catch (err) {
    if (err instanceof ProvscopeError && err.status === 404) {
      throw new ProvscopeError(
        `${where} is ${resolved.digest}, whose bytes are not stored in Provscope (metadata-only); they live at ${resolved.uri ?? "(no uri recorded)"}`,
        404,
        "metadata_only",
      );
    }
    throw err;
  }
}
