// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints
// one table. Each bench module default-exports `() => Promise<BenchRow[]>`.
import { readdirSync } from "node:fs";
import path from "node:path";
import { formatTable, type BenchRow } from "./table";

const only = process.argv.slice(2);
const dir = path.dirname(new URL(import.meta.url).pathname);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  process.stderr.write(`bench: ${file}…\n`);
  const mod = (await import(path.join(dir, file))) as { default: () => Promise<BenchRow[]> };
  rows.push(...(await mod.default()));
}
console.log(`\nProvscope bench — ${new Date().toISOString()} — node ${process.version}\n`);
console.log(formatTable(rows));
