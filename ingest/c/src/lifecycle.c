/* pv_init, pv_flush, pv_finalize, pv_status: one logging session per process. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "internal.h"
#include "settings.h"

pv_state *pv_g_state;
static unsigned g_generation;
static pv_status_t g_final; /* the last session's counters, for pv_status after pv_finalize */
static pthread_mutex_t g_life_mu = PTHREAD_MUTEX_INITIALIZER;
static int g_atexit_registered;

static void fill_status(pv_state *s, pv_status_t *st) {
  memset(st, 0, sizeof *st);
  st->logged = s->logged;
  st->delivered = s->delivered;
  st->pending = s->logged - s->settled;
  st->dropped = s->dropped;
  st->rejected = s->rejected;
  st->batches = s->batches;
  st->retries = s->retries;
  st->blocked_ns = s->blocked_ns;
  st->buffer_points = (int64_t)(s->ring.mask + 1);
  st->reachable = s->reachable;
  st->last_http_status = s->last_http_status;
  memcpy(st->last_error, s->last_error, sizeof st->last_error);
}

void pv_status(pv_status_t *out) {
  pthread_mutex_lock(&g_life_mu);
  pv_state *s = pv_g_state;
  if (s) {
    pthread_mutex_lock(&s->mu);
    fill_status(s, out);
    pthread_mutex_unlock(&s->mu);
  } else {
    *out = g_final;
  }
  pthread_mutex_unlock(&g_life_mu);
}

const char *pv_strerror(int code) {
  switch (code) {
    case PV_OK: return "ok";
    case PV_EINVAL: return "invalid argument";
    case PV_EAUTH: return "the server rejected the token";
    case PV_ESTATE: return "pv_init has not been called (or was called twice)";
    case PV_EFULL: return "buffer full, point dropped";
    case PV_ETIMEOUT: return "timed out waiting for the server";
    case PV_EREJECTED: return "the server rejected some data";
    case PV_ENOMEM: return "out of memory";
    case PV_EFATAL: return "logging disabled by an earlier error";
    default: return "unknown error";
  }
}

static int timed_wait(pthread_cond_t *c, pthread_mutex_t *m, int64_t deadline_ms) {
  struct timespec ts = {deadline_ms / 1000, (deadline_ms % 1000) * 1000000};
  return pthread_cond_timedwait(c, m, &ts);
}

/* Waits (mu held) until every point and op accepted before the call has left the buffer. */
static int wait_settled(pv_state *s, int64_t deadline_ms) {
  const int64_t pts = s->logged, ops = s->ops_queued, rejected = s->rejected;
  while (!s->fatal && (s->settled < pts || s->ops_done < ops || !s->start_settled)) {
    s->flush_wanted = 1;
    pthread_cond_signal(&s->work);
    if (pv_now_ms() >= deadline_ms) return PV_ETIMEOUT;
    timed_wait(&s->done, &s->mu, deadline_ms);
  }
  if (s->fatal) return s->fatal;
  return s->rejected > rejected ? PV_EREJECTED : PV_OK;
}

int pv_flush(void) {
  pv_state *s = __atomic_load_n(&pv_g_state, __ATOMIC_ACQUIRE);
  if (!s) return PV_ESTATE;
  pthread_mutex_lock(&s->mu);
  int rc = wait_settled(s, pv_now_ms() + (int64_t)(s->flush_timeout_s * 1000));
  pthread_mutex_unlock(&s->mu);
  return rc;
}

static void free_state(pv_state *s) {
  free(s->ring.steps);
  free(s->ring.values);
  free(s->ring.times);
  free(s->ring.keys);
  for (uint32_t i = 0; i < s->nkeys; i++) free(s->keys[i].name);
  for (pv_op *op = s->ops_head, *next; op; op = next) next = op->next, free(op);
  pv_settings_free(s);
  pthread_mutex_destroy(&s->mu);
  pthread_cond_destroy(&s->space);
  pthread_cond_destroy(&s->work);
  pthread_cond_destroy(&s->done);
  free(s);
}

/* Ships what is left (execution.end too when end_status >= 0), stops the thread, frees. The shipper
 * retries until flush_timeout_s, then spools what it could not deliver. */
