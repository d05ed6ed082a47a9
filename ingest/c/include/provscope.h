/* Provscope native client: log metadata from a C/C++/Fortran simulation at low overhead.
 *
 * pv_log_metric() copies (key, step, value, time) into a preallocated buffer under one mutex;
 * a background thread turns the buffer into JSON batches and POSTs them to the Provscope server
 * (POST /api/v1/batches, HTTP/1.1 keep-alive). Failed batches are retried with the same batch id,
 * so the server stores every point exactly once across restarts and lost connections.
 *
 * When the buffer is full, pv_log_metric waits for room (nothing is lost) unless the drop policy
 * was chosen, in which case the point is counted in pv_status().dropped and discarded.
 * Every function is thread-safe. Depends on libc and pthreads only.
 */
#ifndef PROVSCOPE_H
#define PROVSCOPE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define PV_API __attribute__((visibility("default")))
#else
#define PV_API
#endif

/* Return codes. */
enum {
  PV_OK = 0,
  PV_EINVAL = 1,     /* bad argument (message on stderr and in pv_status().last_error) */
  PV_EAUTH = 2,      /* the server rejected the token (401/403): logging is disabled */
  PV_ESTATE = 3,     /* pv_init not called, or called twice */
  PV_EFULL = 4,      /* drop policy: the buffer was full and the point was dropped (counted) */
  PV_ETIMEOUT = 5,   /* pv_flush gave up waiting (data stays buffered); pv_finalize: data spooled or lost */
  PV_EREJECTED = 6,  /* the server rejected some data with a 4xx; see pv_status().last_error */
  PV_ENOMEM = 7,
  PV_EFATAL = 8      /* logging was disabled by an earlier fatal error */
};

/* What to do when the buffer is full. */
enum { PV_WAIT_WHEN_FULL = 0, PV_DROP_WHEN_FULL = 1 };

/* Optional settings for pv_init_opts; zero/NULL fields take the defaults (or the environment
 * variables named in README.md). */
typedef struct pv_options {
  const char *name;            /* execution name (all ranks should pass the same one) */
  const char *params_json;     /* JSON object of parameters; sent by rank 0 only */
  const char *properties_json; /* JSON object of properties; sent by rank 0 only */
  int64_t buffer_points;       /* points held in memory before logging waits (default 32768) */
  int on_full;                 /* PV_WAIT_WHEN_FULL (default) or PV_DROP_WHEN_FULL */
  int flush_interval_ms;       /* ship at least this often (default 1000) */
  double flush_timeout_s;      /* how long pv_flush/pv_finalize wait for the server (default 120) */
} pv_options;

typedef struct pv_status {
  int64_t logged;        /* points accepted by pv_log_metric */
  int64_t delivered;     /* points acknowledged by the server */
  int64_t pending;       /* points buffered or in flight */
  int64_t dropped;       /* points discarded by the drop policy or after a fatal error */
  int64_t rejected;      /* points the server refused with a 4xx (never retried) */
  int64_t batches;       /* batches acknowledged */
  int64_t retries;       /* failed attempts that were retried */
  int64_t blocked_ns;    /* time pv_log_metric spent waiting for room in the buffer */
  int64_t buffer_points; /* the bound */
  int32_t reachable;     /* 1 when the last attempt reached the server */
  int32_t last_http_status;
  char last_error[256];
} pv_status_t;

/* Starts logging for one rank of one execution. url/token/execution may be NULL or "" to take
 * PROVSCOPE_URL, PROVSCOPE_TOKEN, PROVSCOPE_EXECUTION from the environment; rank < 0 takes the
 * rank from the MPI launcher's environment (OMPI_COMM_WORLD_RANK, PMI_RANK, SLURM_PROCID, …).
 * Every rank of a run must pass the same execution id. Returns PV_EAUTH at once when the server
 * is up and rejects the token (PV_EREJECTED when it refuses the execution, e.g. an id already used
 * by another pipeline); an unreachable server is not an error (the client buffers). */
PV_API int pv_init(const char *url, const char *token, const char *pipeline, const char *stage,
            const char *execution_uuid, int rank);
PV_API int pv_init_opts(const char *url, const char *token, const char *pipeline, const char *stage,
                 const char *execution_uuid, int rank, const pv_options *opts);

/* Appends one point of the step series `key` (e.g. a residual per timestep). Steps of one key
 * should increase; a step that does not starts a new op (the server keeps both). */
PV_API int pv_log_metric(const char *key, int64_t step, double value);
/* The same with an explicit key length (no terminating NUL needed): the Fortran binding. */
PV_API int pv_log_metric_n(const char *key, int key_len, int64_t step, double value);
/* Logs the calling thread's points under another rank (threads simulating ranks). -1 resets. */
PV_API void pv_set_thread_rank(int rank);

/* Links an input or output artifact: direction "input"|"output", type "dataset"|"model"|
 * "metrics"|"step_metrics"|"environment"|"other". uri may be NULL; hash is required (e.g.
 * "sha256:…"); size < 0 means unknown. Artifacts with the same type, name and hash are one node. */
PV_API int pv_log_artifact(const char *direction, const char *type, const char *name, const char *uri,
                    const char *hash, int64_t size);
/* The same for a file: hashes it (SHA-256, as the Python client does, so lineage connects) and
 * logs uri file://<absolute path> and its size. Returns PV_EINVAL if the file cannot be read. */
PV_API int pv_log_artifact_file(const char *direction, const char *type, const char *name, const char *path);
/* Writes "sha256:<64 hex digits>" of a file into out (cap >= 72); size may be NULL. 0 or -1. */
PV_API int pv_hash_file(const char *path, char *out, int cap, int64_t *size);

/* A final scalar of the execution (e.g. test_loss); logging a key again replaces it. */
PV_API int pv_log_final_metric(const char *key, double value);

/* Waits until everything logged so far is acknowledged (or flush_timeout_s passes). */
PV_API int pv_flush(void);
/* Flushes, marks the execution COMPLETED (status 0) or FAILED, stops the background thread and
 * frees everything. Rank 0 ends the execution; other ranks only report a failure. Undelivered
 * data (server down past flush_timeout_s) is written to PROVSCOPE_SPOOL_DIR when set. */
PV_API int pv_finalize(int status);

/* Counters; safe to call at any time (zeros before pv_init). */
PV_API void pv_status(pv_status_t *out);
/* Human-readable name of a return code. */
PV_API const char *pv_strerror(int code);

#ifdef __cplusplus
}
#endif
#endif /* PROVSCOPE_H */
