import type { SearchResults } from "@/components/api/hooks/use-search";
import { artifactHref, executionHref, modelHref, shortHash } from "@/components/executions/links";

// Search results → the flat, keyboard-navigable list the header shows, grouped by kind, each
// with where it leads. Framework-free.

export type SearchKind = "pipeline" | "stage" | "execution" | "artifact" | "model" | "version";
export type SearchItem = { id: string; kind: SearchKind; label: string; detail: string; href: string; mono?: string };
export type SearchGroup = { kind: SearchKind; title: string; items: SearchItem[] };

const executionsOf = (pipeline: string, stage?: string) =>
  `/executions?${new URLSearchParams({ pipeline, ...(stage ? { stage } : {}) }).toString()}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function searchGroups(r: SearchResults): SearchGroup[] {
  const groups: SearchGroup[] = [
    {
      kind: "pipeline", title: "Pipelines",
      items: r.pipelines.map((p) => ({ id: `pipeline:${p.name}`, kind: "pipeline", label: p.name, detail: plural(p.executions, "execution"), href: executionsOf(p.name) })),
    },
    {
      kind: "stage", title: "Stages",
      items: r.stages.map((s) => ({ id: `stage:${s.pipeline}/${s.name}`, kind: "stage", label: s.name, detail: `${s.pipeline} · ${plural(s.executions, "execution")}`, href: executionsOf(s.pipeline, s.name) })),
    },
    {
      kind: "execution", title: "Executions",
      items: r.executions.map((e) => ({ id: `execution:${e.uuid}`, kind: "execution", label: e.name, detail: `${e.pipeline} / ${e.stage} · ${e.status.toLowerCase()}`, mono: e.uuid, href: executionHref(e.uuid) })),
    },
    {
      kind: "artifact", title: "Artifacts",
      items: r.artifacts.map((a) => ({
        id: `artifact:${a.id}`, kind: "artifact", label: a.name, detail: a.type,
        // Show what matched: the hash when a hash prefix was typed, else the uri when there is one.
        mono: a.match === "hash" || !a.uri ? shortHash(a.hash) : a.uri,
        href: artifactHref(a.id),
      })),
    },
    {
      kind: "model", title: "Models",
      items: r.models.map((m) => ({ id: `model:${m.name}`, kind: "model", label: m.name, detail: `${plural(m.versions, "version")}${m.latestVersion ? ` · latest v${m.latestVersion}` : ""}`, href: modelHref(m.name) })),
    },
    {
      kind: "version", title: "Model versions",
      items: r.versions.map((v) => ({
        id: `version:${v.model}@${v.version}`, kind: "version", label: `${v.model} v${v.version}`,
        detail: v.aliases.length ? v.aliases.map((a) => `@${a}`).join(" ") : "", mono: shortHash(v.hash),
        href: `${modelHref(v.model)}?sel=${v.version}`,
      })),
    },
  ];
  return groups.filter((g) => g.items.length > 0);
}

// Arrow keys wrap around the flattened list.
export const step = (index: number, delta: number, count: number) => (count === 0 ? -1 : (index + delta + count) % count);
