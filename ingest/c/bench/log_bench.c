/* log_bench: N pv_log_metric calls in a tight loop against a live server (PROVSCOPE_URL, …).
 * Prints one JSON line: the time per call (all of it, and without the time spent waiting for
 * the server when the buffer was full), the resident memory the library added and end-to-end
 * points/s (first call to all points acknowledged).
 * Memory: private resident memory (RssAnon) after init and logging minus before pv_init: the
 * buffers, the thread, the heap. VmRSS also counts libc's shared code pages that pv_init touches
 * for the first time (getaddrinfo, pthreads), which every process on the node shares; it is
 * printed too (rss_added_kb, from the peak VmHWM). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "provscope.h"

static long status_kb(const char *field) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long kb = -1;
  size_t n = strlen(field);
  while (f && fgets(line, sizeof line, f))
    if (strncmp(line, field, n) == 0) kb = atol(line + n + 1);
  if (f) fclose(f);
  return kb;
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  const long long n = argc > 1 ? atoll(argv[1]) : 10000000;
  const long rss_before = status_kb("VmRSS:"), anon_before = status_kb("RssAnon:");
  int rc = pv_init(NULL, NULL, "bench-native", "log", NULL, 0);
  if (rc != PV_OK) {
    fprintf(stderr, "log_bench: pv_init: %s\n", pv_strerror(rc));
    return 2;
  }
  const double t0 = now_s();
  for (long long i = 0; i < n; i++) pv_log_metric("bench_value", i, (double)i * 0.5);
  const double t1 = now_s();
  pv_status_t st;
  pv_status(&st);
  const long hwm = status_kb("VmHWM:"), anon = status_kb("RssAnon:");
  rc = pv_finalize(0);
  const double t2 = now_s();
  pv_status_t end;
  pv_status(&end);
  const double loop_ns = (t1 - t0) * 1e9;
  printf("{\"calls\": %lld, \"loop_s\": %.3f, \"ns_per_call_wall\": %.2f, \"blocked_s\": %.3f, "
         "\"ns_per_call\": %.2f, \"private_added_kb\": %ld, \"rss_before_kb\": %ld, \"hwm_kb\": %ld, \"rss_added_kb\": %ld, "
         "\"e2e_s\": %.3f, \"e2e_points_per_s\": %.0f, \"delivered\": %lld, \"finalize\": \"%s\"}\n",
         n, t1 - t0, loop_ns / n, st.blocked_ns / 1e9, (loop_ns - (double)st.blocked_ns) / n, anon - anon_before, rss_before, hwm,
         hwm - rss_before, t2 - t0, (double)end.delivered / (t2 - t0), (long long)end.delivered, pv_strerror(rc));
  return rc == PV_OK ? 0 : 3;
}
