// Content hashes in the form artifacts are identified by ("sha256:<hex>"), streamed so a
// multi-gigabyte checkpoint never sits in memory.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

export async function hashFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `sha256:${hash.digest("hex")}`;
}
