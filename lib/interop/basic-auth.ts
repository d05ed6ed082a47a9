// CMF's client (Python requests) cannot be told to send a header, but requests does send HTTP
// Basic credentials taken from the URL (http://cmf:TOKEN@host/api) or from ~/.netrc, and MLflow
// clients send Basic when MLFLOW_TRACKING_USERNAME/PASSWORD are set. Those credentials carry a
// Provscope token as the password (or as the user name when there is no password); this turns them
// into the Bearer header the token check understands, so there is still only one way to authorize.

export function bearerFromBasic(header: string | null): string | null {
  const m = header?.match(/^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i);
  if (!m) return header;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? "" : decoded.slice(colon + 1);
  const token = password || user;
  return token && !/\s/.test(token) ? `Bearer ${token}` : header;
}

// The same request with a Basic Authorization header rewritten to Bearer; other requests untouched.
export function withBearerFromBasic(req: Request): Request {
  const header = req.headers.get("authorization");
  const rewritten = bearerFromBasic(header);
  if (rewritten === header || rewritten === null) return req;
  const headers = new Headers(req.headers);
  headers.set("authorization", rewritten);
  return new Request(req, { headers });
}
