import type { ComparedExecution, ValueAtStep } from "@/lib/compare/load-compare";

export type { ComparedExecution, ValueAtStep };
export type Column = { execution: ComparedExecution; color: string; baseline: boolean };
