/*
 * The C reference of `npm run bench`: the per-pair work of ctar's generator, written in plain C
 * from docs/model.md, to tell how far ctar's per-pair CPU time is from compiled code.
 *
 * It runs on the world of a dataset ctar wrote (train/movie.csv: each movie's tags; truth/movie.csv:
 * quality Q and P(R_R = 1); truth/tag.csv: tag popularity π), so the shapes (movies, tags per movie,
 * the spread of π and Q) are exactly those ctar works on. Per user, as ctar does:
 *   - four keyed streams (TU, R, R_R, R_O), each xoshiro128** seeded by the same fmix32 sponge over
 *     (seed, node, user) as src/rng/stream.ts;
 *   - TU: |TU| uniform on 10..20, tags drawn from π without replacement (inverse CDF + rejection);
 *   - TL: the bit mask of the movie's tag slots the user likes, from an inverted index tag → (movie, slot);
 *   - R (Eq. 5): one 32-bit uniform per pair against thresholds Φ((c − x)/σ)·2^32 tabulated per (movie, |TL|);
 *   - R_R (Eq. 6): thinning at the largest P(R_R = 1), geometric gaps;
 *   - R_O (Eq. 7): s_um from a per-movie table by rating, the per-user normaliser, thinning, then one
 *     liked tag at random and each other with probability 0.6;
 *   - with `encode`: the rows of rating.csv, obstag.csv and liked_tags.csv written as CSV text into a
 *     buffer (decimal digits, no printf), which is discarded (no file I/O is timed).
 * The draws are ctar's draw for draw: with `rows` the rows of the three files are byte-identical to
 * ctar's (test/bench/c-reference.test.ts), so the work compared is the same work.
 * It prints one JSON line: users, movies, CPU seconds (CLOCK_PROCESS_CPUTIME_ID), ns per pair, and
 * checksums of what it drew (so the compiler cannot drop the work).
 *
 * Build: gcc -O2 -o pairs pairs.c -lm        Run: ./pairs DATASET_DIR USERS [encode|rows]
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_SLOTS 31

/* ---- keyed streams (src/rng/stream.ts) ---- */
static uint32_t fmix32(uint32_t h) {
  h ^= h >> 16; h *= 0x85ebca6bu; h ^= h >> 13; h *= 0xc2b2ae35u; h ^= h >> 16;
  return h;
}
static void absorb(uint32_t s[4], uint32_t w) {
  uint32_t a = s[0] ^ w;
  s[0] = fmix32(a + 0x9e3779b9u);
  s[1] = fmix32((s[1] ^ s[0]) + 0x7f4a7c15u);
  s[2] = fmix32((s[2] ^ s[1]) + 0x85ebca6bu);
  s[3] = fmix32((s[3] ^ s[2]) + 0xc2b2ae35u);
}
static void absorb_int(uint32_t s[4], uint64_t x) {
  absorb(s, 0x494e);
  absorb(s, (uint32_t)(x & 0xffffffffu));
  absorb(s, (uint32_t)(x >> 32));
}
static void absorb_str(uint32_t s[4], const char *p) {
  size_t n = strlen(p);
  absorb(s, 0x5354 + (uint32_t)n);
  for (size_t i = 0; i < n; i++) absorb(s, (uint32_t)(unsigned char)p[i]);
}
typedef struct { uint32_t s0, s1, s2, s3; } stream;
static void family(uint32_t prefix[4], uint64_t seed, const char *node) {
  prefix[0] = 0x243f6a88u; prefix[1] = 0x85a308d3u; prefix[2] = 0x13198a2eu; prefix[3] = 0x03707344u;
  absorb(prefix, (uint32_t)(seed & 0xffffffffu));
  absorb(prefix, (uint32_t)(seed >> 32));
  absorb_str(prefix, node);
  absorb_str(prefix, "user");
}
static stream stream_of(const uint32_t prefix[4], uint64_t unit) {
  uint32_t s[4] = {prefix[0], prefix[1], prefix[2], prefix[3]};
  absorb_int(s, unit);
  if ((s[0] | s[1] | s[2] | s[3]) == 0) s[0] = 1;
  stream r = {s[0], s[1], s[2], s[3]};
  return r;
}
static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
static inline uint32_t next_u32(stream *r) {
  uint32_t out = rotl(r->s1 * 5, 7) * 9, t = r->s1 << 9;
  r->s2 ^= r->s0; r->s3 ^= r->s1; r->s1 ^= r->s2; r->s0 ^= r->s3; r->s2 ^= t; r->s3 = rotl(r->s3, 11);
  return out;
}
static inline double uniform53(stream *r) {
  uint32_t hi = next_u32(r) >> 5, lo = next_u32(r) >> 6;
  return (hi * 67108864.0 + lo) * (1.0 / 9007199254740992.0);
}
static inline uint32_t below(stream *r, uint32_t n) {
  if (n <= 1) return 0;
  uint64_t limit = 4294967296ull - (4294967296ull % n);
  for (;;) { uint32_t x = next_u32(r); if (x < limit) return x % n; }
}

