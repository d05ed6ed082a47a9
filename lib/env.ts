import { z } from "zod";

// Every environment variable Provscope reads, validated once. Nothing else reads process.env.
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/provscope.db")
    .refine((u) => u.startsWith("file:") || /^postgres(ql)?:\/\//.test(u), {
      message: "DATABASE_URL must be a SQLite 'file:PATH' URL or a 'postgresql://' URL",
    }),
  PROVSCOPE_ADMIN_TOKEN: z.string().min(16, "PROVSCOPE_ADMIN_TOKEN must be at least 16 characters").optional(),
  PROVSCOPE_MAX_BODY_BYTES: z.coerce.number().int().positive().default(64 * 1024 * 1024),
  PROVSCOPE_DEMO: z.enum(["0", "1"]).default("1"),
  PROVSCOPE_PUBLIC_READ: z.enum(["0", "1"]).default("0"),
  // A RUNNING execution with no new data for this long is flagged as stalled in the dashboard.
  PROVSCOPE_STALL_SECONDS: z.coerce.number().int().positive().default(300),
  // Connections each server process may open to PostgreSQL (unused on SQLite).
  PROVSCOPE_PG_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
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
