"use client";

import { useEffect, useState } from "react";
import { useBlobHead } from "@/components/api/hooks/use-blob-head";
import { formatBytes } from "@/components/lineage/links";
import { CSV_MAX_ROWS, csvRows, hexHead, imageMime, prettyJson, previewBytes, textHead, type PreviewKind } from "./preview";

const PRE = "max-h-96 overflow-auto whitespace-pre bg-slate-50 px-3 py-2 font-mono text-[11px] leading-4 text-slate-800";

// A cheap look at a stored file: the head of text (JSON pretty-printed, CSV as a table), a small
// image, or the first bytes of a binary. Reads at most 64 KiB, or an image of up to 8 MiB.
export function BlobPreview({ url, kind, size, name }: { url: string; kind: PreviewKind; size: number; name: string }) {
  const want = previewBytes(kind, size);
  const head = useBlobHead(size > 0 ? url : null, want);
  if (size === 0) return <Note>Empty file.</Note>;
  if (kind === "image" && want === 0) return <Note>An image of {formatBytes(size)}: too large to preview here; download it.</Note>;
  if (head.isPending) return <Note>Loading preview…</Note>;
  if (head.isError) return <Note>No preview: {head.error.message}</Note>;
  const { bytes, truncated, total } = head.data;
  const extent = truncated ? `First ${formatBytes(bytes.length)} of ${formatBytes(total)}.` : "The whole file.";

  const mime = truncated ? null : imageMime(bytes);
  if (mime) return <ImagePreview bytes={bytes} mime={mime} name={name} />;
  const text = textHead(bytes, truncated);
  if (text === null) {
    return (
      <Note>
        Binary content, no preview. It starts with <span className="font-mono text-slate-700">{hexHead(bytes)}</span>.
      </Note>
    );
  }
  const trimmed = text.trimStart();
  if (kind === "csv" || kind === "tsv") {
    const rows = csvRows(text, kind === "tsv" ? "\t" : ",", CSV_MAX_ROWS + 1);
    const more = rows.length > CSV_MAX_ROWS || truncated;
    const shown = rows.slice(0, CSV_MAX_ROWS);
    return (
      <Framed extent={csvCaption(shown.length - 1, more, truncated ? `${formatBytes(bytes.length)} of ${formatBytes(total)}` : null)}>
        <CsvTable rows={shown} />
      </Framed>
    );
  }
  if (kind === "json" || (kind === "unknown" && /^[[{]/.test(trimmed))) {
    const json = prettyJson(text, truncated);
    return <Framed extent={`${extent}${json.parsed ? " Pretty-printed." : ""}`}><pre className={PRE}>{json.text}</pre></Framed>;
  }
  return <Framed extent={extent}><pre className={PRE}>{text}</pre></Framed>;
}

function ImagePreview({ bytes, mime, name }: { bytes: Uint8Array; mime: string; name: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    // A blob URL with the sniffed type: the stored bytes are never served as a page of this origin.
    const u = URL.createObjectURL(new Blob([bytes.slice()], { type: mime }));
    setSrc(u);
    return () => URL.revokeObjectURL(u);
  }, [bytes, mime]);
  return (
    <Framed extent={`${mime.slice(6).toUpperCase()} image, ${formatBytes(bytes.length)}.`}>
      <div className="flex justify-center bg-[conic-gradient(#f1f5f9_25%,#fff_0_50%,#f1f5f9_0_75%,#fff_0)] bg-[length:16px_16px] p-3">
        {src ? <img src={src} alt={`preview of ${name}`} className="max-h-96 max-w-full object-contain" /> : null}
      </div>
    </Framed>
  );
}

function CsvTable({ rows }: { rows: string[][] }) {
  if (!rows.length) return <Note>No rows.</Note>;
  const [header, ...body] = rows;
  const width = Math.max(...rows.map((r) => r.length));
  return (
    <div className="max-h-96 overflow-auto">
      <table className="w-full border-collapse text-[11px]">
        <thead className="sticky top-0 bg-slate-50">
          <tr>
            {Array.from({ length: width }, (_, i) => (
              <th key={i} className="border-b border-slate-200 px-2 py-1 text-left font-semibold text-slate-700">
                {header[i] ?? ""}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="font-mono tabular-nums text-slate-800">
          {body.map((r, j) => (
            <tr key={j} className="border-b border-slate-100 last:border-b-0">
              {Array.from({ length: width }, (_, i) => (
                <td key={i} className="whitespace-nowrap px-2 py-0.5">
                  {r[i] ?? ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function csvCaption(rows: number, more: boolean, readOf: string | null): string {
  if (!more) return `All ${rows} data rows.`;
  return `The first ${rows} data rows${readOf ? ` (read the first ${readOf})` : " of the file"}.`;
}

function Framed({ extent, children }: { extent: string; children: React.ReactNode }) {
  return (
    <figure aria-label="Preview">
      {children}
      <figcaption className="border-t border-slate-100 px-3 py-1 text-[11px] text-slate-500">{extent}</figcaption>
    </figure>
  );
}

function Note({ children }: { children: React.ReactNode }) {
  return <p className="px-3 py-2 text-xs text-slate-500">{children}</p>;
}
