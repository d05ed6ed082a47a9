/* Reading one HTTP/1.1 response: status, Content-Length or chunked body, Connection: close, and
 * the error envelope's code, message and path for the report. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include "internal.h"

#define MAX_HEADER 16384
#define KEEP_BODY 4096

typedef struct reader {
  int fd;
  char buf[MAX_HEADER];
  size_t len, pos;
  int err; /* errno of a failed read, or -1 at EOF */
} reader;

static int fill(reader *r) {
  if (r->pos > 0) {
    memmove(r->buf, r->buf + r->pos, r->len - r->pos);
    r->len -= r->pos, r->pos = 0;
  }
  if (r->len == sizeof r->buf) return -1;
  for (;;) {
    ssize_t n = recv(r->fd, r->buf + r->len, sizeof r->buf - r->len, 0);
    if (n > 0) return (int)(r->len += (size_t)n, 0);
    if (n < 0 && errno == EINTR) continue;
    r->err = n == 0 ? -1 : errno;
    return -1;
  }
}

/* A line ending in CRLF, without it; NULL when the connection ends first. */
static char *read_line(reader *r) {
  for (;;) {
    char *start = r->buf + r->pos, *nl = memchr(start, '\n', r->len - r->pos);
    if (nl) {
      r->pos = (size_t)(nl - r->buf) + 1;
      if (nl > start && nl[-1] == '\r') nl[-1] = 0;
      *nl = 0;
      return start;
    }
    if (fill(r) != 0) return NULL;
  }
}

/* Consumes n body bytes, keeping the first KEEP_BODY in keep. */
static int read_body(reader *r, size_t n, char *keep, size_t *kept) {
  while (n > 0) {
    if (r->pos == r->len && fill(r) != 0) return -1;
    size_t take = r->len - r->pos < n ? r->len - r->pos : n;
    size_t room = KEEP_BODY - 1 - *kept;
    memcpy(keep + *kept, r->buf + r->pos, take < room ? take : room);
    *kept += take < room ? take : room;
    r->pos += take, n -= take;
  }
  return 0;
}

/* The string value of "field":"…" in the error envelope (escapes reduced to their character). */
static void json_field(const char *body, const char *field, char *out, size_t cap) {
  char pat[32];
  snprintf(pat, sizeof pat, "\"%s\":\"", field);
  const char *p = strstr(body, pat);
  out[0] = 0;
  if (!p) return;
  p += strlen(pat);
  size_t n = 0;
  for (; *p && *p != '"' && n + 1 < cap; p++) {
    if (*p == '\\' && p[1]) {
      p++;
      if (*p == 'u') {
        out[n++] = '?';
        for (int i = 0; i < 4 && p[1]; i++) p++;
        continue;
      }
    }
    out[n++] = *p;
  }
  out[n] = 0;
}

/* Returns 0 when a full response was read; -1 when the connection failed (r.err says how). */
int pv_http_read_response(int fd, pv_response *res, int *close_after, int *got_any) {
  reader *r = malloc(sizeof *r);
  if (!r) return -1;
  r->fd = fd, r->len = r->pos = 0, r->err = 0;
  char keep[KEEP_BODY];
  size_t kept = 0;
  int rc = -1;
  char *line = read_line(r);
  *got_any = r->len > 0;
  if (!line || sscanf(line, "HTTP/%*d.%*d %d", &res->status) != 1) goto out;
  long long length = -1;
  int chunked = 0;
  *close_after = strncmp(line, "HTTP/1.0", 8) == 0;
  while ((line = read_line(r)) && *line) {
    if (strncasecmp(line, "content-length:", 15) == 0) length = atoll(line + 15);
    else if (strncasecmp(line, "transfer-encoding:", 18) == 0 && strcasestr(line, "chunked")) chunked = 1;
    else if (strncasecmp(line, "connection:", 11) == 0) *close_after = strcasestr(line, "close") != NULL;
  }
  if (!line) goto out;
  if (chunked) {
    for (;;) {
      if (!(line = read_line(r))) goto out;
      size_t n = strtoul(line, NULL, 16);
      if (n == 0) {
        while ((line = read_line(r)) && *line) {
        }
        if (!line) goto out;
        break;
      }
      if (read_body(r, n, keep, &kept) != 0 || !read_line(r)) goto out;
    }
  } else if (length >= 0) {
    if (read_body(r, (size_t)length, keep, &kept) != 0) goto out;
  } else {
    *close_after = 1; /* body until EOF */
    while (read_body(r, sizeof r->buf, keep, &kept) == 0) {
    }
  }
  rc = 0;
out:
  keep[kept] = 0;
  if (rc == 0 && res->status != 200) {
    char code[64], msg[160];
    json_field(keep, "code", code, sizeof code);
    json_field(keep, "message", msg, sizeof msg);
    json_field(keep, "path", res->path, sizeof res->path);
    snprintf(res->error, sizeof res->error, "%s%s%s", code[0] ? code : "error", msg[0] ? ": " : "", msg);
  }
  if (rc != 0) errno = r->err > 0 ? r->err : 0;
  free(r);
  return rc;
}

