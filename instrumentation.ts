// Runs once when a server process starts: install the admin token and, on an empty database, start
// the demo workflow. The Node-only work is imported lazily so the edge bundle never sees Prisma.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ bootstrap }, { selfUrl }] = await Promise.all([import("./lib/bootstrap"), import("./lib/env")]);
  // Next.js is listening by now and has set PORT.
  await bootstrap(selfUrl());
}
