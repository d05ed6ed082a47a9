// `npm run db:diff NAME`: writes prisma/<provider>/migrations/<timestamp>_NAME/migration.sql, the SQL
// that takes the schema of the latest migration to prisma/schema.prisma. Each migration keeps a
// snapshot of the schema it produced (schema.snapshot.prisma), because with the JS engines Prisma
// can diff two schema files offline but cannot introspect a database (`prisma migrate dev` fails).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const name = (process.argv[2] ?? "").replace(/[^A-Za-z0-9_]/g, "_");
if (!name) {
  console.error("usage: npm run db:diff NAME   (e.g. npm run db:diff add_artifact_index)");
  process.exit(2);
}
execFileSync(process.execPath, [path.join(root, "scripts/prisma-generate.mjs")], { stdio: "inherit" });

for (const provider of ["sqlite"]) {
  const schema = `prisma/${provider}/schema.prisma`;
  const migrations = path.join(root, `prisma/${provider}/migrations`);
  const latest = readdirSync(migrations).filter((d) => !d.endsWith(".toml")).sort().at(-1);
  const from = latest
    ? ["--from-schema-datamodel", path.join(migrations, latest, "schema.snapshot.prisma")]
    : ["--from-empty"];
  const sql = execFileSync(
    process.execPath,
    [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
    { cwd: root, encoding: "utf8" },
  );
  if (!sql.trim() || sql.includes("This is an empty migration")) {
    console.log(`db:diff: ${provider}: the schema matches the migrations; nothing to write.`);
    continue;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const target = path.join(migrations, `${stamp}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, "migration.sql"), sql);
  copyFileSync(path.join(root, schema), path.join(target, "schema.snapshot.prisma"));
  console.log(`db:diff: wrote ${path.relative(root, target)}/migration.sql — review it, then npm run db:migrate`);
}
