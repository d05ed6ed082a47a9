import "server-only";
import type { Db } from "../db/client";
import { unprocessable } from "../http/errors";
import { modelsQuery, type ModelsQuery } from "../schemas/registry";

// Registered models with their version count, latest version and aliases (alias → version):
// filtered by a name fragment, sorted by any column, one page at a time. A registry holds hundreds
// of models, not millions, so the matching ones are read and sorted in memory; the cursor is the
// offset of the next page.

export type ModelRow = Awaited<ReturnType<typeof listModels>>["models"][number];

function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const offset = Number(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!Number.isInteger(offset) || offset < 0) {
    throw unprocessable("cursor: is not a cursor returned by this endpoint; omit it to start from the first page", "cursor");
  }
  return offset;
}

export async function listModels(db: Db, q: ModelsQuery = modelsQuery.parse({})) {
  const offset = decodeOffset(q.cursor);
  const rows = await db.registeredModel.findMany({
    select: {
      name: true,
      createdAt: true,
      _count: { select: { versions: true } },
      versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, createdAt: true } },
      aliases: { orderBy: { alias: "asc" }, select: { alias: true, version: { select: { version: true } } } },
    },
  });
  const needle = q.q?.toLowerCase();
  const models = rows
    .filter((m) => !needle || m.name.toLowerCase().includes(needle))
    .map((m) => ({
      name: m.name,
      createdAt: m.createdAt.toISOString(),
      versions: m._count.versions,
      latestVersion: m.versions[0]?.version ?? null,
      latestVersionAt: m.versions[0]?.createdAt.toISOString() ?? null,
      // fromEntries defines own properties, so an alias such as "__proto__" stays a plain key.
      aliases: Object.fromEntries(m.aliases.map((a) => [a.alias, a.version.version])),
    }));
  models.sort(compareBy(q.sort));
  const page = models.slice(offset, offset + q.limit);
  const next = offset + q.limit;
  return {
    total: models.length,
    nextCursor: next < models.length ? Buffer.from(String(next)).toString("base64url") : null,
    models: page,
  };
}

type Listed = { name: string; versions: number; latestVersionAt: string | null; createdAt: string };

// Missing values (a model without versions) sort last either way; the name breaks ties, so pages
// never overlap.
function compareBy(sort: string): (a: Listed, b: Listed) => number {
  const desc = sort.startsWith("-") || sort.endsWith(":desc");
  const field = sort.replace(/^-/, "").replace(/:(asc|desc)$/, "") as keyof Listed;
  const sign = desc ? -1 : 1;
  return (a, b) => {
    const x = a[field];
    const y = b[field];
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  };
}

// The first `n` model names in name order (the models page details these).
export async function firstModelNames(db: Db, n: number): Promise<string[]> {
  const rows = await db.registeredModel.findMany({ orderBy: { name: "asc" }, take: n, select: { name: true } });
  return rows.map((r) => r.name);
}
