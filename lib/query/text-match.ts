// Index-friendly text matching shared by search and the artifacts list. SQL fragments only take
// values through `bind`, so user text never becomes SQL.

export type Bind = (value: unknown) => string;

// Every string that starts with `prefix`, as a range an index can seek: [prefix, prefix + U+FFFF).
// Byte-wise (SQLite's default collation), so it is case-sensitive, unlike `contains`.
export const prefixRange = (prefix: string) => ({ gte: prefix, lt: `${prefix}\uffff` });

// Hashes are stored as "<algorithm>:<hex>" (or bare hex by some clients). Typing the hex alone
// should find them, so a hex prefix is tried under the common algorithm names too.
const ALGORITHMS = ["sha256:", "sha1:", "sha512:", "md5:", "blake2b:", "blake3:"];
const MIN_HEX = 4; // shorter prefixes match too much to mean anything

export function hashRanges(text: string): Array<{ gte: string; lt: string }> {
  const t = text.trim();
  if (/^[a-z0-9-]+:[0-9a-f]+$/i.test(t)) {
    const [alg, hex] = t.split(":");
    return hex.length >= MIN_HEX ? [prefixRange(`${alg.toLowerCase()}:${hex.toLowerCase()}`)] : [];
  }
  if (!/^[0-9a-f]+$/i.test(t) || t.length < MIN_HEX) return [];
  const hex = t.toLowerCase();
  return [prefixRange(hex), ...ALGORITHMS.map((a) => prefixRange(a + hex))];
}

// A LIKE pattern for "contains `text`" with LIKE's own wildcards taken literally.
export const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// `col` contains `text`, ignoring case on SQLite and PostgreSQL alike.
export const containsSql = (col: string, text: string, bind: Bind) => `LOWER(${col}) LIKE ${bind(containsPattern(text))} ESCAPE '\\'`;

// `col` starts with one of the prefixes (an index range each).
export const rangesSql = (col: string, ranges: Array<{ gte: string; lt: string }>, bind: Bind) =>
  ranges.map((r) => `(${col} >= ${bind(r.gte)} AND ${col} < ${bind(r.lt)})`);

// The artifacts text filter: name or uri contains it, or the hash starts with it.
export const artifactTextSql = (alias: string, text: string, bind: Bind) =>
  `(${[...rangesSql(`${alias}."hash"`, hashRanges(text), bind), containsSql(`${alias}."name"`, text, bind), containsSql(`${alias}."uri"`, text, bind)].join(" OR ")})`;
