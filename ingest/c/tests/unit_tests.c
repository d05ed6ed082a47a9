/* Offline tests of the native client: number formatting, batch JSON (grouping by key, splitting
 * non-increasing steps, parts), SHA-256, and buffering against a server that is down (the bound
 * holds, the drop policy counts, pv_finalize reports and spools). No server needed. */
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"

static int failures;
#define CHECK(cond, ...)                                          \
  do {                                                            \
    if (!(cond)) {                                                \
      failures++;                                                 \
      fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);        \
      fprintf(stderr, __VA_ARGS__);                               \
      fprintf(stderr, "\n");                                      \
    }                                                             \
  } while (0)

static char *fmt_double(double v) {
  static char buf[64];
  pv_out o = {0};
  pv_out_double(&o, v);
  snprintf(buf, sizeof buf, "%.*s", (int)o.len, o.buf);
  free(o.buf);
  return buf;
}

static void test_numbers(void) {
  CHECK(strcmp(fmt_double(NAN), "\"NaN\"") == 0, "NaN -> %s", fmt_double(NAN));
  CHECK(strcmp(fmt_double(INFINITY), "\"Infinity\"") == 0, "inf");
  CHECK(strcmp(fmt_double(-INFINITY), "\"-Infinity\"") == 0, "-inf");
  CHECK(strcmp(fmt_double(42), "42") == 0, "42 -> %s", fmt_double(42));
  CHECK(strcmp(fmt_double(-0.0), "0") == 0, "-0 -> %s", fmt_double(-0.0));
  CHECK(strcmp(fmt_double(0.1), "0.10000000000000001") == 0, "0.1 -> %s", fmt_double(0.1));
  CHECK(strcmp(fmt_double(1e300), "1.0000000000000001e300") == 0, "1e300 -> %s", fmt_double(1e300));
  CHECK(strcmp(fmt_double(2.5), "2.5") == 0, "2.5 -> %s", fmt_double(2.5));
  CHECK(strcmp(fmt_double(-1.5e-7), "-1.4999999999999999e-7") == 0, "-1.5e-7 -> %s", fmt_double(-1.5e-7));
  CHECK(strcmp(fmt_double(0.000125), "0.000125") == 0, "0.000125 -> %s", fmt_double(0.000125));
  CHECK(strcmp(fmt_double(123456.75), "123456.75") == 0, "123456.75 -> %s", fmt_double(123456.75));
  CHECK(strcmp(fmt_double(1e16 + 2), "10000000000000002") == 0, "1e16+2 -> %s", fmt_double(1e16 + 2));
  CHECK(strcmp(fmt_double(5e-324), "4.9406564584124654e-324") == 0, "min subnormal -> %s", fmt_double(5e-324));
  /* typical magnitudes, and every power of ten */
  for (int k = -320; k <= 308; k++) {
    double v = pow(10, k);
    CHECK(strtod(fmt_double(v), NULL) == v, "10^%d printed as %s", k, fmt_double(v));
    v = 1 / (3.0 + k * k) * pow(10, k % 20);
    CHECK(strtod(fmt_double(v), NULL) == v, "%.17g printed as %s", v, fmt_double(v));
  }
  /* every value reads back exactly */
  unsigned long long x = 88172645463325252ull;
  for (int i = 0; i < 1000000; i++) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    double v;
    memcpy(&v, &x, sizeof v);
    if (!isfinite(v)) continue;
    const char *s = fmt_double(v);
    CHECK(strtod(s, NULL) == v, "%.17g printed as %s", v, s);
    if (failures) break;
  }
  pv_out o = {0};
  pv_out_json_string(&o, "a\"b\\c\n\x01", 7);
  CHECK(o.len == 21 && memcmp(o.buf, "\"a\\\"b\\\\c\\u000a\\u0001\"", 21) == 0, "escaped: %.*s", (int)o.len, o.buf);
  free(o.buf);
}

