import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "./lib/auth/session-cookie";
import { pageCsp } from "./lib/http/csp";

// Every page gets a Content-Security-Policy with a fresh nonce: Next.js reads the nonce from the
// request's CSP header and puts it on its own scripts, so only those run. Pages also need a signed-in
// dashboard (a token in the session cookie) unless anonymous reading is allowed; this only checks
// that a cookie is present, pages verify the token itself.
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = pageCsp(nonce, process.env.NODE_ENV === "development");

  const { pathname, search } = request.nextUrl;
  const open = pathname === "/login" || process.env.PROVSCOPE_PUBLIC_READ === "1" || request.cookies.has(SESSION_COOKIE);
  let response: NextResponse;
  if (open) {
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers } });
  } else {
    const login = new URL("/login", request.url);
    const next = `${pathname}${search}`;
    if (next !== "/") login.searchParams.set("next", next);
    response = NextResponse.redirect(login);
  }
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Everything but the API (token-authenticated, with its own fixed policy from next.config.ts)
  // and Next's own assets.
  matcher: ["/((?!api/|_next/|favicon\\.ico).*)"],
};
