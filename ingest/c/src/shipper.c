/* The background thread: swaps the buffer halves, sends batches, retries failures with the same
 * batch id (the server applies a batch id once), reports trouble on stderr. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "internal.h"

#define REPORT_EVERY_MS 10000
#define BACKOFF_MIN_MS 100
#define BACKOFF_MAX_MS 5000

int64_t pv_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts); /* the clock pthread_cond_timedwait measures */
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void pv_report(pv_state *s, const char *fmt, ...) {
  char msg[sizeof s->last_error];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  fprintf(stderr, "provscope[rank %d]: %s\n", s->rank, msg);
  memcpy(s->last_error, msg, sizeof msg);
}

static void sleep_ms(pv_state *s, int64_t ms) {
  const int64_t until = pv_now_ms() + ms;
  struct timespec ts = {until / 1000, (until % 1000) * 1000000};
  pthread_mutex_lock(&s->mu);
  pthread_cond_timedwait(&s->work, &s->mu, &ts);
  pthread_mutex_unlock(&s->mu);
}

/* What one part of a shipping round holds, known before it is sent. */
typedef struct part {
  pv_cursor from, to;
  size_t points;
  int ops;   /* non-series ops settled with this part */
  int start; /* carries execution.start */
  int end;   /* carries execution.end */
} part;

typedef struct post_arg {
  pv_state *s;
  pv_ship *sh;
  pv_cursor from;
} post_arg;

static void write_part(void *arg, pv_out *out) {
  post_arg *a = arg;
  pv_cursor c = a->from;
  pv_batch_write(a->s, a->sh, &c, out);
}

/* mu held: the part left the buffer for good, one way or another. */
static void settle(pv_state *s, const part *p, int64_t *counter) {
  *counter += (int64_t)p->points;
  s->settled += (int64_t)p->points;
  s->ops_done += p->ops;
  if (p->start) s->start_settled = 1;
  if (p->end) s->end_settled = 1;
  pthread_cond_broadcast(&s->done);
}

static int file_sink(void *ctx, const char *data, size_t len) { return fwrite(data, 1, len, ctx) == len ? 0 : -1; }

/* Past the finalize deadline: the part goes to PROVSCOPE_SPOOL_DIR/<batchId>.json for a later replay
 * (POST it as is: a batch id already applied is ignored), or is counted as lost. */
static void spool(pv_state *s, pv_ship *sh, const part *p) {
  const char *dir = getenv("PROVSCOPE_SPOOL_DIR");
  int saved = 0;
  char id[160], path[4096];
  pv_batch_id(s, sh, &p->from, id, sizeof id);
  if (dir && *dir) {
    snprintf(path, sizeof path, "%s/%s.json", dir, id);
    FILE *f = fopen(path, "w");
    if (f) {
      pv_out o = {.sink = file_sink, .ctx = f};
      pv_cursor c = p->from;
      pv_batch_write(s, sh, &c, &o);
      saved = pv_out_finish(&o) == 0;
      saved = (fclose(f) == 0) && saved;
      free(o.buf);
    }
  }
  pthread_mutex_lock(&s->mu);
  if (saved) {
    settle(s, p, &s->spooled);
    pv_report(s, "server unreachable past the flush timeout; batch %s (%zu points) saved to %s", id, p->points, path);
  } else {
    settle(s, p, &s->lost);
    pv_report(s, "server unreachable past the flush timeout; batch %s (%zu points) could not be delivered%s", id,
              p->points, dir && *dir ? " nor saved to PROVSCOPE_SPOOL_DIR" : "; set PROVSCOPE_SPOOL_DIR to keep such data");
  }
  pthread_mutex_unlock(&s->mu);
}

static void report_unreachable(pv_state *s, const pv_response *r) {
  const int64_t now = pv_now_ms();
  if (s->last_report_ms && now - s->last_report_ms < REPORT_EVERY_MS) return;
  const char *verb = s->last_report_ms ? "still cannot deliver to" : "cannot deliver to";
  s->last_report_ms = now;
  pv_report(s, "%s %s (%s); %lld points buffered (bound %lld), %s; retrying", verb, s->url, r->error,
            (long long)(s->logged - s->settled), (long long)(s->ring.mask + 1),
            s->on_full == PV_DROP_WHEN_FULL ? "dropping points when full" : "logging waits when full");
}

