/**
 * A number as a person writes one in a flag or a table field: decimal notation only (digits, an
 * optional sign, point and exponent). JavaScript's `Number` also reads `0x10`, `0b11`, `0o7`,
 * `Infinity` and a blank as numbers, which would let `--seed 0x10` or a policy score `0x1F` pass
 * for something the user did not mean; every parser of numbers in text goes through here.
 */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The number `text` writes in decimal notation (surrounding blanks allowed), or undefined. */
export function decimalNumber(text: string): number | undefined {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : undefined;
}
