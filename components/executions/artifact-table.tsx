import Link from "next/link";
import { formatCount } from "@/components/ui/format";
import { artifactHref, lineageHref, shortHash } from "./links";
import type { ArtifactRow } from "./types";

function formatBytes(n: number | null): string {
  if (n === null) return "";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${formatCount(n)} B` : `${v.toFixed(1)} ${units[u]}`;
}

// An execution's inputs or outputs, each linking to its artifact page and its lineage.
export function ArtifactTable({ artifacts, label }: { artifacts: ArtifactRow[]; label: string }) {
  if (artifacts.length === 0) return <p className="px-3 py-2 text-xs text-slate-400">none logged</p>;
  return (
    <table aria-label={label} className="w-full text-xs">
      <tbody>
        {artifacts.map((a) => (
          <tr key={a.id} className="border-t border-slate-100 first:border-t-0">
            <td className="w-20 px-3 py-1 align-top">
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[10px] uppercase tracking-wide text-slate-600">{a.type}</span>
            </td>
            <td className="px-2 py-1 align-top">
              <Link href={artifactHref(a.id)} className="font-medium text-slate-800 hover:text-sky-700 hover:underline">
                {a.name}
              </Link>
              <div className="font-mono text-[10px] text-slate-400" title={a.hash}>
                {shortHash(a.hash)}
                {a.uri ? <span className="ml-2 break-all">{a.uri}</span> : null}
              </div>
            </td>
            <td className="whitespace-nowrap px-2 py-1 text-right align-top text-slate-500">{formatBytes(a.size)}</td>
            <td className="px-3 py-1 text-right align-top">
              <Link href={lineageHref({ artifact: a.id })} className="text-sky-700 hover:underline">
                lineage
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
