// Content-Security-Policy for pages and for API responses. Shared by proxy.ts (pages, per-request
// nonce) and next.config.ts (API), so both are read in one place.

// cytoscape adds one <style> element of its own (".__________cytoscape_container { position:
// relative; }"), without a nonce: allowed by its hash, and nothing else.
const CYTOSCAPE_STYLE = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

// Pages: scripts only with this request's nonce (Next.js adds it to its own; 'strict-dynamic' lets
// them load their chunks); no inline event handlers, no javascript: URLs, no eval, no plugins, no
// framing, no other origins. Style attributes stay allowed: React renders some (chart sizes), and
// they cannot run code. No upgrade-insecure-requests: sites run Provscope over plain HTTP on
// internal networks, where it would break every asset.
export function pageCsp(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}' ${CYTOSCAPE_STYLE}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// API responses are data, never documents to render: nothing may load or run, and a response
// opened directly in a browser is sandboxed (an HTML-looking value in JSON stays inert).
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
