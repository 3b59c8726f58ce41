/**
 * A zip archive of files stored uncompressed (method 0, STORE), for the browser page's download:
 * local headers, the data, a central directory and its end record (PKWARE APPNOTE 6.3, sections
 * 4.3.7, 4.3.12, 4.3.16), with each file's CRC-32 (the reflected polynomial 0xEDB88320). Names are
 * UTF-8 (general-purpose bit 11); times are the DOS epoch (1980-01-01 00:00), so the archive of
 * the same files is the same bytes on any day. No ZIP64: at most 65,535 files and 4 GiB in all.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of `bytes` (as zip, gzip and PNG compute it). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** DOS date of 1980-01-01: (year − 1980) << 9 | month << 5 | day. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 1 << 11;
const MAX_BYTES = 0xffffffff;

/** The archive of `files` (path → bytes, in the order given). */
export function zipStore(files: ReadonlyMap<string, Uint8Array> | ReadonlyArray<readonly [string, Uint8Array]>): Uint8Array {
  const enc = new TextEncoder();
  const entries = [...files].map(([name, data]) => ({ name: enc.encode(name), data, crc: crc32(data), offset: 0 }));
  if (entries.length > 0xffff) throw new RangeError(`zip: ${entries.length} files (at most 65535 without ZIP64)`);
  let size = 22;
  for (const e of entries) size += 30 + e.name.length + e.data.length + 46 + e.name.length;
  if (size > MAX_BYTES) throw new RangeError(`zip: ${size} bytes (at most 4 GiB without ZIP64)`);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  let at = 0;
  const u16 = (x: number) => {
    v.setUint16(at, x, true);
    at += 2;
  };
  const u32 = (x: number) => {
    v.setUint32(at, x, true);
    at += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, at);
    at += b.length;
  };
  for (const e of entries) {
    e.offset = at;
    u32(0x04034b50);
    u16(10); // version needed: 1.0
    u16(UTF8_NAMES);
    u16(0); // STORE
    u16(0); // time 00:00
    u16(DOS_DATE);
    u32(e.crc);
    u32(e.data.length);
    u32(e.data.length);
    u16(e.name.length);
    u16(0); // no extra field
    bytes(e.name);
    bytes(e.data);
  }
  const central = at;
  for (const e of entries) {
    u32(0x02014b50);
    u16(0x031e); // made by: Unix, spec 3.0
    u16(10);
    u16(UTF8_NAMES);
    u16(0);
    u16(0);
    u16(DOS_DATE);
    u32(e.crc);
    u32(e.data.length);
    u32(e.data.length);
    u16(e.name.length);
    u16(0); // extra
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32((0o100644 << 16) >>> 0); // external: a regular file, rw-r--r--
    u32(e.offset);
    bytes(e.name);
  }
  const centralSize = at - central;
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(centralSize);
  u32(central);
  u16(0); // comment length
  return out;
}