/* Sends one part until the server answers it, the token is refused, or the finalize deadline passes. */
static void deliver(pv_state *s, pv_http *h, pv_ship *sh, const part *p) {
  post_arg arg = {s, sh, p->from};
  int64_t backoff = BACKOFF_MIN_MS, failing_since = 0;
  for (;;) {
    pthread_mutex_lock(&s->mu);
    const int give_up = s->stop && pv_now_ms() >= s->give_up_at_ms;
    pthread_mutex_unlock(&s->mu);
    if (give_up) return spool(s, sh, p);

    pv_response r;
    pv_http_post(h, "/api/v1/batches", write_part, &arg, &r);

    pthread_mutex_lock(&s->mu);
    s->last_http_status = r.status;
    if (s->first_attempt == 0) s->first_attempt = r.status == 401 || r.status == 403 ? 3 : r.status ? 1 : 2;
    if (r.status == 200) {
      if (failing_since) pv_report(s, "server reachable again after %.1f s; delivering buffered data", (pv_now_ms() - failing_since) / 1000.0);
      s->reachable = 1;
      s->last_report_ms = 0;
      s->batches++;
      if (p->start) s->start_acked = 1;
      if (p->end) s->end_sent = 1;
      settle(s, p, &s->delivered);
      pthread_mutex_unlock(&s->mu);
      return;
    }
    if (r.status == 401 || r.status == 403) {
      s->reachable = 1;
      s->fatal = PV_EAUTH;
      pv_report(s, "the server rejected the token (HTTP %d %s); set PROVSCOPE_TOKEN (or pv_init's token) to an API token "
                "with write scope. Logging is disabled.", r.status, r.error);
      settle(s, p, &s->rejected);
      pthread_mutex_unlock(&s->mu);
      return;
    }
    if (r.status >= 400 && r.status < 500 && r.status != 408 && r.status != 429) {
      s->reachable = 1;
      pv_report(s, "the server rejected a batch of %zu points (HTTP %d %s%s%s); it is not retried", p->points, r.status,
                r.error, r.path[0] ? " at " : "", r.path);
      /* A refused execution.start would make every later batch fail: stop here, loudly. */
      if (p->start && strncmp(r.path, "ops.0", 5) == 0 && (r.path[5] == 0 || r.path[5] == '.')) s->fatal = PV_EREJECTED;
      settle(s, p, &s->rejected);
      if (p->start && !s->fatal) s->start_settled = 0; /* not applied (all or nothing): send it again */
      pthread_mutex_unlock(&s->mu);
      return;
    }
    /* Not reached, 5xx, 408 or 429: the same bytes again later. */
    s->retries++;
    s->reachable = r.status != 0;
    if (!failing_since) failing_since = pv_now_ms();
    report_unreachable(s, &r);
    pthread_cond_broadcast(&s->done); /* pv_init waits for the first attempt */
    int64_t wait = backoff;
    if (s->stop && s->give_up_at_ms - pv_now_ms() < wait) wait = s->give_up_at_ms - pv_now_ms();
    pthread_mutex_unlock(&s->mu);
    if (wait > 0) sleep_ms(s, wait);
    backoff = backoff * 2 > BACKOFF_MAX_MS ? BACKOFF_MAX_MS : backoff * 2;
  }
}

/* Ships one round: part after part, each retried until settled. */
static void ship(pv_state *s, pv_http *h, pv_ship *sh, int nops) {
  pv_cursor cur = {0};
  do {
    part p = {.from = cur, .to = cur};
    p.points = pv_batch_write(s, sh, &p.to, NULL);
    p.start = cur.part == 0 && sh->with_start;
    p.ops = cur.part == 0 ? nops : 0;
    p.end = sh->with_end && pv_cursor_done(sh, &p.to);
    pthread_mutex_lock(&s->mu);
    const int fatal = s->fatal;
    if (fatal) settle(s, &p, &s->dropped); /* a refused token: nothing more can be delivered */
    pthread_mutex_unlock(&s->mu);
    if (!fatal) deliver(s, h, sh, &p);
    cur = p.to;
  } while (!pv_cursor_done(sh, &cur));
}

