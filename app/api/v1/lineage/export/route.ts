import { db } from "@/lib/db/client";
import { parseQuery, withApi } from "@/lib/http/handler";
import { exportLineage } from "@/lib/interop/prov/export-lineage";
import { lineageExportQuery } from "@/lib/schemas/lineage-export";

// GET /api/v1/lineage/export — a lineage subgraph as a W3C PROV-JSON or plain graph JSON download
export const GET = withApi(
  async ({ url }) => {
    const { filename, document } = await exportLineage(db(), parseQuery(lineageExportQuery, url), url.origin);
    return Response.json(document, { headers: { "content-disposition": `attachment; filename="${filename}"` } });
  },
  { scope: "read" },
);
