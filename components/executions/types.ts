import type { getExecution } from "@/lib/query/get-execution";

export type ExecutionDetail = Awaited<ReturnType<typeof getExecution>>;
export type ArtifactRow = ExecutionDetail["inputs"][number];
