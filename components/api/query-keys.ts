// Every react-query key comes from here, so invalidation after a mutation (e.g. a rollback)
// can name exactly what changed.
export const queryKeys = {
  lineage: (params: Record<string, unknown>) => ["lineage", params] as const,
  series: (params: Record<string, unknown>) => ["series", params] as const,
  execution: (uuid: string) => ["execution", uuid] as const,
  executions: (params: Record<string, unknown>) => ["executions", params] as const,
  artifact: (id: number) => ["artifact", id] as const,
  models: () => ["models"] as const,
  // Under "models", so a promote or rollback (which invalidates models()) refreshes the table too.
  modelPages: (params: Record<string, unknown>) => ["models", "pages", params] as const,
  model: (name: string) => ["model", name] as const,
  aliasHistory: (model: string, alias: string) => ["model", model, "alias", alias, "history"] as const,
  // Under "executions", so invalidating every executions query also refreshes the explorer's pages.
  executionPages: (params: Record<string, unknown>) => ["executions", "pages", params] as const,
  executionFields: (pipeline: string | undefined) => ["executionFields", pipeline ?? ""] as const,
  artifactPages: (params: Record<string, unknown>) => ["artifacts", "pages", params] as const,
  search: (q: string, limit: number) => ["search", q, limit] as const,
  changes: (params: Record<string, unknown>) => ["changes", params] as const,
  tokens: () => ["tokens"] as const,
  // Content-addressed: the bytes behind a digest never change, so this never needs invalidating.
  blobHead: (url: string, bytes: number) => ["blobHead", url, bytes] as const,
  health: () => ["health"] as const,
};
