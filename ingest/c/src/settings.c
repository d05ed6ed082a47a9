/* Arguments first, then PROVSCOPE_* environment variables, then defaults. */
#define _GNU_SOURCE
#include "settings.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_BUFFER_POINTS 32768
#define DEFAULT_FLUSH_MS 1000
#define DEFAULT_FLUSH_TIMEOUT_S 120.0

static const char *pick(const char *given, const char *env) {
  if (given && *given) return given;
  const char *v = getenv(env);
  return v && *v ? v : NULL;
}

static char *dup_or_null(const char *v) { return v ? strdup(v) : NULL; }

static int valid_client_id(const char *v) {
  size_t n = strlen(v);
  if (n == 0 || n > 128) return 0;
  for (const char *p = v; *p; p++) {
    char c = *p;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
          c == ':' || c == '-'))
      return 0;
  }
  return 1;
}

static int valid_name(const char *v) {
  size_t n = strlen(v);
  if (n == 0 || n > PV_MAX_KEY_LEN) return 0;
  for (const unsigned char *p = (const unsigned char *)v; *p; p++)
    if (*p < 0x20 || *p == 0x7f) return 0;
  return 1;
}

static void random_bytes(unsigned char *out, size_t n) {
  int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  ssize_t got = fd >= 0 ? read(fd, out, n) : -1;
  if (fd >= 0) close(fd);
  if (got == (ssize_t)n) return;
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ ((uint64_t)getpid() << 40);
  for (size_t i = 0; i < n; i++) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    out[i] = (unsigned char)x;
  }
}

static int env_rank(void) {
  static const char *const vars[] = {"PROVSCOPE_RANK", "OMPI_COMM_WORLD_RANK", "PMI_RANK", "PMIX_RANK",
                                     "SLURM_PROCID", "MV2_COMM_WORLD_RANK", "ALPS_APP_PE", NULL};
  for (int i = 0; vars[i]; i++) {
    const char *v = getenv(vars[i]);
    if (v && *v) return atoi(v);
  }
  return 0;
}

static int64_t env_int(const char *name, int64_t given, int64_t fallback) {
  if (given > 0) return given;
  const char *v = getenv(name);
  return v && *v && atoll(v) > 0 ? atoll(v) : fallback;
}

static uint64_t fnv64(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

static int fail(const char *msg) {
  fprintf(stderr, "provscope: %s\n", msg);
  return PV_EINVAL;
}

int pv_settings_resolve(pv_state *s, const char *url, const char *token, const char *pipeline, const char *stage,
                        const char *execution, int rank, const pv_options *opts) {
  static const pv_options none = {0};
  if (!opts) opts = &none;
  url = pick(url, "PROVSCOPE_URL");
  token = pick(token, "PROVSCOPE_TOKEN");
  pipeline = pick(pipeline, "PROVSCOPE_PIPELINE");
  stage = pick(stage, "PROVSCOPE_STAGE");
  execution = pick(execution, "PROVSCOPE_EXECUTION");
  const char *name = pick(opts->name, "PROVSCOPE_NAME");
  if (!url) return fail("no server URL: pass one to pv_init or set PROVSCOPE_URL (e.g. http://login01:3000)");
  if (strncmp(url, "http://", 7) != 0)
    return fail("the server URL must start with http:// (for https, run a local tunnel such as ssh -L or stunnel)");
  if (!token) return fail("no API token: pass one to pv_init or set PROVSCOPE_TOKEN (a token with write scope)");
  if (!pipeline || !valid_name(pipeline)) return fail("pipeline must be a name of 1-256 characters (or set PROVSCOPE_PIPELINE)");
  if (!stage || !valid_name(stage)) return fail("stage must be a name of 1-256 characters (or set PROVSCOPE_STAGE)");
  if (name && !valid_name(name)) return fail("the execution name must have 1-256 characters and no control characters");

  char generated[40];
  if (!execution) {
    unsigned char r[16];
    random_bytes(r, sizeof r);
    r[6] = (r[6] & 0x0f) | 0x40, r[8] = (r[8] & 0x3f) | 0x80;
    snprintf(generated, sizeof generated, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15]);
    execution = generated;
    fprintf(stderr, "provscope: no execution id given; using %s (pass the same id to every rank, e.g. via "
                    "PROVSCOPE_EXECUTION)\n", execution);
  }
  if (!valid_client_id(execution))
    return fail("the execution id must have 1-128 characters from letters, digits and . _ : -");

  s->url = strdup(url);
  s->token = strdup(token);
  s->pipeline = strdup(pipeline);
  s->stage = strdup(stage);
  s->execution = strdup(execution);
  s->name = dup_or_null(name);
  s->rank = rank >= 0 ? rank : env_rank();
  if (s->rank == 0) {
    s->params = dup_or_null(opts->params_json);
    s->properties = dup_or_null(opts->properties_json);
  }

  int64_t points = env_int("PROVSCOPE_BUFFER_POINTS", opts->buffer_points, DEFAULT_BUFFER_POINTS);
  if (points < 64) points = 64;
  if (points > (1 << 26)) points = 1 << 26;
  uint64_t cap = 64;
  while (cap < (uint64_t)points) cap *= 2; /* a power of two: slots are position & mask */
  s->ring.mask = cap - 1;
  s->max_batch = cap; /* server-bound: the bigger the batch, the less per-request overhead */
  s->wake_at = cap / 4;
  const char *on_full = getenv("PROVSCOPE_ON_FULL");
  s->on_full = opts->on_full == PV_DROP_WHEN_FULL || (on_full && strcmp(on_full, "drop") == 0) ? PV_DROP_WHEN_FULL
                                                                                              : PV_WAIT_WHEN_FULL;
  s->flush_ms = (int)env_int("PROVSCOPE_FLUSH_MS", opts->flush_interval_ms, DEFAULT_FLUSH_MS);
  const char *ft = getenv("PROVSCOPE_FLUSH_TIMEOUT");
  s->flush_timeout_s = opts->flush_timeout_s > 0 ? opts->flush_timeout_s
                       : ft && atof(ft) > 0      ? atof(ft)
                                                 : DEFAULT_FLUSH_TIMEOUT_S;

  /* Batch ids: <execution>-r<rank>-<run>-<seq>. The run part keeps a restarted process (same
   * execution, same rank) from reusing the batch ids of the first one, which the server would
   * answer as duplicates and ignore. */
  unsigned char run[4];
  random_bytes(run, sizeof run);
  char exec_part[112];
  if (strlen(execution) <= 80) snprintf(exec_part, sizeof exec_part, "%s", execution);
  else snprintf(exec_part, sizeof exec_part, "x%016llx", (unsigned long long)fnv64(execution));
  snprintf(s->batch_prefix, sizeof s->batch_prefix, "%s-r%d-%02x%02x%02x%02x", exec_part, s->rank, run[0], run[1],
           run[2], run[3]);

  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  struct tm tm;
  gmtime_r(&ts.tv_sec, &tm);
  snprintf(s->started_at, sizeof s->started_at, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
           tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(ts.tv_nsec / 1000000));
  if (!s->url || !s->token || !s->pipeline || !s->stage || !s->execution) return PV_ENOMEM;
  return PV_OK;
}

void pv_settings_free(pv_state *s) {
  free(s->url);
  free(s->token);
  free(s->pipeline);
  free(s->stage);
  free(s->execution);
  free(s->name);
  free(s->params);
  free(s->properties);
}
