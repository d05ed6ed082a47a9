import { z } from "zod";

// zod compiles object parsers with `new Function` when it may, and probes for that once. Under the
// dashboard's Content-Security-Policy (no 'unsafe-eval') the probe is refused — harmlessly, but
// reported as a CSP violation on every page that parses with zod. In the browser, don't probe.
if (typeof window !== "undefined") z.config({ jitless: true });
