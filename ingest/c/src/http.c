/* A minimal HTTP/1.1 client: POST with a chunked body over one keep-alive connection. Enough for
 * the Provscope server and proxies; TLS is left to a local tunnel (HPC networks rarely need it
 * between compute and login nodes, and it would pull in a library). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include "internal.h"

#define CONNECT_TIMEOUT_MS 5000
#define IDLE_REUSE_MS 4000 /* Node closes idle keep-alive sockets after 5 s */

struct pv_http {
  char host[256], port[8], prefix[512], host_header[300];
  char *auth;
  int fd;
  int timeout_s;
  int64_t last_used_ms;
  const char *pending_head; /* request line and headers, sent with the first chunk */
  size_t pending_len;
  int send_failed;
};

pv_http *pv_http_new(const char *url, const char *token) {
  if (strncmp(url, "http://", 7) != 0) return NULL;
  pv_http *h = calloc(1, sizeof *h);
  if (!h) return NULL;
  h->fd = -1;
  const char *p = url + 7, *host_end;
  if (*p == '[') {
    host_end = strchr(p, ']');
    if (!host_end) goto bad;
    snprintf(h->host, sizeof h->host, "%.*s", (int)(host_end - p - 1), p + 1);
    host_end++;
  } else {
    host_end = p + strcspn(p, ":/");
    snprintf(h->host, sizeof h->host, "%.*s", (int)(host_end - p), p);
  }
  if (!h->host[0]) goto bad;
  const char *path = strchr(host_end, '/');
  if (*host_end == ':') snprintf(h->port, sizeof h->port, "%.*s", (int)((path ? path : host_end + strlen(host_end)) - host_end - 1), host_end + 1);
  else snprintf(h->port, sizeof h->port, "80");
  if (path) snprintf(h->prefix, sizeof h->prefix, "%s", path);
  size_t pl = strlen(h->prefix);
  while (pl > 0 && h->prefix[pl - 1] == '/') h->prefix[--pl] = 0;
  snprintf(h->host_header, sizeof h->host_header, "%.*s", (int)(host_end - p), p);
  if (asprintf(&h->auth, "Authorization: Bearer %s\r\n", token) < 0) goto bad;
  const char *t = getenv("PROVSCOPE_HTTP_TIMEOUT");
  h->timeout_s = t && atoi(t) > 0 ? atoi(t) : 150; /* the server may queue a write for up to 120 s */
  return h;
bad:
  free(h);
  return NULL;
}

static void disconnect(pv_http *h) {
  if (h->fd >= 0) close(h->fd);
  h->fd = -1;
}

void pv_http_free(pv_http *h) {
  if (!h) return;
  disconnect(h);
  free(h->auth);
  free(h);
}

static int open_connection(pv_http *h, char *err, size_t errcap) {
  struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM}, *res, *ai;
  int rc = getaddrinfo(h->host, h->port, &hints, &res);
  if (rc != 0) {
    snprintf(err, errcap, "cannot resolve %s: %s", h->host, gai_strerror(rc));
    return -1;
  }
  int fd = -1, last = 0;
  for (ai = res; ai; ai = ai->ai_next) {
    fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
    if (fd < 0) continue;
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) break;
    if (errno == EINPROGRESS) {
      struct pollfd pfd = {fd, POLLOUT, 0};
      int so = 0;
      socklen_t sl = sizeof so;
      if (poll(&pfd, 1, CONNECT_TIMEOUT_MS) == 1 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &so, &sl) == 0 && so == 0) break;
      last = so ? so : ETIMEDOUT;
    } else {
      last = errno;
    }
    close(fd);
    fd = -1;
  }
  freeaddrinfo(res);
  if (fd < 0) {
    snprintf(err, errcap, "connect to %s:%s: %s", h->host, h->port, strerror(last));
    return -1;
  }
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  struct timeval tv = {h->timeout_s, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  h->fd = fd;
  return 0;
}

static int send_all(int fd, struct iovec *iov, int n) {
  while (n > 0) {
    struct msghdr m = {.msg_iov = iov, .msg_iovlen = (size_t)n};
    ssize_t w = sendmsg(fd, &m, MSG_NOSIGNAL);
    if (w < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    while (n > 0 && (size_t)w >= iov->iov_len) w -= (ssize_t)iov->iov_len, iov++, n--;
    if (n > 0) iov->iov_base = (char *)iov->iov_base + w, iov->iov_len -= (size_t)w;
  }
  return 0;
}

/* pv_out sink: one HTTP chunk per call, the request head in front of the first. */
static int chunk_sink(void *ctx, const char *data, size_t len) {
  pv_http *h = ctx;
  char size[24];
  struct iovec iov[4];
  int n = 0;
  if (h->pending_len) iov[n++] = (struct iovec){(void *)h->pending_head, h->pending_len};
  iov[n++] = (struct iovec){size, (size_t)snprintf(size, sizeof size, "%zx\r\n", len)};
  iov[n++] = (struct iovec){(void *)data, len};
  iov[n++] = (struct iovec){"\r\n", 2};
  h->pending_len = 0;
  if (send_all(h->fd, iov, n) != 0) {
    h->send_failed = errno ? errno : EPIPE;
    return -1;
  }
  return 0;
}

void pv_http_post(pv_http *h, const char *path, void (*write)(void *arg, pv_out *out), void *arg, pv_response *res) {
  for (int attempt = 0; attempt < 2; attempt++) {
    memset(res, 0, sizeof *res);
    if (h->fd >= 0 && pv_now_ms() - h->last_used_ms > IDLE_REUSE_MS) disconnect(h);
    const int reused = h->fd >= 0;
    if (!reused && open_connection(h, res->error, sizeof res->error) != 0) return;

    char *head = NULL;
    int head_len = asprintf(&head,
                            "POST %s%s HTTP/1.1\r\nHost: %s\r\n%sContent-Type: application/json\r\n"
                            "Transfer-Encoding: chunked\r\nUser-Agent: provscope-c/1\r\n\r\n",
                            h->prefix, path, h->host_header, h->auth);
    if (head_len < 0) {
      snprintf(res->error, sizeof res->error, "out of memory");
      return;
    }
    h->pending_head = head, h->pending_len = (size_t)head_len, h->send_failed = 0;
    pv_out out = {.sink = chunk_sink, .ctx = h};
    write(arg, &out);
    int sent = pv_out_finish(&out) == 0;
    free(out.buf);
    if (sent) {
      struct iovec tail[2];
      int n = 0;
      if (h->pending_len) tail[n++] = (struct iovec){head, h->pending_len};
      tail[n++] = (struct iovec){"0\r\n\r\n", 5};
      sent = send_all(h->fd, tail, n) == 0;
      if (!sent) h->send_failed = errno;
    }
    free(head);
    h->pending_len = 0;

    int close_after = 0, got_any = 0;
    /* Read even after a failed send: the server may have answered early (e.g. 401) and closed. */
    int read_rc = pv_http_read_response(h->fd, res, &close_after, &got_any);
    int read_errno = errno;
    h->last_used_ms = pv_now_ms();
    if (read_rc == 0) {
      if (close_after) disconnect(h);
      return;
    }
    disconnect(h);
    /* A reused connection the server had already closed: try once more on a fresh one. */
    if (reused && !got_any) continue;
    int e = h->send_failed ? h->send_failed : read_errno;
    res->status = 0;
    snprintf(res->error, sizeof res->error, "%s %s:%s: %s", sent ? "no answer from" : "connection lost to", h->host,
             h->port, e == EAGAIN || e == EWOULDBLOCK ? "timed out" : e ? strerror(e) : "connection closed");
    return;
  }
}
