/* The logging calls: pv_log_metric (the hot path), pv_log_artifact, pv_log_final_metric. */
#define _GNU_SOURCE
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "internal.h"

/* Per-thread memo of the last key: a repeated key costs one memcmp instead of a hash lookup. */
static _Thread_local struct {
  unsigned gen;
  uint32_t len;
  int32_t rank;
  uint16_t id;
} tl_key;
static _Thread_local int tl_rank = -1;

static inline int64_t coarse_ms(void) {
  struct timespec ts;
#ifdef CLOCK_REALTIME_COARSE
  clock_gettime(CLOCK_REALTIME_COARSE, &ts); /* vDSO, a few ns; ms resolution is all we send */
#else
  clock_gettime(CLOCK_REALTIME, &ts);
#endif
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static uint32_t key_hash(const char *k, uint32_t len, int32_t rank) {
  uint32_t h = 2166136261u ^ (uint32_t)rank;
  for (uint32_t i = 0; i < len; i++) h = (h ^ (unsigned char)k[i]) * 16777619u;
  return h;
}

/* Finds or adds (key, rank); called with mu held. Returns the id, or -PV_EINVAL / -PV_ENOMEM. */
static int key_lookup(pv_state *s, const char *k, uint32_t len, int32_t rank) {
  const uint32_t mask = 2 * PV_MAX_KEYS - 1;
  uint32_t slot = key_hash(k, len, rank) & mask;
  for (;;) {
    uint16_t e = s->table[slot];
    if (e == 0) break;
    pv_key *pk = &s->keys[e - 1];
    if (pk->len == len && pk->rank == rank && memcmp(pk->name, k, len) == 0) return e - 1;
    slot = (slot + 1) & mask;
  }
  if (len == 0 || len > PV_MAX_KEY_LEN) {
    pv_report(s, "metric key of length %u rejected: keys must have 1 to %d characters", len, PV_MAX_KEY_LEN);
    return -PV_EINVAL;
  }
  for (uint32_t i = 0; i < len; i++) {
    if ((unsigned char)k[i] < 0x20 || k[i] == 0x7f) {
      pv_report(s, "metric key rejected: it contains a control character");
      return -PV_EINVAL;
    }
  }
  if (s->nkeys >= PV_MAX_KEYS) {
    pv_report(s, "too many metric keys (limit %d per process); key '%.*s' ignored", PV_MAX_KEYS, (int)len, k);
    return -PV_EINVAL;
  }
  char *name = malloc(len + 1);
  if (!name) return -PV_ENOMEM;
  memcpy(name, k, len);
  name[len] = 0;
  uint32_t id = s->nkeys++;
  s->keys[id] = (pv_key){name, len, rank};
  s->table[slot] = (uint16_t)(id + 1);
  return (int)id;
}

int pv_log_metric(const char *key, int64_t step, double value) {
  return pv_log_metric_n(key, key ? (int)strlen(key) : -1, step, value);
}

int pv_log_metric_n(const char *key, int key_len, int64_t step, double value) {
  pv_state *s = __atomic_load_n(&pv_g_state, __ATOMIC_ACQUIRE);
  if (!s) return PV_ESTATE;
  if (key_len < 0 || step < 0) return PV_EINVAL;
  const int32_t rank = tl_rank >= 0 ? tl_rank : s->rank;
  const uint32_t len = (uint32_t)key_len;
  int id = -1;
  if (tl_key.gen == s->generation && tl_key.len == len && tl_key.rank == rank &&
      memcmp(s->keys[tl_key.id].name, key, len) == 0)
    id = tl_key.id;
  const int64_t now = coarse_ms();

  pthread_mutex_lock(&s->mu);
  if (id < 0) {
    id = key_lookup(s, key, len, rank);
    if (id < 0) {
      pthread_mutex_unlock(&s->mu);
      return -id;
    }
    tl_key.gen = s->generation, tl_key.len = len, tl_key.rank = rank, tl_key.id = (uint16_t)id;
  }
  while (s->head - s->tail > s->ring.mask || s->stop || s->fatal) {
    if (s->fatal || s->stop || s->on_full == PV_DROP_WHEN_FULL) {
      s->dropped++;
      int fatal = s->fatal;
      pthread_mutex_unlock(&s->mu);
      return fatal ? PV_EFATAL : PV_EFULL;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pthread_cond_signal(&s->work);
    pthread_cond_wait(&s->space, &s->mu);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    s->blocked_ns += (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
  }
  pv_ring *b = &s->ring;
  const uint64_t i = s->head++ & b->mask;
  b->steps[i] = step;
  b->values[i] = value;
  b->times[i] = now;
  b->keys[i] = (uint16_t)id;
  s->logged++;
  if (s->head - s->taken == s->wake_at) pthread_cond_signal(&s->work);
  pthread_mutex_unlock(&s->mu);
  return PV_OK;
}

void pv_set_thread_rank(int rank) { tl_rank = rank < 0 ? -1 : rank; }

static int queue_op(pv_state *s, pv_out *o) {
  if (o->failed) {
    free(o->buf);
    return PV_ENOMEM;
  }
  pv_op *op = malloc(sizeof(pv_op) + o->len + 1);
  if (!op) {
    free(o->buf);
    return PV_ENOMEM;
  }
  memcpy(op->json, o->buf, o->len);
  op->json[o->len] = 0;
  op->next = NULL;
  free(o->buf);
  pthread_mutex_lock(&s->mu);
  if (s->fatal) {
    pthread_mutex_unlock(&s->mu);
    free(op);
    return PV_EFATAL;
  }
  if (s->ops_tail) s->ops_tail->next = op;
  else s->ops_head = op;
  s->ops_tail = op;
  s->ops_queued++;
  pthread_cond_signal(&s->work);
  pthread_mutex_unlock(&s->mu);
  return PV_OK;
}

static int one_of(const char *v, const char *const *allowed) {
  for (; *allowed; allowed++)
    if (v && strcmp(v, *allowed) == 0) return 1;
  return 0;
}

int pv_log_artifact(const char *direction, const char *type, const char *name, const char *uri,
                    const char *hash, int64_t size) {
  static const char *const dirs[] = {"input", "output", NULL};
  static const char *const types[] = {"dataset", "model", "metrics", "step_metrics", "environment", "other", NULL};
  pv_state *s = __atomic_load_n(&pv_g_state, __ATOMIC_ACQUIRE);
  if (!s) return PV_ESTATE;
  if (!one_of(direction, dirs) || !one_of(type, types) || !name || !*name || !hash || !*hash) {
    pv_report(s, "pv_log_artifact: direction must be input|output, type dataset|model|metrics|"
                 "step_metrics|environment|other, and name and hash must not be empty");
    return PV_EINVAL;
  }
  pv_out o = {0};
  pv_out_str(&o, "{\"op\":\"artifact\",\"execution\":");
  pv_out_json_string(&o, s->execution, strlen(s->execution));
  pv_out_str(&o, ",\"direction\":\"");
  pv_out_str(&o, direction);
  pv_out_str(&o, "\",\"type\":\"");
  pv_out_str(&o, type);
  pv_out_str(&o, "\",\"name\":");
  pv_out_json_string(&o, name, strlen(name));
  if (uri && *uri) {
    pv_out_str(&o, ",\"uri\":");
    pv_out_json_string(&o, uri, strlen(uri));
  }
  pv_out_str(&o, ",\"hash\":");
  pv_out_json_string(&o, hash, strlen(hash));
  if (size >= 0) {
    pv_out_str(&o, ",\"size\":");
    pv_out_int(&o, size);
  }
  pv_out_str(&o, "}");
  return queue_op(s, &o);
}

int pv_log_artifact_file(const char *direction, const char *type, const char *name, const char *path) {
  pv_state *s = __atomic_load_n(&pv_g_state, __ATOMIC_ACQUIRE);
  if (!s) return PV_ESTATE;
  char hash[80], abs[PATH_MAX], uri[PATH_MAX + 8];
  int64_t size = -1;
  if (!path || pv_hash_file(path, hash, sizeof hash, &size) != 0 || !realpath(path, abs)) {
    pv_report(s, "pv_log_artifact_file: cannot read '%s'", path ? path : "(null)");
    return PV_EINVAL;
  }
  snprintf(uri, sizeof uri, "file://%s", abs);
  return pv_log_artifact(direction, type, name, uri, hash, size);
}

int pv_log_final_metric(const char *key, double value) {
  pv_state *s = __atomic_load_n(&pv_g_state, __ATOMIC_ACQUIRE);
  if (!s) return PV_ESTATE;
  if (!key || !*key || strlen(key) > PV_MAX_KEY_LEN) return PV_EINVAL;
  pv_out o = {0};
  pv_out_str(&o, "{\"op\":\"metrics\",\"execution\":");
  pv_out_json_string(&o, s->execution, strlen(s->execution));
  pv_out_str(&o, ",\"values\":{");
  pv_out_json_string(&o, key, strlen(key));
  pv_out_str(&o, ":");
  pv_out_double(&o, value);
  pv_out_str(&o, "}}");
  return queue_op(s, &o);
}

