import { createBackup } from "@/lib/admin/backup";
import { withApi } from "@/lib/http/handler";

// GET /api/v1/admin/backup — a consistent copy of the SQLite database, taken online, as a download
export const GET = withApi(
  async () => {
    const backup = await createBackup();
    return new Response(backup.stream, {
      headers: {
        "content-type": "application/vnd.sqlite3",
        "content-length": String(backup.bytes),
        "content-disposition": `attachment; filename="${backup.filename}"`,
        "cache-control": "no-store",
        "x-provscope-backup-pages": String(backup.pages),
      },
    });
  },
  { scope: "admin" },
);
