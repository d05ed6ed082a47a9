/* Fast exact double -> decimal for the batch JSON. glibc's %.17g costs ~1 µs a value, which made
 * formatting (not the server) the bottleneck of a single client. Here: 17 significant digits from
 * one extended-precision multiply. Why that is exact: 17 correctly rounded digits always read back
 * to the same double, with a margin of >= 0.055 units in the 17th digit; the scaled value carries
 * a relative error of a few 1e-19 (64-bit mantissa: a table entry and one multiply), i.e. < 0.01
 * units, well inside the margin. Trailing zeros are dropped (0.5, not 0.50000000000000000). The
 * unit tests check the round trip on 10^6 random bit patterns. Where long double has no extra
 * precision (some ARM ABIs, or valgrind's emulation) it falls back to snprintf("%.17g"). */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define P10_MIN (-360)
#define P10_MAX 360
static long double p10[P10_MAX - P10_MIN + 1];
static pthread_once_t p10_once = PTHREAD_ONCE_INIT;
static int extended; /* long double really carries >= 64 bits of mantissa */

static void p10_init(void) {
  volatile long double one = 1.0L, tiny = 0x1p-60L;
  extended = one + tiny != one;
  for (int k = P10_MIN; k <= P10_MAX; k++) p10[k - P10_MIN] = powl(10.0L, (long double)k);
}

/* Writes v (finite, non-zero) into out; returns the length (at most 25). */
int pv_dtoa(double v, char *out) {
  pthread_once(&p10_once, p10_init);
  if (!extended) return snprintf(out, 26, "%.17g", v);
  char *p = out;
  if (v < 0) *p++ = '-', v = -v;
  int e = (int)floor(log10(v)); /* decimal exponent of the leading digit; may be off by one */
  long double m = (long double)v * p10[16 - e - P10_MIN];
  if (m >= 1e17L) e++, m = (long double)v * p10[16 - e - P10_MIN];
  else if (m < 1e16L) e--, m = (long double)v * p10[16 - e - P10_MIN];
  uint64_t d = (uint64_t)llrintl(m);
  if (d >= 100000000000000000ull) d /= 10, e++; /* rounded up to 10^17 */

  char digits[17];
  for (int i = 16; i >= 0; i--) digits[i] = (char)('0' + d % 10), d /= 10;
  int nd = 17;
  while (nd > 1 && digits[nd - 1] == '0') nd--;

  if (e >= -5 && e < 17) {
    if (e >= 0) {
      for (int i = 0; i <= e; i++) *p++ = i < nd ? digits[i] : '0';
      if (nd > e + 1) {
        *p++ = '.';
        memcpy(p, digits + e + 1, (size_t)(nd - e - 1));
        p += nd - e - 1;
      }
    } else {
      *p++ = '0', *p++ = '.';
      for (int i = 0; i < -e - 1; i++) *p++ = '0';
      memcpy(p, digits, (size_t)nd);
      p += nd;
    }
  } else {
    *p++ = digits[0];
    if (nd > 1) {
      *p++ = '.';
      memcpy(p, digits + 1, (size_t)(nd - 1));
      p += nd - 1;
    }
    *p++ = 'e';
    if (e < 0) *p++ = '-', e = -e;
    char ex[4];
    int ne = 0;
    do ex[ne++] = (char)('0' + e % 10), e /= 10;
    while (e);
    while (ne) *p++ = ex[--ne];
  }
  return (int)(p - out);
}
