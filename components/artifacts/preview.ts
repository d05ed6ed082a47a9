// What a cheap preview of an artifact's stored bytes is, decided without React: the kind from the
// file name (or the first bytes), text heads cut at a whole line, CSV rows, JSON pretty-printed
// when the head is the whole document, image types by their magic numbers.

export const TEXT_HEAD_BYTES = 64 * 1024;
export const IMAGE_MAX_BYTES = 8 * 1024 * 1024;
export const CSV_MAX_ROWS = 25;

export type PreviewKind = "image" | "json" | "csv" | "tsv" | "text" | "unknown";

const TEXT_EXT = new Set(["txt", "log", "md", "yaml", "yml", "toml", "ini", "cfg", "conf", "py", "sh", "xml", "out", "list", "lst", "f90", "c", "h", "jsonl", "ndjson"]);
const IMAGE_EXT = new Set(["png", "jpg", "jpeg", "gif", "webp"]);

// The file name's extension, from the artifact name or else its uri's path.
export function extensionOf(name: string, uri: string | null): string {
  for (const s of [name, uri ? uri.replace(/[?#].*$/, "") : ""]) {
    const m = /\.([A-Za-z0-9]{1,8})$/.exec(s);
    if (m) return m[1].toLowerCase();
  }
  return "";
}

export function previewKind(name: string, uri: string | null): PreviewKind {
  const ext = extensionOf(name, uri);
  if (IMAGE_EXT.has(ext)) return "image";
  if (ext === "json") return "json";
  if (ext === "csv") return "csv";
  if (ext === "tsv") return "tsv";
  if (TEXT_EXT.has(ext)) return "text";
  return "unknown"; // decided from the first bytes
}

// How many bytes to fetch for the preview (an image whole, when small enough; else a text head).
export function previewBytes(kind: PreviewKind, size: number): number {
  if (kind === "image") return size <= IMAGE_MAX_BYTES ? size : 0;
  return Math.min(size, TEXT_HEAD_BYTES);
}

// UTF-8 text of the head, or null for binary content (a NUL byte, or bytes that are not UTF-8).
// A truncated head drops its last, partial line.
export function textHead(bytes: Uint8Array, truncated: boolean): string | null {
  if (bytes.includes(0)) return null;
  const nl = truncated ? bytes.lastIndexOf(10) : -1;
  const head = nl > 0 ? bytes.subarray(0, nl + 1) : bytes;
  try {
    // stream: a multi-byte character the cut split is held back, not an error
    return new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: truncated });
  } catch {
    return null;
  }
}

// A JSON document pretty-printed when the head holds all of it; otherwise the raw text.
export function prettyJson(text: string, truncated: boolean): { text: string; parsed: boolean } {
  if (!truncated) {
    try {
      return { text: JSON.stringify(JSON.parse(text), null, 2), parsed: true };
    } catch {
      // not JSON after all: show it as it is
    }
  }
  return { text, parsed: false };
}

// The first rows of delimited text; quoted fields may hold delimiters, quotes ("") and newlines.
export function csvRows(text: string, delimiter = ",", maxRows = CSV_MAX_ROWS): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < maxRows; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if ((field !== "" || row.length) && rows.length < maxRows) rows.push([...row, field]);
  return rows;
}

// The image type of the bytes by magic number; null when they are not an image we show.
export function imageMime(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return "image/webp";
  return null;
}

// "80 02 63 6f …": what a binary file starts with.
export function hexHead(bytes: Uint8Array, n = 16): string {
  return Array.from(bytes.subarray(0, n), (b) => b.toString(16).padStart(2, "0")).join(" ");
}

// The file name a download is saved as: the uri's file name, else the artifact's name.
export function downloadName(name: string, uri: string | null): string {
  const last = uri ? (uri.replace(/[?#].*$/, "").split("/").pop() ?? "") : "";
  let fromUri = last;
  try {
    fromUri = decodeURIComponent(last);
  } catch {
    // a stray % in the uri: keep it as written
  }
  return (fromUri || name).replace(/[/\\\u0000-\u001f]/g, "_");
}
