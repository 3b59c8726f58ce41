/**
 * How a streamed file is gzipped in pieces (truth/full.csv.gz, a variant's propensity file): each
 * chunk of about GZIP_CHUNK characters of CSV becomes one gzip member, compressed by whoever runs
 * the generator (Node's zlib, a page's CompressionStream), so the core stays free of both.
 */

/** Compresses one chunk of CSV into one gzip member. */
export type GzipMember = (csv: Uint8Array) => Uint8Array;

/** Gzip members of about this many characters of CSV each. */
export const GZIP_CHUNK = 1 << 20;
