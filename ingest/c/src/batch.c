/* Turns a shipping round of the ring into JSON batches for POST /api/v1/batches.
 * Runs on the shipper thread only, so formatting cost never lands on pv_log_metric. The output is
 * a pure function of the buffer and the cursor: a retried batch is byte-for-byte the same. */
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define OUT_CHUNK 65536
#define MAX_POINTS_PER_BATCH 65536 /* at most ~3 MB of JSON, well below the server's body limit */

/* ---- output ---- */

static void out_reserve(pv_out *o, size_t extra) {
  if (o->failed) return;
  if (o->sink && o->len + extra > OUT_CHUNK && o->len > 0) {
    if (o->sink(o->ctx, o->buf, o->len) != 0) o->failed = 1;
    o->len = 0;
  }
  if (o->len + extra <= o->cap) return;
  size_t cap = o->cap ? o->cap : 256;
  while (cap < o->len + extra) cap *= 2;
  if (o->sink && cap < OUT_CHUNK + 64) cap = OUT_CHUNK + 64;
  char *b = realloc(o->buf, cap);
  if (!b) {
    o->failed = 1;
    return;
  }
  o->buf = b, o->cap = cap;
}

void pv_out_put(pv_out *o, const char *s, size_t n) {
  out_reserve(o, n);
  if (o->failed) return;
  memcpy(o->buf + o->len, s, n);
  o->len += n;
}

void pv_out_str(pv_out *o, const char *s) { pv_out_put(o, s, strlen(s)); }

void pv_out_json_string(pv_out *o, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  out_reserve(o, 6 * n + 2);
  if (o->failed) return;
  char *p = o->buf + o->len;
  *p++ = '"';
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') *p++ = '\\', *p++ = (char)c;
    else if (c < 0x20 || c == 0x7f) *p++ = '\\', *p++ = 'u', *p++ = '0', *p++ = '0', *p++ = hex[c >> 4], *p++ = hex[c & 15];
    else *p++ = (char)c;
  }
  *p++ = '"';
  o->len = (size_t)(p - o->buf);
}

void pv_out_int(pv_out *o, int64_t v) {
  char tmp[24];
  int n = 0;
  uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  do tmp[n++] = (char)('0' + u % 10), u /= 10;
  while (u);
  if (v < 0) tmp[n++] = '-';
  out_reserve(o, (size_t)n);
  if (o->failed) return;
  char *p = o->buf + o->len;
  for (int i = n - 1; i >= 0; i--) *p++ = tmp[i];
  o->len += (size_t)n;
}

