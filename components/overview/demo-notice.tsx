"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useHealth, type Health } from "@/components/api/hooks/use-health";

// While the server runs the built-in demo workflow on a first start: a small notice with its
// latest step, polling /api/health; the page reloads its data as the demo adds some and once when
// it finishes, so what the demo logged appears without a manual reload.
export function DemoNotice({ initial }: { initial: Health["demo"] }) {
  const router = useRouter();
  const running = useRef(initial.state === "running");
  const { data } = useHealth({ initialData: { ok: true, demo: initial }, enabled: running.current });
  const demo = data?.demo ?? initial;
  const step = demo.step;
  const shown = useRef(step);

  useEffect(() => {
    if (!running.current || (demo.state === "running" && shown.current === step)) return;
    shown.current = step;
    if (demo.state !== "running") running.current = false;
    router.refresh();
  }, [demo.state, step, router]);

  if (demo.state === "running") {
    return (
      <div role="status" aria-label="demo workflow" className="mb-3 flex items-center gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
        <span aria-hidden className="inline-block h-2 w-2 animate-pulse rounded-full bg-sky-500" />
        <span className="font-medium">Loading the demo workflow…</span>
        <span className="min-w-0 truncate text-xs text-sky-800">{step}</span>
      </div>
    );
  }
  if (demo.state === "failed") {
    return (
      <div role="status" aria-label="demo workflow" className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        The demo workflow stopped ({step}); the server log says why. Run it again with <code className="rounded bg-amber-100 px-1">npm run demo</code>.
      </div>
    );
  }
  return null;
}
