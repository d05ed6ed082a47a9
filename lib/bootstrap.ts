import "server-only";
import { ensureAdminToken } from "./auth/tokens";
import { db } from "./db/client";
import { loadBuiltinDemo } from "./demo/builtin-demo";
import { env } from "./env";

export async function bootstrap() {
  const config = env();
  const client = db();
  const created = await ensureAdminToken(client, config.PROVSCOPE_ADMIN_TOKEN);
  if (created) {
    console.log(
      [
        "",
        "provscope: created the first admin API token (shown once; store it now):",
        `    ${created}`,
        "  use it as 'Authorization: Bearer <token>', or set PROVSCOPE_ADMIN_TOKEN to choose your own.",
        "",
      ].join("\n"),
    );
  }
  if (config.PROVSCOPE_DEMO === "1" && (await client.pipeline.count()) === 0) {
    const { pipelines, points } = await loadBuiltinDemo(client);
    console.log(`provscope: empty database, loaded the built-in demo (${pipelines} pipeline, ${points} metric points)`);
  }
}