/* Exact: integers as integers, others with 17 significant digits (dtoa.c). */
void pv_out_double(pv_out *o, double v) {
  if (isnan(v)) return pv_out_str(o, "\"NaN\"");
  if (isinf(v)) return pv_out_str(o, v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
  if (v == (double)(int64_t)v && fabs(v) < 1e15) {
    if (v == 0 && signbit(v)) return pv_out_str(o, "0");
    return pv_out_int(o, (int64_t)v);
  }
  out_reserve(o, 32);
  if (o->failed) return;
  o->len += (size_t)pv_dtoa(v, o->buf + o->len);
}

int pv_out_finish(pv_out *o) {
  if (!o->failed && o->sink && o->len > 0) {
    if (o->sink(o->ctx, o->buf, o->len) != 0) o->failed = 1;
    o->len = 0;
  }
  return o->failed ? -1 : 0;
}

/* ---- grouping points by key ---- */

/* A counting sort of point indices by key id (stable: log order within a key). Scratch arrays
 * were allocated once by the shipper. key_off[k] is the first position of key k in `order`. */
void pv_ship_index(pv_ship *sh, uint32_t nkeys_total) {
  const pv_ring *b = sh->ring;
  uint32_t *count = sh->key_off; /* reused: counts, then starts */
  memset(count, 0, (nkeys_total + 1) * sizeof *count);
  sh->nkeys_present = 0;
  for (uint64_t p = sh->from; p < sh->from + sh->n; p++) {
    uint16_t k = b->keys[p & b->mask];
    if (count[k]++ == 0) sh->key_list[sh->nkeys_present++] = k;
  }
  uint32_t pos = 0;
  for (uint32_t j = 0; j < sh->nkeys_present; j++) {
    uint16_t k = sh->key_list[j];
    uint32_t c = count[k];
    count[k] = pos;
    pos += c;
  }
  /* place, using key_end as running positions */
  for (uint32_t j = 0; j < sh->nkeys_present; j++) sh->key_end[sh->key_list[j]] = sh->key_off[sh->key_list[j]];
  for (uint64_t p = sh->from; p < sh->from + sh->n; p++) {
    uint32_t slot = (uint32_t)(p & b->mask);
    sh->order[sh->key_end[b->keys[slot]]++] = slot;
  }
}

int pv_cursor_done(const pv_ship *sh, const pv_cursor *cur) {
  return cur->misc_done && cur->key_pos >= sh->nkeys_present;
}

/* ---- ops ---- */

static void exec_field(pv_state *s, pv_out *o) {
  pv_out_str(o, "\"execution\":");
  pv_out_json_string(o, s->execution, strlen(s->execution));
}

static void write_start(pv_state *s, pv_out *o) {
  pv_out_str(o, "{\"op\":\"execution.start\",\"pipeline\":");
  pv_out_json_string(o, s->pipeline, strlen(s->pipeline));
  pv_out_str(o, ",\"stage\":");
  pv_out_json_string(o, s->stage, strlen(s->stage));
  pv_out_str(o, ",");
  exec_field(s, o);
  if (s->name) {
    pv_out_str(o, ",\"name\":");
    pv_out_json_string(o, s->name, strlen(s->name));
  }
  /* Only rank 0 owns params, properties and the start time: a later rank's start would replace them. */
  if (s->rank == 0) {
    if (s->params) pv_out_str(o, ",\"params\":"), pv_out_str(o, s->params);
    if (s->properties) pv_out_str(o, ",\"properties\":"), pv_out_str(o, s->properties);
    pv_out_str(o, ",\"startedAt\":\""), pv_out_str(o, s->started_at), pv_out_str(o, "\"");
  }
  pv_out_str(o, "}");
}

/* One series op: the longest run of strictly increasing steps from `from` (positions in order). */
static size_t write_series(pv_state *s, pv_ship *sh, uint16_t key, size_t from, size_t end, size_t budget, pv_out *o) {
  const pv_ring *b = sh->ring;
  const uint32_t *ord = sh->order;
  size_t to = from + 1;
  while (to < end && to - from < budget && b->steps[ord[to]] > b->steps[ord[to - 1]]) to++;
  if (!o) return to - from;
  const pv_key *k = &s->keys[key];
  pv_out_str(o, "{\"op\":\"series\",");
  exec_field(s, o);
  pv_out_str(o, ",\"key\":");
  pv_out_json_string(o, k->name, k->len);
  pv_out_str(o, ",\"rank\":");
  pv_out_int(o, k->rank);
  pv_out_str(o, ",\"steps\":[");
  for (size_t i = from; i < to; i++) {
    if (i > from) pv_out_put(o, ",", 1);
    pv_out_int(o, b->steps[ord[i]]);
  }
  pv_out_str(o, "],\"values\":[");
  for (size_t i = from; i < to; i++) {
    if (i > from) pv_out_put(o, ",", 1);
    pv_out_double(o, b->values[ord[i]]);
  }
  pv_out_str(o, "],\"times\":[");
  for (size_t i = from; i < to; i++) {
    if (i > from) pv_out_put(o, ",", 1);
    pv_out_int(o, b->times[ord[i]]);
  }
  pv_out_str(o, "]}");
  return to - from;
}

void pv_batch_id(pv_state *s, const pv_ship *sh, const pv_cursor *cur, char *id, size_t cap) {
  if (cur->part == 0) snprintf(id, cap, "%s-%lld", s->batch_prefix, (long long)sh->seq);
  else snprintf(id, cap, "%s-%lld.%d", s->batch_prefix, (long long)sh->seq, cur->part);
}

size_t pv_batch_write(pv_state *s, pv_ship *sh, pv_cursor *cur, pv_out *o) {
  if (o) {
    char id[160];
    pv_batch_id(s, sh, cur, id, sizeof id);
    pv_out_str(o, "{\"batchId\":\"");
    pv_out_str(o, id);
    pv_out_str(o, "\",\"ops\":[");
  }
  int ops = 0;
  if (!cur->misc_done) {
    if (sh->with_start) {
      if (o) write_start(s, o);
      ops++;
    }
    for (pv_op *op = sh->ops; op; op = op->next) {
      if (o && ops) pv_out_put(o, ",", 1);
      if (o) pv_out_str(o, op->json);
      ops++;
    }
    cur->misc_done = 1;
  }
  size_t points = 0;
  while (cur->key_pos < sh->nkeys_present && ops < PV_MAX_OPS_PER_BATCH && points < MAX_POINTS_PER_BATCH) {
    uint16_t key = sh->key_list[cur->key_pos];
    size_t start = sh->key_off[key], end = sh->key_end[key];
    if (cur->point_pos < start) cur->point_pos = start;
    size_t budget = MAX_POINTS_PER_BATCH - points;
    if (budget > PV_MAX_POINTS_PER_OP) budget = PV_MAX_POINTS_PER_OP;
    if (o && ops) pv_out_put(o, ",", 1);
    ops++;
    size_t n = write_series(s, sh, key, cur->point_pos, end, budget, o);
    points += n;
    cur->point_pos += n;
    if (cur->point_pos >= end) cur->key_pos++;
  }
  if (sh->with_end && pv_cursor_done(sh, cur) && o) {
    if (ops++) pv_out_put(o, ",", 1);
    pv_out_str(o, "{\"op\":\"execution.end\",");
    exec_field(s, o);
    pv_out_str(o, s->end_status == 0 ? ",\"status\":\"COMPLETED\"}" : ",\"status\":\"FAILED\"}");
  }
  if (o) pv_out_str(o, "]}");
  cur->part++;
  return points;
}
