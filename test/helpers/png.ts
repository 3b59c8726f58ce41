/**
 * Just enough of PNG (RFC 2083) to check a screenshot: its size and how many pixels are not the
 * page's white. 8-bit RGB or RGBA, non-interlaced (what Chromium writes); filters 0–4 undone.
 */
import { inflateSync } from "node:zlib";

export interface PngSummary {
  readonly width: number;
  readonly height: number;
  /** Pixels whose colour differs from pure white by more than a little anti-aliasing. */
  readonly nonWhite: number;
  /** Distinct colours (RGB) seen, capped at 1000. */
  readonly colours: number;
}

export function summarisePng(buf: Buffer): PngSummary {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let off = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString("latin1", off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colourType, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      if (depth !== 8 || interlace !== 0 || (colourType !== 2 && colourType !== 6)) throw new Error(`unsupported PNG (depth ${depth}, colour type ${colourType}, interlace ${interlace})`);
      channels = colourType === 6 ? 4 : 3;
    } else if (type === "IDAT") idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  let nonWhite = 0;
  const colours = new Set<number>();
  for (let y = 0; y < height; y++) {
    const base = y * (stride + 1);
    const filter = raw[base]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[base + 1 + i]!;
      const a = i >= channels ? cur[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      cur[i] = (x + [0, a, b, (a + b) >> 1, paeth][filter]!) & 255;
    }
    for (let i = 0; i < stride; i += channels) {
      if (cur[i]! < 240 || cur[i + 1]! < 240 || cur[i + 2]! < 240) nonWhite++;
      if (colours.size < 1000) colours.add((cur[i]! << 16) | (cur[i + 1]! << 8) | cur[i + 2]!);
    }
    prev.set(cur);
  }
  return { width, height, nonWhite, colours: colours.size };
}