static int shutdown_session(int end_status) {
  pthread_mutex_lock(&g_life_mu);
  pv_state *s = pv_g_state;
  if (!s) {
    pthread_mutex_unlock(&g_life_mu);
    return PV_ESTATE;
  }
  pthread_mutex_lock(&s->mu);
  s->end_status = end_status;
  s->stop = 1;
  s->give_up_at_ms = pv_now_ms() + (int64_t)(s->flush_timeout_s * 1000);
  pthread_cond_broadcast(&s->work);
  pthread_cond_broadcast(&s->space);
  pthread_mutex_unlock(&s->mu);
  pthread_join(s->thread, NULL);

  __atomic_store_n(&pv_g_state, NULL, __ATOMIC_RELEASE);
  int rc = PV_OK;
  if (s->fatal) rc = s->fatal;
  else if (s->logged != s->delivered + s->rejected || (s->end_status >= 0 && !s->end_sent) || !s->start_acked)
    rc = PV_ETIMEOUT;
  else if (s->rejected) rc = PV_EREJECTED;
  if ((rc != PV_OK && (s->logged || !s->fatal)) || s->dropped) {
    pv_report(s, "finished: %lld points logged, %lld delivered, %lld dropped, %lld rejected, %lld spooled to "
              "PROVSCOPE_SPOOL_DIR, %lld lost (%s)",
              (long long)s->logged, (long long)s->delivered, (long long)s->dropped, (long long)s->rejected,
              (long long)s->spooled, (long long)s->lost, pv_strerror(rc));
  }
  fill_status(s, &g_final);
  free_state(s);
  pthread_mutex_unlock(&g_life_mu);
  return rc;
}

int pv_finalize(int status) {
  pv_state *s = __atomic_load_n(&pv_g_state, __ATOMIC_ACQUIRE);
  if (!s) return PV_ESTATE;
  /* Rank 0 ends the execution; another rank only reports its own failure. */
  int end = status == 0 ? (s->rank == 0 ? 0 : -1) : 1;
  return shutdown_session(end);
}

/* A program that forgets pv_finalize still delivers what it logged (the execution stays RUNNING). */
static void at_exit(void) {
  if (__atomic_load_n(&pv_g_state, __ATOMIC_ACQUIRE)) {
    pv_report(pv_g_state, "pv_finalize was not called; flushing at exit");
    shutdown_session(-1);
  }
}

static int start_thread(pv_state *s) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256 * 1024);
  /* The shipper takes no signals: the application's handlers run on its own threads. */
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  int rc = pthread_create(&s->thread, &attr, pv_shipper_main, s);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  pthread_attr_destroy(&attr);
  return rc;
}

int pv_init_opts(const char *url, const char *token, const char *pipeline, const char *stage,
                 const char *execution_uuid, int rank, const pv_options *opts) {
  pthread_mutex_lock(&g_life_mu);
  if (pv_g_state) {
    pthread_mutex_unlock(&g_life_mu);
    fprintf(stderr, "provscope: pv_init called twice; call pv_finalize first\n");
    return PV_ESTATE;
  }
  pv_state *s = calloc(1, sizeof *s);
  if (!s) {
    pthread_mutex_unlock(&g_life_mu);
    return PV_ENOMEM;
  }
  pthread_mutex_init(&s->mu, NULL);
  pthread_cond_init(&s->space, NULL);
  pthread_cond_init(&s->work, NULL);
  pthread_cond_init(&s->done, NULL);
  s->end_status = -1;
  s->generation = ++g_generation;

  int rc = pv_settings_resolve(s, url, token, pipeline, stage, execution_uuid, rank, opts);
  if (rc == PV_OK) {
    pv_ring *b = &s->ring;
    const size_t cap = b->mask + 1;
    b->steps = malloc(cap * sizeof *b->steps);
    b->values = malloc(cap * sizeof *b->values);
    b->times = malloc(cap * sizeof *b->times);
    b->keys = malloc(cap * sizeof *b->keys);
    if (!b->steps || !b->values || !b->times || !b->keys) rc = PV_ENOMEM;
  }
  if (rc == PV_OK && start_thread(s) != 0) rc = PV_ENOMEM;
  if (rc != PV_OK) {
    free_state(s);
    pthread_mutex_unlock(&g_life_mu);
    return rc;
  }
  __atomic_store_n(&pv_g_state, s, __ATOMIC_RELEASE);
  if (!g_atexit_registered) g_atexit_registered = atexit(at_exit) == 0;
  pthread_mutex_unlock(&g_life_mu);

  /* The first batch (execution.start) goes out now; a rejected token is reported here rather than
   * at the end of a long run. An unreachable server is not an error: the client buffers. */
  pthread_mutex_lock(&s->mu);
  s->flush_wanted = 1;
  pthread_cond_signal(&s->work);
  const int64_t deadline = pv_now_ms() + 5000;
  while (s->first_attempt == 0 && pv_now_ms() < deadline) timed_wait(&s->done, &s->mu, deadline);
  const int fatal = s->first_attempt == 3 ? PV_EAUTH : s->fatal;
  pthread_mutex_unlock(&s->mu);
  if (fatal) { /* a refused token, or a refused execution.start (the message is on stderr) */
    shutdown_session(-1);
    return fatal;
  }
  return PV_OK;
}

int pv_init(const char *url, const char *token, const char *pipeline, const char *stage,
            const char *execution_uuid, int rank) {
  return pv_init_opts(url, token, pipeline, stage, execution_uuid, rank, NULL);
}
