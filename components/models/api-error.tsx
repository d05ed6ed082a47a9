import { ApiClientError } from "@/components/api/fetch-json";

// A failed write, said plainly: the status, what the server answered, and what to do about it.
const HINT: Record<number, string> = {
  401: "Your session's token is no longer valid (revoked or unknown). Sign in again with a write-scope token.",
  403: "Your token may read but not change the registry. Sign in with a token that has write scope.",
};

export function ApiErrorMessage({ error }: { error: unknown }) {
  const e = error instanceof ApiClientError ? error : null;
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800">
      <div className="font-semibold">
        {e ? `${e.status} ${e.code.replace(/_/g, " ")}` : "request failed"}
        {e?.path ? <span className="font-normal"> ({e.path})</span> : null}
      </div>
      <div>{e ? e.message : String(error)}</div>
      {e && HINT[e.status] ? <div className="mt-1 text-red-700">{HINT[e.status]}</div> : null}
    </div>
  );
}
