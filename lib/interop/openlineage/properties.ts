import { jsonObject } from "../../schemas/common";
import { fitValue, mergeFacets } from "./facets";
import { isObject, type OlDataset, type OpenLineageEvent } from "./schema";

// What an execution's and an artifact's `properties.openlineage` hold. The ingest op replaces an
// execution's properties on every execution.start, so the mapper is handed what earlier events of
// the run stored and merges into it: facets by name (latest wins), datasets by namespace + name,
// and a short lifecycle of (eventType, eventTime).
//
// properties.openlineage = { kind, job: {namespace, name}, producer, schemaURL, eventType, eventTime,
//   events: [{eventType, eventTime}], runFacets, jobFacets,
//   inputs: [{namespace, name, facets, inputFacets}], outputs: [{namespace, name, facets, outputFacets}] }

export const MAX_LIFECYCLE = 20;
export const MAX_DATASETS_KEPT = 1000;

type Stored = Record<string, unknown>;
type DatasetEntry = { namespace: string; name: string } & Stored;

// Levels (the properties object is level 1): openlineage 2, runFacets 3, inputs 3 → entry 4 → facets 5.
const FACETS_LEVEL = 3;
const DATASET_FACETS_LEVEL = 5;

function mergeDatasets(previous: unknown, incoming: OlDataset[], extra: "inputFacets" | "outputFacets"): DatasetEntry[] | undefined {
  const entries = new Map<string, DatasetEntry>();
  for (const e of Array.isArray(previous) ? previous : []) {
    if (isObject(e) && typeof e.namespace === "string" && typeof e.name === "string") entries.set(`${e.namespace}\n${e.name}`, e as DatasetEntry);
  }
  for (const d of incoming) {
    const key = `${d.namespace}\n${d.name}`;
    const old = entries.get(key);
    const facets = mergeFacets(old?.facets, d.facets, DATASET_FACETS_LEVEL);
    const own = mergeFacets(old?.[extra], extra === "inputFacets" ? d.inputFacets : d.outputFacets, DATASET_FACETS_LEVEL);
    entries.delete(key); // re-insert: the most recently reported datasets are kept when capping
    entries.set(key, { namespace: d.namespace, name: d.name, ...(facets ? { facets } : {}), ...(own ? { [extra]: own } : {}) });
  }
  const list = [...entries.values()].slice(-MAX_DATASETS_KEPT);
  return list.length ? list : undefined;
}

export function executionProperties(event: OpenLineageEvent, previous: Stored | undefined): Stored {
  const old = isObject(previous?.openlineage) ? previous.openlineage : {};
  const eventType = "eventType" in event ? (event.eventType ?? null) : null;
  const lifecycle = [...(Array.isArray(old.events) ? old.events : []), { eventType, eventTime: event.eventTime }].slice(-MAX_LIFECYCLE);
  const job = event.kind === "DatasetEvent" ? undefined : event.job;
  const openlineage: Stored = {
    kind: event.kind,
    ...(job ? { job: { namespace: job.namespace, name: job.name } } : {}),
    ...(event.kind === "DatasetEvent" ? { dataset: { namespace: event.dataset.namespace, name: event.dataset.name } } : {}),
    producer: event.producer ?? null,
    schemaURL: event.schemaURL ?? null,
    eventType,
    eventTime: event.eventTime,
    events: lifecycle,
  };
  const runFacets = mergeFacets(old.runFacets, event.kind === "RunEvent" ? event.run.facets : undefined, FACETS_LEVEL);
  const jobFacets = mergeFacets(old.jobFacets, job?.facets, FACETS_LEVEL);
  const inputs = mergeDatasets(old.inputs, event.kind === "DatasetEvent" ? [event.dataset] : event.inputs, "inputFacets");
  const outputs = mergeDatasets(old.outputs, event.kind === "DatasetEvent" ? [] : event.outputs, "outputFacets");
  if (runFacets) openlineage.runFacets = runFacets;
  if (jobFacets) openlineage.jobFacets = jobFacets;
  if (inputs) openlineage.inputs = inputs;
  if (outputs) openlineage.outputs = outputs;
  // Keys other than `openlineage` belong to whoever else wrote them; keep them.
  const merged: Stored = { ...(previous ?? {}), openlineage };
  return guard(merged, { openlineage: { ...openlineage, ...stringified(openlineage) } });
}

// Artifact properties are written once, at the dataset's first sighting.
export function artifactProperties(d: OlDataset, version: string | undefined): Stored {
  const facets = mergeFacets(undefined, d.facets, FACETS_LEVEL);
  const props = { openlineage: { namespace: d.namespace, name: d.name, ...(version !== undefined ? { version } : {}), ...(facets ? { facets } : {}) } };
  return guard(props, { openlineage: { namespace: d.namespace, name: d.name, facets: JSON.stringify(d.facets ?? {}) } });
}

// Stores the facet-bearing members as JSON text: the fallback for a stored shape the limits reject.
function stringified(o: Stored): Stored {
  const out: Stored = {};
  for (const k of ["runFacets", "jobFacets", "inputs", "outputs"]) if (o[k] !== undefined) out[k] = JSON.stringify(o[k]);
  return out;
}

// The mapper must never produce properties the ingest op rejects: an event valid for OpenLineage
// would otherwise fail with an error about an op the client never sent.
function guard(props: Stored, fallback: Stored): Stored {
  if (jsonObject.safeParse(props).success) return props;
  return jsonObject.safeParse(fallback).success ? fallback : { openlineage: fitValue(fallback.openlineage, 2) };
}

