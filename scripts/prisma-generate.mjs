// Derives each provider's Prisma schema from prisma/schema.prisma (the one source of truth) and
// generates its client. Runs on `npm install` (postinstall) and `npm run db:generate`.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");

const providers = {
  sqlite: { url: "file:../../data/provscope.db" },
  // Only a placeholder: at run time the adapter (lib/db/client.ts) supplies the connection.
  postgresql: { url: "postgresql://localhost:5432/provscope" },
};

for (const [provider, { url }] of Object.entries(providers)) {
  const derived = source
    .replace(/provider\s*=\s*"sqlite"/, `provider = "${provider}"`)
    .replace(/output\s*=\s*"[^"]*"/, `output     = "../../lib/db/generated/${provider}"`)
    .replace(/url\s*=\s*"[^"]*"/, `url      = "${url}"`);
  const dir = path.join(root, "prisma", provider);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "schema.prisma");
  writeFileSync(file, `// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs — edit that file.\n${derived}`);
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate", "--schema", file], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
}
