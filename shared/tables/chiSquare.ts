/**
 * Upper tail of the χ² distribution, P(X ≥ x) for `df` degrees of freedom: the regularized
 * upper incomplete gamma function Q(df/2, x/2). Series for x < a + 1, Lentz's continued
 * fraction otherwise (Press et al. 2007, Numerical Recipes, 3rd ed., §6.2), so that small
 * p-values keep their precision instead of being `1 − cdf`. Matches R's
 * `pchisq(x, df, lower.tail = FALSE)` to 1e-12 relative (test/shared/tables/chiSquare.test.ts).
 *
 * @throws {RangeError} for df ≤ 0 or x < 0.
 * @example chiSquareUpperTail(3.841459, 1) // 0.05
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError('degrees of freedom must be positive');
  if (!(x >= 0)) throw new RangeError('χ² must be ≥ 0');
  if (x === 0) return 1;
  const a = df / 2;
  const z = x / 2;
  const logPrefix = a * Math.log(z) - z - logGamma(a);
  if (z < a + 1) {
    // P(a, z) = e^{−z} z^a / Γ(a) · Σ z^n / (a (a+1) … (a+n))
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= z / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  // Q(a, z) = e^{−z} z^a / Γ(a) · 1 / (z + 1 − a − 1·(1−a) / (z + 3 − a − …))
  const tiny = 1e-300;
  let b = z + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefix) * h;
}

/** ln Γ(x) for x > 0, Lanczos approximation (g = 7, n = 9; Numerical Recipes §6.1), ~1e-15. */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const g = 7;
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const y = x - 1;
  let sum = coefficients[0]!;
  for (let i = 1; i < coefficients.length; i++) sum += coefficients[i]! / (y + i);
  const t = y + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}
