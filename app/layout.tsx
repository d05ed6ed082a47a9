import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLink } from "@/components/ui/nav-link";
import { Providers } from "@/components/providers";
import { GlobalSearch } from "@/components/search/global-search";
import { env } from "@/lib/env";
import { viewer } from "./_session/viewer";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Provscope", template: "%s · Provscope" },
  description: "Lineage and model provenance for HPC simulation + AI workflows",
};

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/executions", label: "Executions" },
  { href: "/artifacts", label: "Artifacts" },
  { href: "/lineage", label: "Lineage" },
  { href: "/models", label: "Models" },
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const signedIn = await viewer();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-sm text-slate-900 antialiased">
        {/* One query cache for the page and the header's search. */}
        <Providers>
          <header className="border-b border-slate-800 bg-slate-900">
            <div className="mx-auto flex h-12 max-w-screen-2xl items-center gap-6 px-6">
              <Link href="/" className="flex items-center gap-2 text-white">
                <Logo />
                <span className="text-[15px] font-semibold tracking-tight">Provscope</span>
              </Link>
              <nav aria-label="Main" className="flex items-center gap-1">
                {NAV.map((n) => (
                  <NavLink key={n.href} href={n.href}>
                    {n.label}
                  </NavLink>
                ))}
                {/* A JSON document, not a page: a plain link so the router never prefetches it. */}
                <a href="/api/v1/openapi.json" className="rounded px-2.5 py-1.5 text-sm text-slate-300 hover:bg-slate-800/60 hover:text-white">
                  API
                </a>
              </nav>
              <div className="ml-auto flex min-w-0 flex-1 items-center justify-end gap-3 text-xs text-slate-400">
                <span className="hidden shrink-0 2xl:block">lineage &amp; provenance for simulation + AI workflows</span>
                {signedIn || env().PROVSCOPE_PUBLIC_READ === "1" ? <GlobalSearch /> : null}
                {signedIn && (
                  <>
                    <span title={`token scope: ${signedIn.scope}`} className="shrink-0 whitespace-nowrap">
                      {signedIn.name} · {signedIn.scope}
                    </span>
                    {signedIn.scope === "admin" ? (
                      <Link href="/settings/tokens" className="shrink-0 whitespace-nowrap rounded px-2 py-1 text-xs text-slate-300 hover:bg-slate-800 hover:text-white">
                        Tokens
                      </Link>
                    ) : null}
                    <span className="shrink-0 whitespace-nowrap">
                      <SignOutButton />
                    </span>
                  </>
                )}
              </div>
            </div>
          </header>
          <main className="mx-auto max-w-screen-2xl px-6 py-5">{children}</main>
        </Providers>
      </body>
    </html>
  );
}

// Three linked nodes: the lineage graph the product is about.
function Logo() {
  return (
    <svg viewBox="0 0 20 20" className="size-5" aria-hidden>
      <path d="M5 5 L15 10 L5 15" fill="none" stroke="#64748b" strokeWidth="1.5" />
      <circle cx="5" cy="5" r="2.6" fill="#38bdf8" />
      <circle cx="15" cy="10" r="2.6" fill="#34d399" />
      <circle cx="5" cy="15" r="2.6" fill="#a78bfa" />
    </svg>
  );
}
