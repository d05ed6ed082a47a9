import "server-only";
import { ensureAdminToken } from "./auth/tokens";
import { db } from "./db/client";
import { setDemoState } from "./demo/demo-state";
import { startDemo } from "./demo/start-demo";
import { env } from "./env";

// Runs once when a server process starts. `origin` is where this server answers (the demo
// workflow is a client of it, over HTTP).
export async function bootstrap(origin: string) {
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
  if (config.PROVSCOPE_DEMO !== "1") setDemoState({ state: "disabled" });
  else if ((await client.pipeline.count()) > 0) setDemoState({ state: "skipped" });
  else await startDemo(client, origin);
}
