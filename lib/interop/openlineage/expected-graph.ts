// Test support, shared by the unit and e2e tests: what a sequence of raw OpenLineage events should
// become, worked out from the JSON alone (independently of the mapper), so the tests can compare
// it with what the API reports.

export type ExpectedRun = {
  pipeline: string;
  stage: string;
  status: "RUNNING" | "COMPLETED" | "FAILED";
  parent: string | null;
  inputs: string[]; // artifact names, "namespace/name"
  outputs: string[];
};

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Raw) : {});
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const datasetName = (d: unknown) => {
  const { namespace, name } = obj(d) as { namespace: string; name: string };
  return namespace.endsWith("/") || name.startsWith("/") ? `${namespace}${name}` : `${namespace}/${name}`;
};

export function expectedRuns(events: unknown[]): Map<string, ExpectedRun> {
  const runs = new Map<string, ExpectedRun & { inSet: Set<string>; outSet: Set<string> }>();
  const place = (id: string, job: Raw) => {
    if (!runs.has(id)) {
      runs.set(id, { pipeline: String(job.namespace), stage: String(job.name), status: "RUNNING", parent: null, inputs: [], outputs: [], inSet: new Set(), outSet: new Set() });
    }
    return runs.get(id)!;
  };
  for (const raw of events) {
    const e = obj(raw);
    const id = str(obj(e.run).runId)?.toLowerCase();
    if (!id) continue;
    const parent = obj(obj(obj(e.run).facets).parent);
    const parentId = str(obj(parent.run).runId)?.toLowerCase();
    const usable = parentId && parentId !== id && (runs.has(parentId) || str(obj(parent.job).name));
    if (usable) place(parentId, obj(parent.job));
    const run = place(id, obj(e.job));
    if (usable) run.parent = parentId;
    for (const d of (e.inputs as unknown[]) ?? []) run.inSet.add(datasetName(d));
    for (const d of (e.outputs as unknown[]) ?? []) run.outSet.add(datasetName(d));
    const type = str(e.eventType)?.toUpperCase();
    if (type === "COMPLETE") run.status = "COMPLETED";
    if (type === "FAIL" || type === "ABORT") run.status = "FAILED";
  }
  return new Map(
    [...runs].map(([id, { inSet, outSet, ...r }]) => [id, { ...r, inputs: [...inSet].sort(), outputs: [...outSet].sort() }]),
  );
}

// Dataset → [producing run, consuming run] pairs: where the graph must connect two runs.
export function expectedLinks(runs: Map<string, ExpectedRun>): Array<{ dataset: string; producer: string; consumer: string }> {
  const links: Array<{ dataset: string; producer: string; consumer: string }> = [];
  for (const [producer, p] of runs) {
    for (const dataset of p.outputs) {
      for (const [consumer, c] of runs) if (consumer !== producer && c.inputs.includes(dataset)) links.push({ dataset, producer, consumer });
    }
  }
  return links;
}
