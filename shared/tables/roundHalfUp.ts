/**
 * `100 · part / whole` rounded half up to `decimals` places, computed in integers so that a
 * share exactly on the half (1/8 = 12.5 % → 13 %, 61/400 = 15.25 % → 15.3 %) rounds up, which
 * `Math.round(x * 10) / 10` on a binary double gets wrong (15.25 is stored as 15.2499…). Exact
 * while `part · 100 · 10^decimals` stays below 2^53.
 *
 * @throws {RangeError} when `decimals` is not an integer in 0…6 or the counts are not integers ≥ 0.
 * @example percentHalfUp(61, 341, 1) // 17.9
 */
export function percentHalfUp(part: number, whole: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
    throw new RangeError('decimals must be an integer from 0 to 6');
  if (!Number.isInteger(part) || !Number.isInteger(whole) || part < 0 || whole < 0)
    throw new RangeError('counts must be integers ≥ 0');
  if (whole === 0) return 0;
  const scaled = part * 100 * 10 ** decimals;
  const quotient = Math.floor(scaled / whole);
  const remainder = scaled - quotient * whole;
  return (2 * remainder >= whole ? quotient + 1 : quotient) / 10 ** decimals;
}

/**
 * `value` rounded half up (away from zero) to `decimals` places, by the decimal text of the
 * number rather than its binary value, so 1.005 → 1.01 and 2.675 → 2.68 as a reader expects.
 *
 * @example roundHalfUp(0.0745, 3) // 0.075
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  // Shortest round-trip text of 1.005 is "1.005", so `1.005e2` parses to exactly 100.5.
  return (sign * Math.round(shifted)) / 10 ** decimals;
}
