import "server-only";
import type { Db } from "../db/client";
import { Params } from "../db/sql";
import { unprocessable } from "../http/errors";
import type { ArtifactsQuery } from "../schemas/explore";
import { sizeNumber } from "./format";
import { artifactTextSql } from "./text-match";

// GET /api/v1/artifacts: artifacts filtered by type and by text (name or uri containing it, or a
// hash prefix), sorted, one page at a time. As in the executions list, the cursor carries the
// offset and the first page's total, so later pages never count again.

type Cursor = { offset: number; total?: number };

function decodeCursor(cursor: string | undefined): Cursor {
  if (!cursor) return { offset: 0 };
  const [offset, total] = Buffer.from(cursor, "base64url").toString("utf8").split(":").map(Number);
  if (!Number.isInteger(offset) || offset < 0 || (total !== undefined && !(Number.isInteger(total) && total >= 0))) {
    throw unprocessable("cursor: is not a cursor returned by this endpoint; omit it to start from the first page", "cursor");
  }
  return { offset, total };
}

export async function listArtifacts(db: Db, q: ArtifactsQuery) {
  const dir = q.sort.startsWith("-") || q.sort.endsWith(":desc") ? "DESC" : "ASC";
  const field = q.sort.replace(/^-/, "").replace(/:(asc|desc)$/, "");
  const cursor = decodeCursor(q.cursor);
  const p = new Params();
  const where: string[] = [];
  if (q.type) where.push(`a."type" = ${p.bind(q.type)}`);
  if (q.q) where.push(artifactTextSql("a", q.q, p.bind));
  const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const filterValues = [...p.values];
  // Missing sizes and uris sort last either way; the id keeps pages stable.
  const ids = await db.$queryRawUnsafe<Array<{ id: number | bigint }>>(
    `SELECT a."id" AS id FROM "Artifact" a ${whereSql} ORDER BY a."${field}" ${dir} NULLS LAST, a."id" ${dir} LIMIT ${p.bind(q.limit + 1)} OFFSET ${p.bind(cursor.offset)}`,
    ...p.values,
  );
  const hasMore = ids.length > q.limit;
  let total = cursor.total;
  if (total === undefined && !hasMore && (ids.length > 0 || cursor.offset === 0)) total = cursor.offset + ids.length;
  if (total === undefined) {
    const [row] = await db.$queryRawUnsafe<Array<{ total: number | bigint }>>(`SELECT COUNT(*) AS total FROM "Artifact" a ${whereSql}`, ...filterValues);
    total = Number(row.total);
  }

  const pageIds = ids.slice(0, q.limit).map((r) => Number(r.id));
  const [rows, counts] = await Promise.all([
    db.artifact.findMany({
      where: { id: { in: pageIds } },
      select: {
        id: true, type: true, name: true, hash: true, uri: true, size: true, createdAt: true,
        versions: { select: { version: true, model: { select: { name: true } } }, orderBy: { id: "asc" } },
      },
    }),
    db.event.groupBy({ by: ["artifactId", "direction"], where: { artifactId: { in: pageIds } }, _count: { _all: true } }),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const count = (id: number, direction: string) => counts.find((c) => c.artifactId === id && c.direction === direction)?._count._all ?? 0;
  return {
    total,
    nextCursor: hasMore ? Buffer.from(`${cursor.offset + q.limit}:${total}`).toString("base64url") : null,
    artifacts: pageIds.map((id) => {
      const a = byId.get(id)!;
      return {
        id: a.id, type: a.type, name: a.name, hash: a.hash, uri: a.uri, size: sizeNumber(a.size), createdAt: a.createdAt,
        producers: count(id, "OUTPUT"),
        consumers: count(id, "INPUT"),
        modelVersions: a.versions.map((v) => ({ model: v.model.name, version: v.version })),
      };
    }),
  };
}
