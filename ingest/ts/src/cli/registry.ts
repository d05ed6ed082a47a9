// `provscope best|alias|history|promote|rollback|register`: the model registry from a shell.
import path from "node:path";
import { Registry, type AliasMove, type RegisteredVersion } from "../registry";
import { hashFile } from "../hash";
import { int, oneOf, required, str, UsageError, type Command, type Context } from "./command";
import { table } from "./output";
import { sendOps } from "./send";
import { withRetry } from "./retrying";

const registry = (ctx: Context) => new Registry(ctx.http);
const reason = { reason: { type: "string", short: "m" } } as const;

const moved = (m: AliasMove) =>
  m.change
    ? `${m.model}@${m.alias}: v${m.change.from ?? "-"} → v${m.version} (${m.change.action} by ${m.change.actor})`
    : `${m.model}@${m.alias} already at v${m.version}: nothing changed`;

export const registryCommands: Command[] = [
  {
    name: "best",
    usage: "MODEL --metric KEY [--mode min|max]",
    summary: "the version a workflow should deploy: best by an execution metric",
    options: { metric: { type: "string" }, mode: { type: "string" } },
    args: [1, 1],
    async run(ctx) {
      const mode = oneOf(str(ctx.values, "mode", "min"), ["min", "max"] as const, "--mode");
      const metric = required(ctx.values, "metric");
      const best = await withRetry(() => registry(ctx).best(ctx.args[0], metric, mode));
      ctx.out.result(best, `${best.model} v${best.version}  ${best.metric}=${best.value} (${best.mode})  ${best.artifact.uri ?? ""} ${best.artifact.hash}`.trimEnd());
    },
  },
  {
    name: "alias",
    usage: "MODEL ALIAS",
    summary: "the version an alias (e.g. deployed) points at now",
    args: [2, 2],
    async run(ctx) {
      const a = await withRetry(() => registry(ctx).alias(ctx.args[0], ctx.args[1]));
      ctx.out.result(a, `${a.model}@${a.alias} = v${a.version}  ${a.artifact.uri ?? ""} ${a.artifact.hash}  (since ${a.updatedAt})`);
    },
  },
  {
    name: "history",
    usage: "MODEL ALIAS",
    summary: "every promote and rollback of an alias",
    args: [2, 2],
    async run(ctx) {
      const h = await withRetry(() => registry(ctx).history(ctx.args[0], ctx.args[1]));
      ctx.out.result(h, () => table(h.changes, ["at", "action", "from", "to", "actor", "reason"]));
    },
  },
  {
    name: "promote",
    usage: "MODEL ALIAS VERSION --reason TEXT",
    summary: "point an alias at a version (recorded with the reason)",
    options: reason,
    args: [3, 3],
    async run(ctx) {
      const [model, alias, v] = ctx.args;
      const m = await registry(ctx).promote(model, alias, int(v, "VERSION", 1)!, required(ctx.values, "reason"));
      ctx.out.result(m, moved(m));
    },
  },
  {
    name: "rollback",
    usage: "MODEL ALIAS --reason TEXT [--version N]",
    summary: "move an alias back to its previous version (or to --version)",
    options: { ...reason, version: { type: "string" } },
    args: [2, 2],
    async run(ctx) {
      const [model, alias] = ctx.args;
      const m = await registry(ctx).rollback(model, alias, required(ctx.values, "reason"), int(str(ctx.values, "version"), "--version", 1));
      ctx.out.result(m, moved(m));
    },
  },
  {
    name: "register",
    usage: "MODEL (--hash H | --file PATH) [--execution ID]",
    summary: "register a logged model artifact as the model's next version",
    options: { hash: { type: "string" }, file: { type: "string" }, execution: { type: "string", short: "e" } },
    args: [1, 1],
    async run(ctx) {
      const file = str(ctx.values, "file");
      const hash = str(ctx.values, "hash") ?? (file ? await hashFile(path.resolve(file)) : undefined);
      if (!hash) throw new UsageError("--hash or --file is required");
      const execution = str(ctx.values, "execution") ?? process.env.PROVSCOPE_EXECUTION;
      const res = await sendOps(ctx.http, [{ op: "model.version", model: ctx.args[0], hash, ...(execution ? { execution } : {}) }]);
      const r = res.results[0] as unknown as RegisteredVersion;
      ctx.out.result({ model: ctx.args[0], version: r.version, created: r.created }, `${ctx.args[0]} v${r.version}${r.created ? "" : " (already registered)"}`);
    },
  },
];
