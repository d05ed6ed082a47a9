// Runs once when a server process starts: install the admin token and load the demo on an empty
// database. The Node-only work is imported lazily so the edge bundle never sees Prisma.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootstrap } = await import("./lib/bootstrap");
  await bootstrap();
}
