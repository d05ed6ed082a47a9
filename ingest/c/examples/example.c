/* example: a C program logging a loss curve, an input dataset and a final metric to Provscope.
 *
 *   PROVSCOPE_URL=http://127.0.0.1:3000 PROVSCOPE_TOKEN=… PROVSCOPE_EXECUTION=run-42 \
 *     ./build/example [--steps N] [--sleep-us U] [--stop-file PATH] [--threads T]
 *
 * With --stop-file it logs until that file exists (the CI test restarts the server meanwhile).
 * With --threads T, T threads log at once, each as its own rank (pv_set_thread_rank).
 * It prints one JSON line of counters and exits 0 when everything was delivered, 2 when pv_init
 * failed (e.g. a bad token) and 3 when pv_finalize reports undelivered or rejected data. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "provscope.h"

static long long steps = 1000, sleep_us = 0;
static const char *stop_file = NULL;

/* The training loop; returns the last loss. */
static double train(void) {
  struct timespec pause = {sleep_us / 1000000, (sleep_us % 1000000) * 1000};
  double loss = 1.0;
  for (long long step = 0; stop_file ? access(stop_file, F_OK) != 0 : step < steps; step++) {
    loss = 0.05 + exp(-(double)step / 300.0) + 0.01 * sin((double)step);
    pv_log_metric("loss", step, loss);
    if (sleep_us > 0) nanosleep(&pause, NULL);
  }
  return loss;
}

static void *train_as_rank(void *rank) {
  pv_set_thread_rank((int)(intptr_t)rank);
  train();
  return NULL;
}

int main(int argc, char **argv) {
  int threads = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (strcmp(argv[i], "--steps") == 0) steps = atoll(argv[i + 1]);
    else if (strcmp(argv[i], "--sleep-us") == 0) sleep_us = atoll(argv[i + 1]);
    else if (strcmp(argv[i], "--stop-file") == 0) stop_file = argv[i + 1];
    else if (strcmp(argv[i], "--threads") == 0) threads = atoi(argv[i + 1]);
  }
  const char *pipeline = getenv("PROVSCOPE_PIPELINE") ? getenv("PROVSCOPE_PIPELINE") : "c-example";

  char params[128];
  snprintf(params, sizeof params, "{\"steps\": %lld, \"lr\": 0.01}", steps);
  pv_options opts = {.name = "C example", .params_json = params};
  int rc = pv_init_opts(NULL, NULL, pipeline, "train", NULL, -1, &opts);
  if (rc != PV_OK) {
    fprintf(stderr, "example: pv_init failed: %s\n", pv_strerror(rc));
    return 2;
  }

  /* An input dataset: the client hashes the file, so the same content is the same lineage node. */
  const char *input = "example-input.csv";
  FILE *f = fopen(input, "w");
  if (f) {
    fprintf(f, "x,y\n1,2\n3,4\n");
    fclose(f);
    pv_log_artifact_file("input", "dataset", "example-input", input);
  }

  double loss;
  if (threads > 0) {
    pthread_t t[64];
    if (threads > 64) threads = 64;
    for (int r = 0; r < threads; r++) pthread_create(&t[r], NULL, train_as_rank, (void *)(intptr_t)r);
    for (int r = 0; r < threads; r++) pthread_join(t[r], NULL);
    loss = 0;
  } else {
    loss = train();
  }
  pv_log_final_metric("final_loss", loss);

  rc = pv_finalize(0);
  pv_status_t st;
  pv_status(&st);
  printf("{\"logged\": %lld, \"delivered\": %lld, \"dropped\": %lld, \"rejected\": %lld, \"retries\": %lld, "
         "\"batches\": %lld}\n",
         (long long)st.logged, (long long)st.delivered, (long long)st.dropped, (long long)st.rejected,
         (long long)st.retries, (long long)st.batches);
  if (rc != PV_OK) {
    fprintf(stderr, "example: pv_finalize: %s (%s)\n", pv_strerror(rc), st.last_error);
    return 3;
  }
  return 0;
}
