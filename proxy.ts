import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "./lib/auth/session-cookie";

// Pages need a signed-in dashboard (a token in the session cookie) unless anonymous reading is
// allowed. This only checks that a cookie is present; pages verify the token itself.
export function proxy(request: NextRequest) {
  if (process.env.PROVSCOPE_PUBLIC_READ === "1" || request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const login = new URL("/login", request.url);
  const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (next !== "/") login.searchParams.set("next", next);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but the API (token-authenticated itself), Next's assets and the sign-in page.
  matcher: ["/((?!api/|_next/|favicon\\.ico|login).*)"],
};
