import { z } from "zod";
import { LIMITS } from "./schemas/limits";

// Every environment variable Provscope reads, validated once. Nothing else reads process.env.
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/provscope.db")
    .refine((u) => u.startsWith("file:") || /^postgres(ql)?:\/\//.test(u), {
      message: "DATABASE_URL must be a SQLite 'file:PATH' URL or a 'postgresql://' URL",
    }),
  PROVSCOPE_ADMIN_TOKEN: z.string().min(16, "PROVSCOPE_ADMIN_TOKEN must be at least 16 characters").optional(),
  PROVSCOPE_MAX_BODY_BYTES: z.coerce.number().int().positive().default(LIMITS.bodyBytes),
  PROVSCOPE_DEMO: z.enum(["0", "1"]).default("1"),
  PROVSCOPE_PUBLIC_READ: z.enum(["0", "1"]).default("0"),
  // A RUNNING execution with no new data for this long is flagged as stalled in the dashboard.
  PROVSCOPE_STALL_SECONDS: z.coerce.number().int().positive().default(300),
  // Artifact files kept by Provscope (content-addressed); relative paths are from the working directory.
  PROVSCOPE_BLOB_DIR: z.string().min(1).default("./data/blobs"),
  // Larger artifacts stay metadata-only (their bytes live where their uri says).
  PROVSCOPE_MAX_BLOB_BYTES: z.coerce.number().int().positive().default(2 * 1024 ** 3),
  // Connections each server process may open to PostgreSQL (unused on SQLite).
  PROVSCOPE_PG_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  // Where this server listens; Next.js sets PORT before instrumentation runs.
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid Provscope configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

export function databaseProvider(url = env().DATABASE_URL): "sqlite" | "postgresql" {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

// The URL this server process reaches itself on (the demo driver talks to it over HTTP like any
// client). A wildcard bind address is reached on the loopback.
export function selfUrl(): string {
  const { HOST, PORT } = env();
  const host = HOST && !["0.0.0.0", "::", "[::]"].includes(HOST) ? HOST : "127.0.0.1";
  const bracketed = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return `http://${bracketed}:${PORT}`;
}
