import Link from "next/link";
import type { StartPoints } from "@/lib/lineage/start-points";
import { Card } from "@/components/ui/card";
import { formatAbsolute } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { lineageHref } from "./links";

// /lineage without a node: the latest model versions, datasets and executions to start from.
export function LineageStart({ points }: { points: StartPoints }) {
  const empty = !points.models.length && !points.datasets.length && !points.executions.length;
  return (
    <>
      <h1 className="text-lg font-semibold text-slate-900">Lineage</h1>
      <p className="mt-1 max-w-3xl text-slate-600">
        Pick a node to explore its lineage: what it was made from, and what was made from it. Every artifact, execution and model version
        page links here too.
      </p>
      {empty ? (
        <p className="mt-6 text-slate-500">Nothing recorded yet: once workflows report executions and artifacts, they appear here.</p>
      ) : (
        <div className="mt-4 grid gap-3 lg:grid-cols-3">
          <Card title="Latest model versions" label="Latest model versions">
            <ul className="divide-y divide-slate-100 text-xs">
              {points.models.map((m) => (
                <Item key={`${m.model}-${m.version}`} href={lineageHref(`artifact:${m.artifactId}`)} name={`${m.model} v${m.version}`} detail={formatAbsolute(m.createdAt)} />
              ))}
              {points.models.length === 0 ? <li className="px-3 py-2 text-slate-400">No model versions yet.</li> : null}
            </ul>
          </Card>
          <Card title="Latest datasets" label="Latest datasets">
            <ul className="divide-y divide-slate-100 text-xs">
              {points.datasets.map((d) => (
                <Item key={d.id} href={lineageHref(`artifact:${d.id}`)} name={d.name} detail={formatAbsolute(d.createdAt)} />
              ))}
              {points.datasets.length === 0 ? <li className="px-3 py-2 text-slate-400">No datasets yet.</li> : null}
            </ul>
          </Card>
          <Card title="Latest executions" label="Latest executions">
            <ul className="divide-y divide-slate-100 text-xs">
              {points.executions.map((e) => (
                <Item
                  key={e.uuid}
                  href={lineageHref(`execution:${e.uuid}`)}
                  name={e.name}
                  detail={`${e.pipeline} / ${e.stage}`}
                  badge={<StatusBadge status={e.status} />}
                />
              ))}
            </ul>
          </Card>
        </div>
      )}
    </>
  );
}

function Item({ href, name, detail, badge }: { href: string; name: string; detail: string; badge?: React.ReactNode }) {
  return (
    <li className="flex items-center gap-2 px-3 py-1.5">
      {badge}
      <Link href={href} className="min-w-0 flex-1 truncate font-medium text-slate-800 hover:text-sky-700 hover:underline" title={name}>
        {name}
      </Link>
      <span className="shrink-0 text-slate-400">{detail}</span>
    </li>
  );
}
