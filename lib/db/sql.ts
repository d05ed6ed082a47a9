import "server-only";
import { databaseProvider } from "../env";

// Provider-specific SQL lives behind this one switch. Prisma's raw queries take `?` on SQLite
// and `$1…$n` on PostgreSQL.

export type Provider = "sqlite" | "postgresql";

export function provider(): Provider {
  return databaseProvider();
}

// Collects parameters and hands back the right placeholder for each.
export class Params {
  readonly values: unknown[] = [];
  constructor(private readonly dialect: Provider = provider()) {}

  bind = (value: unknown): string => {
    this.values.push(value);
    return this.dialect === "sqlite" ? "?" : `$${this.values.length}`;
  };
}
