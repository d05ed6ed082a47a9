/* Shared state of the native client: the hot path (provscope.c), the shipper thread (shipper.c),
 * the batch writer (batch.c) and the HTTP client (http.c). */
#ifndef PV_INTERNAL_H
#define PV_INTERNAL_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include "provscope.h"

#define PV_MAX_KEYS 4096      /* distinct (key, rank) series per process */
#define PV_MAX_KEY_LEN 256    /* the server's name limit */
#define PV_MAX_OPS_PER_BATCH 5000 /* the server allows 10,000 */
#define PV_MAX_POINTS_PER_OP 100000

/* The ring of points, in columns. Positions are absolute counts; slot = position & mask. */
typedef struct pv_ring {
  int64_t *steps;
  double *values;
  int64_t *times;
  uint16_t *keys;
  uint64_t mask; /* capacity - 1 (a power of two) */
} pv_ring;

typedef struct pv_key {
  char *name;
  uint32_t len;
  int32_t rank;
} pv_key;

/* A non-series op (artifact, final metrics), already formatted as JSON. */
typedef struct pv_op {
  struct pv_op *next;
  char json[];
} pv_op;

/* A growable string; the batch writer streams it to a sink in chunks. */
typedef struct pv_out {
  char *buf;
  size_t len, cap;
  int (*sink)(void *ctx, const char *data, size_t len); /* NULL: keep everything in buf */
  void *ctx;
  int failed;
} pv_out;

typedef struct pv_http pv_http;

typedef struct pv_state {
  pthread_mutex_t mu;
  pthread_cond_t space; /* producers wait here for the shipper to swap buffers */
  pthread_cond_t work;  /* the shipper waits here */
  pthread_cond_t done;  /* pv_flush waits here */
  pthread_t thread;
  unsigned generation;  /* distinguishes sessions in thread-local key caches */

  /* configuration */
  char *url, *token, *pipeline, *stage, *execution, *name, *params, *properties;
  char batch_prefix[128];
  int rank;
  int on_full;
  int flush_ms;
  double flush_timeout_s;
  char started_at[40];

  /* buffers (guarded by mu) */
  /* [tail, taken) is being shipped, [taken, head) waits; pv_log_metric waits (or drops) when
   * head - tail == capacity, so the bound holds even while a batch is retried for hours. */
  pv_ring ring;
  uint64_t head, taken, tail;
  size_t max_batch;  /* points per shipping round (the scratch arrays' size) */
  size_t wake_at;    /* wake the shipper when this many points wait */
  pv_key keys[PV_MAX_KEYS];
  uint16_t table[2 * PV_MAX_KEYS]; /* open addressing: key id + 1, 0 = empty */
  uint32_t nkeys;
  pv_op *ops_head, *ops_tail;
  int64_t ops_queued, ops_done;

  /* shipper state (guarded by mu) */
  int stop;          /* pv_finalize: ship what is left, then exit */
  int flush_wanted;
  int end_status;    /* -1: no execution.end yet; 0 COMPLETED; else FAILED */
  int end_sent, end_settled;     /* acknowledged; acknowledged, rejected or spooled */
  int start_acked, start_settled;
  int first_attempt; /* 0 none yet; 1 reached the server; 2 unreachable; 3 auth error */
  int fatal;         /* PV_EAUTH etc.: logging disabled */
  int64_t seq;
  int64_t give_up_at_ms; /* finalize deadline, 0 = none */

  /* counters (guarded by mu). settled = points that left the buffer for good: delivered,
   * rejected by the server, discarded after a fatal error, or spooled to disk. */
  int64_t logged, settled, delivered, dropped, rejected, spooled, lost, batches, retries, blocked_ns;
  int reachable, last_http_status;
  char last_error[256];
  int64_t last_report_ms;
} pv_state;

/* batch.c: the JSON of one HTTP batch from a shipping round. A round may need several batches
 * (more ops than one batch allows); `cursor` says where the next one starts. */
typedef struct pv_cursor {
  uint32_t key_pos;  /* position in the key order */
  size_t point_pos;  /* position within that key's points */
  int part;
  int misc_done;     /* the start and non-series ops went into part 0 */
} pv_cursor;

typedef struct pv_ship {
  const pv_ring *ring;
  uint64_t from;      /* first position of the round */
  size_t n;           /* points in the round */
  uint32_t *order;    /* ring slots grouped by key, in log order within a key */
  uint32_t *key_off;  /* key id -> first position in order */
  uint32_t *key_end;  /* key id -> one past its last position */
  uint16_t *key_list; /* key ids present, in first-seen order */
  uint32_t nkeys_present;
  pv_op *ops;         /* non-series ops of this batch */
  int with_start, with_end;
  int64_t seq;
} pv_ship;

void pv_ship_index(pv_ship *sh, uint32_t nkeys_total);
/* Writes one batch to out starting at *cur, advances *cur; returns the points written. With
 * out == NULL it only advances the cursor (to know a part's extent before sending it). */
size_t pv_batch_write(pv_state *s, pv_ship *sh, pv_cursor *cur, pv_out *out);
int pv_cursor_done(const pv_ship *sh, const pv_cursor *cur);
void pv_batch_id(pv_state *s, const pv_ship *sh, const pv_cursor *cur, char *id, size_t cap);

/* json helpers (batch.c) */
void pv_out_put(pv_out *o, const char *s, size_t n);
void pv_out_str(pv_out *o, const char *s);
void pv_out_json_string(pv_out *o, const char *s, size_t n);
void pv_out_double(pv_out *o, double v);
void pv_out_int(pv_out *o, int64_t v);
int pv_out_finish(pv_out *o);
int pv_dtoa(double v, char *out); /* dtoa.c: finite, non-zero v */

/* http.c */
typedef struct pv_response {
  int status;      /* HTTP status, or 0 when the server was not reached */
  char error[200]; /* connection error, or the server's error code and message */
  char path[64];   /* the error envelope's path, if any */
} pv_response;
pv_http *pv_http_new(const char *url, const char *token);
void pv_http_free(pv_http *h);
/* http_response.c: 0 when a whole response was read; -1 when the connection failed (errno). */
int pv_http_read_response(int fd, pv_response *res, int *close_after, int *got_any);
/* POSTs a batch produced by `write` (called with a sink that streams it as a chunked body). */
void pv_http_post(pv_http *h, const char *path, void (*write)(void *arg, pv_out *out), void *arg,
                  pv_response *res);

/* lifecycle.c */
extern pv_state *pv_g_state;

/* shipper.c */
void *pv_shipper_main(void *arg);
int64_t pv_now_ms(void);
void pv_report(pv_state *s, const char *fmt, ...);

#endif