/* ---- reading the dataset's world ---- */
static char *slurp(const char *dir, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "rb");
  if (!f) { fprintf(stderr, "pairs: cannot open %s\n", path); exit(2); }
  fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  if (fread(b, 1, (size_t)n, f) != (size_t)n) { fprintf(stderr, "pairs: cannot read %s\n", path); exit(2); }
  b[n] = 0; fclose(f);
  return b;
}
/* The k-th comma-separated field of a line, as a double (no quotes in the truth tables). */
static double field(const char *line, int k) {
  for (int i = 0; i < k; i++) { line = strchr(line, ','); if (!line) return NAN; line++; }
  return strtod(line, NULL);
}

typedef struct {
  int movies, tags;
  int *tm_start, *tm_tag;      /* each movie's tag ids, CSR */
  double *quality, *p_rating;  /* Q_m, P(R_R = 1 | m) */
  double *pi_cdf;              /* cumulative tag popularity, normalised */
} world;

static world read_world(const char *dir) {
  world w = {0};
  char *mv = slurp(dir, "truth/movie.csv"), *tg = slurp(dir, "truth/tag.csv"), *tl = slurp(dir, "train/movie.csv");
  for (char *p = strchr(mv, '\n'); p && p[1]; p = strchr(p + 1, '\n')) w.movies++;
  for (char *p = strchr(tg, '\n'); p && p[1]; p = strchr(p + 1, '\n')) w.tags++;
  w.quality = malloc(sizeof(double) * w.movies); w.p_rating = malloc(sizeof(double) * w.movies);
  int m = 0;
  for (char *p = strchr(mv, '\n'); p && p[1]; p = strchr(p + 1, '\n'), m++) { w.quality[m] = field(p + 1, 5); w.p_rating[m] = field(p + 1, 6); }
  w.pi_cdf = malloc(sizeof(double) * w.tags);
  double acc = 0; int t = 0;
  for (char *p = strchr(tg, '\n'); p && p[1]; p = strchr(p + 1, '\n'), t++) { acc += field(p + 1, 2); w.pi_cdf[t] = acc; }
  for (t = 0; t < w.tags; t++) w.pi_cdf[t] /= acc;
  w.tm_start = calloc((size_t)w.movies + 1, sizeof(int)); w.tm_tag = malloc(sizeof(int) * (size_t)w.movies * MAX_SLOTS);
  m = 0; int k = 0;
  for (char *p = strchr(tl, '\n'); p && p[1] && m < w.movies; p = strchr(p + 1, '\n'), m++) {
    char *q = strchr(p + 1, '"') + 1;
    w.tm_start[m] = k;
    while (*q != '"') { w.tm_tag[k++] = (int)strtol(q, &q, 10); if (*q == ',') q++; }
  }
  w.tm_start[w.movies] = k;
  free(mv); free(tg); free(tl);
  return w;
}

/* ---- CSV encoding into a byte buffer ---- */
typedef struct { char *b; size_t n, cap; } bytes;
static inline void put_int(bytes *o, long x) {
  if (o->n + 24 > o->cap) { o->cap *= 2; o->b = realloc(o->b, o->cap); }
  char tmp[24]; int k = 0;
  if (x < 0) { o->b[o->n++] = '-'; x = -x; }
  do { tmp[k++] = (char)('0' + x % 10); x /= 10; } while (x);
  while (k) o->b[o->n++] = tmp[--k];
}
static inline void put_char(bytes *o, char c) { o->b[o->n++] = c; }