/* mu held */
static int has_data(pv_state *s) {
  return s->head > s->taken || s->ops_head || !s->start_settled ||
         (s->stop && s->end_status >= 0 && !s->end_settled);
}

/* mu held: after a fatal error, points still buffered are dropped and counted. */
static void discard(pv_state *s) {
  const int64_t n = (int64_t)(s->head - s->taken);
  s->dropped += n;
  s->settled += n;
  s->taken = s->tail = s->head;
  for (pv_op *op = s->ops_head, *next; op; op = next) next = op->next, free(op), s->ops_done++;
  s->ops_head = s->ops_tail = NULL;
  s->start_settled = s->end_settled = 1;
  pthread_cond_broadcast(&s->space);
  pthread_cond_broadcast(&s->done);
}

void *pv_shipper_main(void *arg) {
  pv_state *s = arg;
  pv_ship sh = {0};
  sh.order = malloc(s->max_batch * sizeof *sh.order);
  sh.key_off = malloc((PV_MAX_KEYS + 1) * sizeof *sh.key_off);
  sh.key_end = malloc((PV_MAX_KEYS + 1) * sizeof *sh.key_end);
  sh.key_list = malloc(PV_MAX_KEYS * sizeof *sh.key_list);
  pv_http *h = pv_http_new(s->url, s->token);

  pthread_mutex_lock(&s->mu);
  if (!h || !sh.order || !sh.key_off || !sh.key_end || !sh.key_list) {
    s->fatal = PV_EINVAL;
    s->first_attempt = 2;
    pv_report(s, h ? "out of memory" : "the server URL must look like http://host:port (https needs a local proxy); logging is disabled");
  }
  for (;;) {
    int64_t deadline = pv_now_ms() + s->flush_ms;
    while (!s->fatal && !s->stop && !s->flush_wanted && s->head - s->taken < s->wake_at) {
      if (pv_now_ms() >= deadline) {
        if (has_data(s)) break;
        deadline = pv_now_ms() + s->flush_ms;
      }
      struct timespec ts = {deadline / 1000, (deadline % 1000) * 1000000};
      pthread_cond_timedwait(&s->work, &s->mu, &ts);
    }
    if (s->fatal) {
      discard(s);
      if (s->stop) break;
      pthread_cond_wait(&s->work, &s->mu);
      continue;
    }
    if (!has_data(s)) {
      s->flush_wanted = 0;
      pthread_cond_broadcast(&s->done);
      if (s->stop) break;
      continue;
    }
    sh.ring = &s->ring;
    sh.from = s->taken;
    sh.n = s->head - s->taken < s->max_batch ? (size_t)(s->head - s->taken) : s->max_batch;
    s->taken += sh.n;
    sh.ops = s->ops_head;
    int nops = 0;
    for (pv_op *op = sh.ops; op; op = op->next) nops++;
    s->ops_head = s->ops_tail = NULL;
    sh.with_start = !s->start_settled;
    sh.with_end = s->stop && s->end_status >= 0 && !s->end_settled && s->head == s->taken;
    sh.seq = s->seq++;
    const uint32_t nkeys = s->nkeys;
    pthread_mutex_unlock(&s->mu);

    pv_ship_index(&sh, nkeys);
    ship(s, h, &sh, nops);
    for (pv_op *op = sh.ops, *next; op; op = next) next = op->next, free(op);

    pthread_mutex_lock(&s->mu);
    s->tail = sh.from + sh.n;
    pthread_cond_broadcast(&s->space);
    pthread_cond_broadcast(&s->done);
  }
  pthread_mutex_unlock(&s->mu);
  pv_http_free(h);
  free(sh.order);
  free(sh.key_off);
  free(sh.key_end);
  free(sh.key_list);
  return NULL;
}
