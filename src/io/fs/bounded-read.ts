/**
 * Kept for the modules that import it by this name: the bounded reader is the one way in,
 * src/io/fs/input.ts (regular files only, sizes capped before allocating).
 */
export { READ_CAPS, readInputBytes as readBoundedBytes, readInputText as readBoundedText } from "./input.js";
