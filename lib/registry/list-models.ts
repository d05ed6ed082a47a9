import "server-only";
import type { Db } from "../db/client";

// Every registered model with its version count, latest version and aliases (alias → version).
export async function listModels(db: Db) {
  const rows = await db.registeredModel.findMany({
    orderBy: { name: "asc" },
    select: {
      name: true,
      createdAt: true,
      _count: { select: { versions: true } },
      versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, createdAt: true } },
      aliases: { orderBy: { alias: "asc" }, select: { alias: true, version: { select: { version: true } } } },
    },
  });
  return {
    models: rows.map((m) => ({
      name: m.name,
      createdAt: m.createdAt.toISOString(),
      versions: m._count.versions,
      latestVersion: m.versions[0]?.version ?? null,
      latestVersionAt: m.versions[0]?.createdAt.toISOString() ?? null,
      // fromEntries defines own properties, so an alias such as "__proto__" stays a plain key.
      aliases: Object.fromEntries(m.aliases.map((a) => [a.alias, a.version.version])),
    })),
  };
}
