import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { authenticate, type Principal } from "@/lib/auth/tokens";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

// The token the dashboard is signed in with, verified; null when signed out or no longer valid.
export async function viewer(): Promise<Principal | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  try {
    return await authenticate(db(), `Bearer ${token}`, "read");
  } catch {
    return null;
  }
}

// For pages: the viewer, or a redirect to sign in (unless PROVSCOPE_PUBLIC_READ=1).
export async function requireViewer(next: string): Promise<Principal | null> {
  const v = await viewer();
  if (v || env().PROVSCOPE_PUBLIC_READ === "1") return v;
  redirect(`/login?next=${encodeURIComponent(next)}`);
}
