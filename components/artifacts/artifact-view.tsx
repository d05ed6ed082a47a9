import Link from "next/link";
import type { getArtifact } from "@/lib/query/get-artifact";
import { Card } from "@/components/ui/card";
import { formatAbsolute } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { executionHref, formatBytes, lineageHref, modelHref } from "@/components/lineage/links";
import { ArtifactFile } from "./artifact-file";
import { downloadName } from "./preview";

type Artifact = Awaited<ReturnType<typeof getArtifact>>;
type Run = Artifact["producers"][number];

// One artifact: what it is and where it lives, its properties, which executions produced and
// consumed it, which model versions it is, and the way into its lineage.
export function ArtifactView({ artifact: a }: { artifact: Artifact }) {
  const props = Object.entries(a.properties).sort(([x], [y]) => x.localeCompare(y));
  return (
    <>
      <div className="flex flex-wrap items-baseline gap-3">
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] uppercase tracking-wide text-slate-600">{a.type}</span>
        <h1 className="break-all text-lg font-semibold text-slate-900">{a.name}</h1>
        {a.blob ? (
          <a href={a.blob.downloadUrl} download={downloadName(a.name, a.uri)} className="ml-auto rounded border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50">
            Download <span className="font-normal text-slate-500">({formatBytes(a.blob.size)})</span>
          </a>
        ) : null}
        <Link href={lineageHref(`artifact:${a.id}`)} className={`${a.blob ? "" : "ml-auto "}rounded border border-sky-300 bg-sky-50 px-2.5 py-1 text-xs font-medium text-sky-800 hover:bg-sky-100`}>
          Open in lineage
        </Link>
      </div>
      <div className="mt-3 grid items-start gap-3 lg:grid-cols-2">
        <Card title="Artifact" label="Artifact">
          <dl className="py-1 text-xs">
            <Row label="Id">{a.id}</Row>
            <Row label="Type">{a.type}</Row>
            <Row label="Hash" mono>
              {a.hash}
            </Row>
            <Row label="URI" mono>
              {a.uri ?? "–"}
            </Row>
            <Row label="Size">
              {formatBytes(a.size ?? a.blob?.size ?? null)}
              {a.size !== null ? <span className="text-slate-400"> ({a.size.toLocaleString("en-US")} bytes)</span> : null}
              {a.size === null && a.blob ? <span className="text-slate-400"> (of the stored file; none was logged)</span> : null}
            </Row>
            <Row label="Created">{formatAbsolute(a.createdAt)}</Row>
          </dl>
        </Card>
        <Card title="Properties" label="Properties" aside={props.length ? `${props.length}` : undefined}>
          {props.length ? (
            <dl className="py-1 text-xs">
              {props.map(([k, v]) => (
                <Row key={k} label={k} mono>
                  {typeof v === "string" ? v : JSON.stringify(v)}
                </Row>
              ))}
            </dl>
          ) : (
            <p className="px-3 py-2 text-xs text-slate-400">No properties recorded.</p>
          )}
        </Card>
        <div className="lg:col-span-2">
          <ArtifactFile name={a.name} uri={a.uri} hash={a.hash} blob={a.blob} />
        </div>
        <Runs title="Produced by" runs={a.producers} empty="No producing execution recorded (a source artifact)." />
        <Runs title="Consumed by" runs={a.consumers} empty="Not used as an input yet." />
        <Card title="Model versions" label="Model versions">
          {a.modelVersions.length ? (
            <ul className="divide-y divide-slate-100 text-xs">
              {a.modelVersions.map((v) => (
                <li key={`${v.model}-${v.version}`} className="flex items-center gap-2 px-3 py-1.5">
                  <Link href={modelHref(v.model)} className="font-medium text-sky-700 hover:underline">
                    {v.model} v{v.version}
                  </Link>
                  {v.aliases.map((al) => (
                    <span key={al} className="rounded bg-violet-50 px-1.5 text-[11px] text-violet-700 ring-1 ring-violet-600/20">
                      {al}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          ) : (
            <p className="px-3 py-2 text-xs text-slate-400">Not registered as a model version.</p>
          )}
        </Card>
      </div>
    </>
  );
}

function Row({ label, children, mono = false }: { label: string; children: React.ReactNode; mono?: boolean }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-3 px-3 py-1">
      <dt className="truncate text-slate-500" title={label}>
        {label}
      </dt>
      <dd className={`min-w-0 break-all text-slate-800 ${mono ? "font-mono text-[11px]" : ""}`}>{children}</dd>
    </div>
  );
}

function Runs({ title, runs, empty }: { title: string; runs: Run[]; empty: string }) {
  return (
    <Card title={title} label={title} aside={runs.length ? `${runs.length}` : undefined}>
      {runs.length ? (
        <table className="w-full text-xs">
          <tbody>
            {runs.map((r) => (
              <tr key={r.uuid} className="border-t border-slate-100 first:border-t-0">
                <td className="px-3 py-1.5">
                  <Link href={executionHref(r.uuid)} className="font-medium text-slate-800 hover:text-sky-700 hover:underline">
                    {r.name}
                  </Link>
                  <div className="font-mono text-[10px] text-slate-400">{r.uuid}</div>
                </td>
                <td className="px-2 py-1.5 text-slate-600">
                  {r.pipeline} / {r.stage}
                </td>
                <td className="px-2 py-1.5">
                  <StatusBadge status={r.status} />
                </td>
                <td className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums text-slate-500">{formatAbsolute(r.startedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="px-3 py-2 text-xs text-slate-400">{empty}</p>
      )}
    </Card>
  );
}
