import type { ArtifactNode, ExecutionNode, Lineage } from "../../schemas/lineage";

// A lineage subgraph as a W3C PROV-JSON document (https://www.w3.org/submissions/prov-json/):
//   artifact → entity · execution → activity (prov:startTime, prov:endTime)
//   input edge → used (prov:activity, prov:entity) · output edge → wasGeneratedBy (prov:entity, prov:activity)
//   each output of an execution wasDerivedFrom each of its inputs (prov:activity, prov:generation, prov:usage)
//   the execution's pipeline → agent (prov:SoftwareAgent) · execution ↔ pipeline → wasAssociatedWith
// The pipeline is the agent because it is what Provscope knows ran the execution; the token that
// sent the data is not recorded per execution. Ids are the lineage node ids read as qualified
// names, with prefixes that resolve to this server's API (artifact:42 → …/api/v1/artifacts/42).

export type ProvValue = string | number | boolean | { $: string | number; type: string };
export type ProvRecord = Record<string, ProvValue>;
export type ProvDocument = {
  prefix: Record<string, string>;
  entity: Record<string, ProvRecord>;
  activity: Record<string, ProvRecord>;
  agent: Record<string, ProvRecord>;
  used: Record<string, ProvRecord>;
  wasGeneratedBy: Record<string, ProvRecord>;
  wasDerivedFrom: Record<string, ProvRecord>;
  wasAssociatedWith: Record<string, ProvRecord>;
};

// An execution with thousands of inputs and outputs would otherwise emit millions of derivations.
export const MAX_DERIVATIONS = 20_000;

const qualifiedName = (v: string) => ({ $: v, type: "prov:QUALIFIED_NAME" });

// A PROV-N local name: unreserved characters stay, everything else is percent-encoded, and so are a
// leading '-' or '.' and a trailing '.', which PN_LOCAL does not allow.
export function localName(s: string): string {
  const enc = (c: string) => [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
  let out = [...s].map((c) => (/[A-Za-z0-9_:.-]/.test(c) ? c : enc(c))).join("");
  if (out.startsWith("-") || out.startsWith(".")) out = enc(out[0]) + out.slice(1);
  if (out.endsWith(".")) out = out.slice(0, -1) + enc(".");
  return out;
}

export function provPrefixes(baseUrl?: string): Record<string, string> {
  const api = baseUrl ? `${baseUrl.replace(/\/+$/, "")}/api/v1` : undefined;
  return {
    pvs: "urn:provscope:vocab:",
    artifact: api ? `${api}/artifacts/` : "urn:provscope:artifact:",
    execution: api ? `${api}/executions/` : "urn:provscope:execution:",
    pipeline: api ? `${api}/executions?pipeline=` : "urn:provscope:pipeline:",
  };
}

const entityId = (n: ArtifactNode) => `artifact:${n.artifactId}`;
const activityId = (n: ExecutionNode) => `execution:${localName(n.uuid)}`;
const agentId = (pipeline: string) => `pipeline:${localName(pipeline)}`;

function entity(n: ArtifactNode): ProvRecord {
  return {
    "prov:type": qualifiedName(`pvs:${localName(n.type)}`),
    "prov:label": n.label,
    "pvs:hash": n.hash,
    ...(n.uri ? { "pvs:uri": { $: n.uri, type: "xsd:anyURI" } } : {}),
    ...(n.size !== null ? { "pvs:size": n.size } : {}),
    "pvs:createdAt": { $: n.createdAt, type: "xsd:dateTime" },
  };
}

function activity(n: ExecutionNode): ProvRecord {
  return {
    "prov:type": qualifiedName("pvs:execution"),
    "prov:label": n.label,
    "prov:startTime": n.startedAt,
    ...(n.endedAt ? { "prov:endTime": n.endedAt } : {}),
    "pvs:uuid": n.uuid,
    "pvs:status": n.status,
    "pvs:pipeline": n.pipeline,
    "pvs:stage": n.stage,
  };
}

export function toProvJson(lineage: Lineage, options: { baseUrl?: string } = {}): ProvDocument {
  const doc: ProvDocument = { prefix: provPrefixes(options.baseUrl), entity: {}, activity: {}, agent: {}, used: {}, wasGeneratedBy: {}, wasDerivedFrom: {}, wasAssociatedWith: {} };
  const ids = new Map<string, string>(); // lineage node id → PROV id
  const executions = new Map<string, ExecutionNode>();
  const count = { assoc: 0, used: 0, generated: 0, derived: 0 };
  for (const n of lineage.nodes) {
    if (n.kind === "artifact") {
      ids.set(n.id, entityId(n));
      doc.entity[entityId(n)] = entity(n);
    } else {
      ids.set(n.id, activityId(n));
      executions.set(n.id, n);
      doc.activity[activityId(n)] = activity(n);
      doc.agent[agentId(n.pipeline)] = { "prov:type": qualifiedName("prov:SoftwareAgent"), "prov:label": n.pipeline };
      doc.wasAssociatedWith[`_:a${++count.assoc}`] = { "prov:activity": activityId(n), "prov:agent": agentId(n.pipeline) };
    }
  }

  // Per execution, its usages and generations by entity, to qualify the derivations.
  const usages = new Map<string, Map<string, string>>();
  const generations = new Map<string, Map<string, string>>();
  const add = (m: Map<string, Map<string, string>>, k: string, entityKey: string, relation: string) => {
    if (!m.has(k)) m.set(k, new Map());
    m.get(k)!.set(entityKey, relation);
  };
  for (const e of lineage.edges) {
    const source = ids.get(e.source);
    const target = ids.get(e.target);
    if (!source || !target) continue;
    if (e.kind === "input") {
      const id = `_:u${++count.used}`;
      doc.used[id] = { "prov:activity": target, "prov:entity": source };
      add(usages, target, source, id);
    } else {
      const id = `_:g${++count.generated}`;
      doc.wasGeneratedBy[id] = { "prov:entity": target, "prov:activity": source };
      // Outputs are complete when the execution ends; that is the best generation time known.
      const ended = executions.get(e.source)?.endedAt;
      if (ended) doc.wasGeneratedBy[id]["prov:time"] = ended;
      add(generations, source, target, id);
    }
  }

  for (const [act, generated] of generations) {
    const used = usages.get(act);
    if (!used) continue;
    const bound = generated.size * used.size; // checked before building: it can be millions
    if (count.derived + bound > MAX_DERIVATIONS) {
      doc.activity[act]["pvs:derivationsOmitted"] = bound;
      continue;
    }
    for (const [out, g] of generated) {
      for (const [inp, u] of used) {
        if (inp === out) continue; // read and rewritten in place: no derivation from itself
        doc.wasDerivedFrom[`_:d${++count.derived}`] = { "prov:generatedEntity": out, "prov:usedEntity": inp, "prov:activity": act, "prov:generation": g, "prov:usage": u };
      }
    }
  }
  return doc;
}