static inline double sigmoid(double x) { return 1.0 / (1.0 + exp(-x)); }

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: pairs DATASET_DIR USERS [encode|rows]\n"); return 2; }
  const world w = read_world(argv[1]);
  const long users = atol(argv[2]);
  /* "encode": rows encoded and discarded; "rows": rows kept and written to stdout at the end, file by
     file, for the test that compares them with ctar's files (small runs only). */
  const int keep_rows = argc > 3 && strcmp(argv[3], "rows") == 0;
  const int encode = keep_rows || (argc > 3 && strcmp(argv[3], "encode") == 0);
  const int M = w.movies;
  const uint64_t seed = 9527;
  /* Rating thresholds (Eq. 5; docs/model.md "R (rating)"), |TL|-major, 4 steps of the 1..5 scale. */
  const double mu = 0.7, sigma = 0.25;
  double *thr = malloc(sizeof(double) * (MAX_SLOTS + 1) * M * 4);
  for (int k = 0; k <= MAX_SLOTS; k++)
    for (int m = 0; m < M; m++)
      for (int j = 0; j < 4; j++) {
        double x = w.quality[m] - mu + k * 0.5, c = 1.5 + j;
        thr[((size_t)k * M + m) * 4 + j] = round(0.5 * erfc(-((c - x) / sigma) / sqrt(2.0)) * 4294967296.0);
      }
  /* R_R's thinning bound; R_O's s table by rating 1..5 (Eq. 7 defaults). */
  double pr_max = 0;
  for (int m = 0; m < M; m++) if (w.p_rating[m] > pr_max) pr_max = w.p_rating[m];
  const double T = 200, alpha = M / 5.0, b = -M / T, rate_o = 0.007;
  double *s_tab = malloc(sizeof(double) * M * 6);
  for (int m = 0; m < M; m++) for (int r = 1; r <= 5; r++) s_tab[m * 6 + r] = sigmoid(((M - m) + alpha * r) / T + b);
  const uint32_t keep32 = (uint32_t)(0.6 * 4294967296.0);
  /* The inverted index tag → (movie, slot). */
  int *post_start = calloc((size_t)w.tags + 1, sizeof(int)), *post_movie = malloc(sizeof(int) * w.tm_start[M]);
  uint32_t *post_bit = malloc(sizeof(uint32_t) * w.tm_start[M]);
  for (int i = 0; i < w.tm_start[M]; i++) post_start[w.tm_tag[i] + 1]++;
  for (int t = 0; t < w.tags; t++) post_start[t + 1] += post_start[t];
  int *fill = malloc(sizeof(int) * w.tags);
  memcpy(fill, post_start, sizeof(int) * w.tags);
  for (int m = 0; m < M; m++)
    for (int k = w.tm_start[m]; k < w.tm_start[m + 1]; k++) { int at = fill[w.tm_tag[k]]++; post_movie[at] = m; post_bit[at] = 1u << (k - w.tm_start[m]); }

  uint32_t f_tu[4], f_r[4], f_rr[4], f_ro[4];
  family(f_tu, seed, "TU"); family(f_r, seed, "R"); family(f_rr, seed, "R_R"); family(f_ro, seed, "R_O");
  uint32_t *mask = malloc(sizeof(uint32_t) * M);
  uint8_t *count = malloc((size_t)M), *rating = malloc((size_t)M);
  double *s = malloc(sizeof(double) * M);
  int tu[256];
  /* One buffer per file: truth/liked_tags.csv, train/rating.csv, train/obstag.csv (rows only). */
  bytes liked = {malloc(1 << 16), 0, 1 << 16}, rated = {malloc(1 << 16), 0, 1 << 16}, tagged = {malloc(1 << 16), 0, 1 << 16};
  uint64_t ratings = 0, labels = 0, checksum = 0;

  struct timespec t0, t1;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
  for (long u = 0; u < users; u++) {
    stream r_tu = stream_of(f_tu, (uint64_t)u), r_r = stream_of(f_r, (uint64_t)u), r_rr = stream_of(f_rr, (uint64_t)u), r_ro = stream_of(f_ro, (uint64_t)u);
    /* TU */
    int k = 10 + (int)below(&r_tu, 11);
    for (int i = 0; i < k; i++) {
      int x;
      do {
        double v = uniform53(&r_tu);
        int lo = 0, hi = w.tags - 1;
        while (lo < hi) { int mid = (lo + hi) >> 1; if (w.pi_cdf[mid] > v) hi = mid; else lo = mid + 1; }
        x = lo;
        int dup = 0;
        for (int j = 0; j < i; j++) dup |= tu[j] == x;
        if (!dup) break;
      } while (1);
      tu[i] = x;
    }
    if (encode) {
      /* liked_tags.csv lists a user's tags in ascending id: insertion sort of a copy (k ≤ 20). */
      int sorted[256];
      for (int i = 0; i < k; i++) {
        int j = i;
        while (j > 0 && sorted[j - 1] > tu[i]) { sorted[j] = sorted[j - 1]; j--; }
        sorted[j] = tu[i];
      }
      for (int i = 0; i < k; i++) { put_int(&liked, u); put_char(&liked, ','); put_int(&liked, sorted[i]); put_char(&liked, '\n'); }
    }
    /* TL */
    memset(mask, 0, sizeof(uint32_t) * M);
    memset(count, 0, (size_t)M);
    for (int i = 0; i < k; i++)
      for (int p = post_start[tu[i]]; p < post_start[tu[i] + 1]; p++) { int m = post_movie[p]; uint32_t before = mask[m]; mask[m] |= post_bit[p]; count[m] += mask[m] != before; }
    /* R, and R_O's normaliser over the user's row */
    double sum = 0, smax = 0;
    for (int m = 0; m < M; m++) {
      uint32_t v = next_u32(&r_r);
      const double *t = thr + ((size_t)count[m] * M + m) * 4;
      int level = 1 + (v >= t[0]) + (v >= t[1]) + (v >= t[2]) + (v >= t[3]);
      rating[m] = (uint8_t)level;
      double sv = s_tab[m * 6 + level];
      s[m] = sv; sum += sv; if (sv > smax) smax = sv;
    }
    /* R_R by thinning */
    {
      double logq = log1p(-pr_max), keep = 4294967296.0 / pr_max;
      for (int i = -1;;) {
        i += (int)floor(log(1 - uniform53(&r_rr)) / logq) + 1;
        if (i >= M) break;
        double p = w.p_rating[i];
        if (p >= pr_max || next_u32(&r_rr) < p * keep) {
          ratings++; checksum += rating[i];
          if (encode) { put_int(&rated, u); put_char(&rated, ','); put_int(&rated, i); put_char(&rated, ','); put_int(&rated, rating[i]); put_char(&rated, '\n'); }
        }
      }
    }
    /* R_O by thinning, with its labelled tags */
    {
      double c = sum > 0 ? rate_o * M / sum : 0, pmax = c * smax < 1 ? c * smax : 1;
      double logq = pmax < 1 ? log1p(-pmax) : 0, keep = 4294967296.0 / pmax;
      for (int i = -1;;) {
        i += pmax < 1 ? (int)floor(log(1 - uniform53(&r_ro)) / logq) + 1 : 1;
        if (i >= M) break;
        double p = c * s[i];
        if (!(p >= pmax || next_u32(&r_ro) < p * keep)) continue;
        uint32_t msk = mask[i];
        if (msk == 0) {
          labels++;
          if (encode) { put_int(&tagged, u); put_char(&tagged, ','); put_int(&tagged, i); put_char(&tagged, ','); put_int(&tagged, -1); put_char(&tagged, '\n'); }
          continue;
        }
        int n = __builtin_popcount(msk);
        uint32_t rest = msk, always;
        for (uint32_t j = below(&r_ro, (uint32_t)n); j > 0; j--) rest &= rest - 1;
        always = rest & (~rest + 1);
        uint32_t lab = always;
        for (uint32_t o = msk & ~always; o; o &= o - 1) if (next_u32(&r_ro) < keep32) lab |= o & (~o + 1);
        for (uint32_t o = lab; o; o &= o - 1) {
          int slot = __builtin_ctz(o);
          labels++; checksum += (uint64_t)w.tm_tag[w.tm_start[i] + slot];
          if (encode) { put_int(&tagged, u); put_char(&tagged, ','); put_int(&tagged, i); put_char(&tagged, ','); put_int(&tagged, w.tm_tag[w.tm_start[i] + slot]); put_char(&tagged, '\n'); }
        }
      }
    }
    if (!keep_rows) {
      bytes *all[3] = {&liked, &rated, &tagged};
      for (int f = 0; f < 3; f++) if (all[f]->n > (1 << 20)) { checksum += (unsigned char)all[f]->b[all[f]->n / 2]; all[f]->n = 0; }
    }
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
  if (keep_rows) {
    printf("# truth/liked_tags.csv\n"); fwrite(liked.b, 1, liked.n, stdout);
    printf("# train/rating.csv\n"); fwrite(rated.b, 1, rated.n, stdout);
    printf("# train/obstag.csv\n"); fwrite(tagged.b, 1, tagged.n, stdout);
  }
  double cpu = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9;
  printf("{\"users\":%ld,\"movies\":%d,\"encode\":%s,\"cpuSeconds\":%.6f,\"nsPerPair\":%.3f,\"ratings\":%llu,\"labels\":%llu,\"checksum\":%llu}\n",
         users, M, encode ? "true" : "false", cpu, cpu * 1e9 / ((double)users * M), (unsigned long long)ratings, (unsigned long long)labels, (unsigned long long)checksum);
  return 0;
}
