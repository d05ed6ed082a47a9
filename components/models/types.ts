import type { ModelDetail } from "@/components/api/hooks/use-model";

export type { ModelDetail };
export type ModelVersion = ModelDetail["versions"][number];
export type ModelAlias = ModelDetail["aliases"][number];
export type RemovedAlias = ModelDetail["removedAliases"][number];