static void test_sha256(void) {
  const char *path = "build/sha-test.bin";
  char hash[80];
  struct { const char *data; size_t len; const char *want; } cases[] = {
      {"", 0, "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", 3, "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
       "sha256:248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    FILE *f = fopen(path, "wb");
    fwrite(cases[i].data, 1, cases[i].len, f);
    fclose(f);
    int64_t size = -1;
    CHECK(pv_hash_file(path, hash, sizeof hash, &size) == 0, "hash %zu", i);
    CHECK(strcmp(hash, cases[i].want) == 0 && size == (int64_t)cases[i].len, "sha256 case %zu: %s", i, hash);
  }
  /* a million 'a': crosses the 64 KiB read buffer many times */
  FILE *f = fopen(path, "wb");
  for (int i = 0; i < 1000000; i++) fputc('a', f);
  fclose(f);
  pv_hash_file(path, hash, sizeof hash, NULL);
  CHECK(strcmp(hash, "sha256:cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0") == 0, "1M a: %s", hash);
  CHECK(pv_hash_file("build/does-not-exist", hash, sizeof hash, NULL) == -1, "missing file");
  unlink(path);
}

/* Batch JSON from a hand-made ring: keys interleaved, one key's steps going backwards. */
static void test_batch_json(void) {
  static pv_state s;
  memset(&s, 0, sizeof s);
  s.execution = "exec-1";
  s.pipeline = "p";
  s.stage = "sim";
  s.rank = 3;
  snprintf(s.batch_prefix, sizeof s.batch_prefix, "exec-1-r3-abcd");
  s.keys[0] = (pv_key){"res", 3, 3};
  s.keys[1] = (pv_key){"dt", 2, 3};
  s.nkeys = 2;
  int64_t steps[8] = {1, 1, 2, 2, 3, 1, 2, 3};
  uint16_t keys[8] = {0, 1, 0, 1, 0, 0, 1, 0};
  double values[8] = {0.5, 1, 0.25, 1, NAN, 0.75, 2, 0.125};
  int64_t times[8] = {10, 10, 11, 11, 12, 13, 13, 14};
  s.ring = (pv_ring){steps, values, times, keys, 7};
  uint32_t order[8], off[PV_MAX_KEYS + 1], end[PV_MAX_KEYS + 1];
  uint16_t list[PV_MAX_KEYS];
  pv_ship sh = {.ring = &s.ring, .from = 0, .n = 8, .order = order, .key_off = off, .key_end = end, .key_list = list,
                .with_start = 1, .seq = 7};
  pv_ship_index(&sh, s.nkeys);
  pv_cursor cur = {0};
  pv_out o = {0};
  size_t pts = pv_batch_write(&s, &sh, &cur, &o);
  pv_out_put(&o, "", 1);
  /* "res" is in slots 0 2 4 5 7 (steps 1 2 3 1 3): two runs; "dt" in slots 1 3 6 (steps 1 2 2): two runs */
  CHECK(pts == 8, "points %zu", pts);
  CHECK(pv_cursor_done(&sh, &cur), "one part suffices");
  CHECK(strstr(o.buf, "\"batchId\":\"exec-1-r3-abcd-7\"") != NULL, "batch id: %s", o.buf);
  CHECK(strstr(o.buf, "{\"op\":\"execution.start\",\"pipeline\":\"p\",\"stage\":\"sim\",\"execution\":\"exec-1\"}") != NULL,
        "rank 3 sends no params/startedAt: %s", o.buf);
  CHECK(strstr(o.buf, "\"key\":\"res\",\"rank\":3,\"steps\":[1,2,3],\"values\":[0.5,0.25,\"NaN\"],\"times\":[10,11,12]}") != NULL,
        "first res run: %s", o.buf);
  CHECK(strstr(o.buf, "\"key\":\"res\",\"rank\":3,\"steps\":[1,3],\"values\":[0.75,0.125],\"times\":[13,14]}") != NULL,
        "second res run: %s", o.buf);
  CHECK(strstr(o.buf, "\"key\":\"dt\",\"rank\":3,\"steps\":[1,2],\"values\":[1,1],\"times\":[10,11]}") != NULL, "dt run: %s", o.buf);
  CHECK(strstr(o.buf, "\"key\":\"dt\",\"rank\":3,\"steps\":[2],\"values\":[2],\"times\":[13]}") != NULL, "dt repeat: %s", o.buf);
  /* the dry run (cursor only) agrees with the real one, and a retry writes the same bytes */
  pv_cursor dry = {0};
  CHECK(pv_batch_write(&s, &sh, &dry, NULL) == pts && dry.part == cur.part && dry.key_pos == cur.key_pos, "dry run");
  pv_cursor again = {0};
  pv_out o2 = {0};
  pv_batch_write(&s, &sh, &again, &o2);
  pv_out_put(&o2, "", 1);
  CHECK(strcmp(o.buf, o2.buf) == 0, "deterministic");
  free(o.buf);
  free(o2.buf);
}

/* A round with more ops than one batch takes is split into parts with ids <seq>.<part>. */
static void test_parts(void) {
  static pv_state s;
  memset(&s, 0, sizeof s);
  s.execution = "e";
  s.pipeline = "p";
  s.stage = "s";
  snprintf(s.batch_prefix, sizeof s.batch_prefix, "e-r0-x");
  s.keys[0] = (pv_key){"k", 1, 0};
  s.nkeys = 1;
  enum { N = 2 * PV_MAX_OPS_PER_BATCH + 10, CAP = 16384 };
  static int64_t steps[CAP], times[CAP];
  static double values[CAP];
  static uint16_t keys[CAP];
  for (int i = 0; i < N; i++) steps[i] = 5, values[i] = i, times[i] = 1, keys[i] = 0; /* every point its own op */
  s.ring = (pv_ring){steps, values, times, keys, CAP - 1};
  static uint32_t order[CAP], off[PV_MAX_KEYS + 1], end[PV_MAX_KEYS + 1];
  static uint16_t list[PV_MAX_KEYS];
  pv_ship sh = {.ring = &s.ring, .from = 0, .n = N, .order = order, .key_off = off, .key_end = end, .key_list = list,
                .with_end = 1, .seq = 2};
  s.end_status = 0;
  pv_ship_index(&sh, 1);
  pv_cursor cur = {0};
  size_t total = 0;
  int parts = 0;
  while (!pv_cursor_done(&sh, &cur) || parts == 0) {
    pv_out o = {0};
    total += pv_batch_write(&s, &sh, &cur, &o);
    pv_out_put(&o, "", 1);
    char id[40];
    snprintf(id, sizeof id, parts ? "\"batchId\":\"e-r0-x-2.%d\"" : "\"batchId\":\"e-r0-x-2\"", parts);
    CHECK(strstr(o.buf, id) != NULL, "part %d id", parts);
    CHECK((strstr(o.buf, "execution.end") != NULL) == pv_cursor_done(&sh, &cur), "end only in the last part");
    parts++;
    free(o.buf);
  }
  CHECK(parts == 3 && total == N, "parts %d total %zu", parts, total);
}

static int64_t ms_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Nothing listens on port 9 of localhost: the client buffers, drops beyond the bound (drop
 * policy), and pv_finalize spools the undelivered batches and says so. */
static void test_server_down_drop_policy(void) {
  mkdir("build/spool", 0755);
  system("rm -f build/spool/*.json");
  setenv("PROVSCOPE_SPOOL_DIR", "build/spool", 1);
  pv_options o = {.buffer_points = 256, .on_full = PV_DROP_WHEN_FULL, .flush_timeout_s = 0.5, .flush_interval_ms = 50};
  int64_t t0 = ms_now();
  int rc = pv_init_opts("http://127.0.0.1:9", "tok", "p", "s", "exec-down", 0, &o);
  CHECK(rc == PV_OK, "an unreachable server is not an init error: %d", rc);
  CHECK(ms_now() - t0 < 3000, "pv_init does not wait long for an unreachable server");
  int dropped = 0;
  for (int i = 0; i < 1000; i++) dropped += pv_log_metric("x", i, i) == PV_EFULL;
  pv_status_t st;
  pv_status(&st);
  CHECK(st.logged == 256 && st.pending == 256 && st.dropped == 744 && dropped == 744,
        "bound 256: logged %lld pending %lld dropped %lld", (long long)st.logged, (long long)st.pending, (long long)st.dropped);
  CHECK(st.reachable == 0 && strstr(st.last_error, "cannot deliver") != NULL, "reports: %s", st.last_error);
  CHECK(pv_flush() == PV_ETIMEOUT, "flush times out");
  rc = pv_finalize(0);
  CHECK(rc == PV_ETIMEOUT, "finalize reports undelivered data: %s", pv_strerror(rc));
  pv_status(&st);
  CHECK(st.delivered == 0 && st.logged == 256, "after finalize: logged %lld", (long long)st.logged);
  FILE *ls = popen("cat build/spool/*.json | grep -o '\"steps\":\\[[0-9,]*' | tr ',' '\\n' | grep -c .", "r");
  int spooled = 0;
  if (ls && fscanf(ls, "%d", &spooled) == 1) pclose(ls);
  CHECK(spooled == 256, "all 256 buffered points spooled, found %d", spooled);
  CHECK(system("grep -q execution.end build/spool/*.json") == 0, "the spool holds execution.end");
  unsetenv("PROVSCOPE_SPOOL_DIR");
}

/* Wait policy: a logging thread blocks at the bound instead of losing points. */
static void *log_many(void *arg) {
  for (int i = 0; i < 2000; i++) pv_log_metric("y", i, i);
  *(int *)arg = 1;
  return NULL;
}

static void test_server_down_wait_policy(void) {
  pv_options o = {.buffer_points = 512, .flush_timeout_s = 0.3, .flush_interval_ms = 50};
  CHECK(pv_init_opts("http://127.0.0.1:9", "tok", "p", "s", "exec-wait", 1, &o) == PV_OK, "init");
  int finished = 0;
  pthread_t t;
  pthread_create(&t, NULL, log_many, &finished);
  usleep(300000);
  pv_status_t st;
  pv_status(&st);
  CHECK(!finished && st.logged == 512 && st.dropped == 0, "blocked at the bound: logged %lld finished %d",
        (long long)st.logged, finished);
  /* finalize releases the waiting thread (its later points are dropped and counted) */
  pv_finalize(0);
  pthread_join(t, NULL);
  pv_status(&st);
  CHECK(finished && st.logged + st.dropped == 2000, "logged %lld + dropped %lld", (long long)st.logged, (long long)st.dropped);
}

static void test_errors(void) {
  CHECK(pv_log_metric("x", 1, 1) == PV_ESTATE, "log before init");
  CHECK(pv_init_opts("https://x", "t", "p", "s", "e", 0, NULL) == PV_EINVAL, "https is refused at init");
  unsetenv("PROVSCOPE_URL");
  CHECK(pv_init(NULL, "t", "p", "s", "e", 0) == PV_EINVAL, "no url");
  CHECK(pv_init("http://127.0.0.1:9", "t", "p", "s", "bad id!", 0) == PV_EINVAL, "bad execution id");
}

int main(void) {
  test_numbers();
  test_sha256();
  test_batch_json();
  test_parts();
  test_errors();
  test_server_down_drop_policy();
  test_server_down_wait_policy();
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("native client unit tests: all passed\n");
  return 0;
}
