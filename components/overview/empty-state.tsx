// What a first-time user sees on an empty database: how to send the first batch.
export function EmptyState({ baseUrl }: { baseUrl: string }) {
  const curl = [
    `curl -X POST ${baseUrl}/api/v1/batches \\`,
    `  -H "Authorization: Bearer $PROVSCOPE_TOKEN" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"batchId": "first-batch-1", "ops": [`,
    `    {"op": "execution.start", "pipeline": "my-workflow", "stage": "train",`,
    `     "execution": "run-1", "params": {"lr": 0.001}},`,
    `    {"op": "metrics", "execution": "run-1", "values": {"test_loss": 0.31}},`,
    `    {"op": "execution.end", "execution": "run-1", "status": "COMPLETED"}]}'`,
  ].join("\n");
  return (
    <section aria-label="Getting started" className="mx-auto mt-8 max-w-3xl rounded-md border border-slate-200 bg-white p-6 shadow-xs">
      <h2 className="text-base font-semibold text-slate-900">No workflows recorded yet</h2>
      <p className="mt-1 text-slate-600">
        Provscope fills up as your workflows report their executions, artifacts and metrics. Send a first batch to see it here.
      </p>
      <ol className="mt-4 list-decimal space-y-3 pl-5 text-slate-700">
        <li>
          Take the admin token that <code className="rounded bg-slate-100 px-1">npm start</code> printed on its first start (
          <span className="italic">created the first admin API token</span>), or the one you set in{" "}
          <code className="rounded bg-slate-100 px-1">PROVSCOPE_ADMIN_TOKEN</code>:
          <pre className="mt-1.5 overflow-x-auto rounded bg-slate-900 px-3 py-2 text-xs text-slate-100">export PROVSCOPE_TOKEN=pvs_…</pre>
        </li>
        <li>
          Post a batch of operations:
          <pre className="mt-1.5 overflow-x-auto rounded bg-slate-900 px-3 py-2 text-xs leading-relaxed text-slate-100">{curl}</pre>
        </li>
        <li>
          Reload this page. The full list of operations (artifacts, step-metric series, model versions) is in the{" "}
          <a href="/api/v1/openapi.json" className="text-sky-700 underline">
            OpenAPI document
          </a>
          .
        </li>
      </ol>
    </section>
  );
}
