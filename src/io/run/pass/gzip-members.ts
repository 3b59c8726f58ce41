/**
 * The gzip of truth/full.csv.gz: each block's rows become gzip members (concatenated members are
 * one valid gzip file), compressed here on the edge with Node's zlib at level 6 and handed to the
 * pure block runner (src/generate/block.ts) as a function.
 */
import { gzipSync } from "node:zlib";
import type { GzipMember } from "../../../generate/gzip-member.js";

export const gzipMember: GzipMember = (csv) => gzipSync(csv, { level: 6 });
