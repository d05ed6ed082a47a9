import type { Metadata } from "next";
import Link from "next/link";
import { TokensAdmin } from "@/components/settings/tokens-admin";
import { listTokens } from "@/lib/auth/manage-tokens";
import { db } from "@/lib/db/client";
import { requireViewer } from "../../_session/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

// GET /settings/tokens — token management, for admin sessions only (the API checks the scope
// again on every call; this only spares others a page they cannot use).
export default async function TokensPage() {
  const viewer = await requireViewer("/settings/tokens");
  if (viewer?.scope !== "admin") {
    return (
      <div className="mx-auto mt-12 max-w-lg rounded-md border border-slate-200 bg-white px-5 py-4 shadow-xs">
        <h1 className="text-base font-semibold">API tokens</h1>
        <p className="mt-2 text-slate-600">
          Managing tokens needs an admin token. {viewer ? `You are signed in as ${viewer.name} with ${viewer.scope} scope.` : "You are not signed in."}{" "}
          <Link href="/login?next=/settings/tokens" className="text-sky-700 underline">
            Sign in with an admin token
          </Link>
          .
        </p>
      </div>
    );
  }
  const tokens = await listTokens(db());
  const initial = tokens.map((t) => ({
    ...t,
    scope: t.scope as "read" | "write" | "admin",
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  }));
  return <TokensAdmin initial={initial} self={viewer.tokenId} now={new Date().toISOString()} />;
}
