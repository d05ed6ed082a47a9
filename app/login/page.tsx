import type { Metadata } from "next";
import { z } from "zod";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

// Only same-site paths: never bounce a signed-in user to another site.
const searchParams = z.object({ next: z.string().regex(/^\/(?!\/)/).catch("/").default("/") });

export default async function LoginPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = searchParams.parse(await props.searchParams);
  return (
    <div className="mx-auto mt-16 max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-lg font-semibold">Sign in to Provscope</h1>
      <p className="mt-2 text-slate-600">
        Paste an API token. The first <code className="rounded bg-slate-100 px-1">npm start</code> printed an admin token (or
        installed <code className="rounded bg-slate-100 px-1">PROVSCOPE_ADMIN_TOKEN</code>); a read-scope token is enough to
        browse, promoting or rolling back models needs write scope.
      </p>
      <SignInForm next={next} />
    </div>
  );
}
