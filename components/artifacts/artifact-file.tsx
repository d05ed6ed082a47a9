"use client";

import { Card } from "@/components/ui/card";
import { formatBytes } from "@/components/lineage/links";
import { BlobPreview } from "./blob-preview";
import { downloadName, previewKind } from "./preview";

type Props = { name: string; uri: string | null; hash: string; blob: { size: number; downloadUrl: string } | null };

// Where an artifact's bytes are: stored in Provscope (download, size, a cheap preview), or
// metadata-only (then the uri says where they live).
export function ArtifactFile({ name, uri, hash, blob }: Props) {
  if (!blob) {
    return (
      <Card title="File" label="File" aside={<Tag className="bg-slate-100 text-slate-600 ring-slate-500/20">metadata only</Tag>}>
        <div className="space-y-1.5 px-3 py-2 text-xs text-slate-600">
          <p>Provscope keeps only this artifact&apos;s metadata; its bytes are not stored here.</p>
          {uri ? (
            <p>
              They live at <span className="break-all font-mono text-[11px] text-slate-800">{uri}</span>
            </p>
          ) : (
            <p>No uri was recorded, so where the bytes live is not known.</p>
          )}
          {/^sha256:[0-9a-f]{64}$/.test(hash) ? (
            <p className="text-slate-400">
              To keep a copy here (files up to the server&apos;s size limit): <span className="font-mono">provscope blobs push FILE</span> with the file whose sha256 is this artifact&apos;s hash.
            </p>
          ) : null}
        </div>
      </Card>
    );
  }
  return (
    <Card title="File" label="File" aside={<Tag className="bg-emerald-50 text-emerald-700 ring-emerald-600/20">stored in Provscope</Tag>}>
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-3 py-2 text-xs">
        <a
          href={blob.downloadUrl}
          download={downloadName(name, uri)}
          className="inline-flex items-center gap-1.5 rounded border border-sky-300 bg-sky-50 px-2.5 py-1 font-medium text-sky-800 hover:bg-sky-100"
        >
          <span aria-hidden>↓</span> Download
        </a>
        <span className="tabular-nums text-slate-700">
          {formatBytes(blob.size)} <span className="text-slate-400">({blob.size.toLocaleString("en-US")} bytes)</span>
        </span>
        <span className="text-slate-400">content-addressed: the bytes are exactly those of the hash</span>
      </div>
      <BlobPreview url={blob.downloadUrl} kind={previewKind(name, uri)} size={blob.size} name={name} />
    </Card>
  );
}

function Tag({ className, children }: { className: string; children: React.ReactNode }) {
  return <span className={`rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${className}`}>{children}</span>;
}
