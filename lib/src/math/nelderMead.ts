/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Stop when the simplex's values and points differ by less than this. Default 1e-10. */
  tolerance?: number;
  maxIterations?: number;
  /** Initial step along each axis. Default 0.5. */
  step?: number;
}

/** The result of {@link nelderMead}. */
export interface NelderMeadResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

/**
 * Minimises f by the Nelder-Mead simplex method with the standard coefficients (reflection 1,
 * expansion 2, contraction ½, shrink ½).
 *
 * @example
 * nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x; // ≈ [1, -2]
 */
export function nelderMead(
  f: (x: number[]) => number,
  start: number[],
  {tolerance = 1e-10, maxIterations = 2000, step = 0.5}: NelderMeadOptions = {}
): NelderMeadResult {
  const m = start.length;
  const value = (x: number[]) => {
    const y = f(x);
    return Number.isNaN(y) ? Infinity : y;
  };
  let simplex = [start, ...start.map((_, i) => start.map((x, j) => (i === j ? x + step : x)))].map((x) => ({
    x,
    y: value(x)
  }));
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; ++iterations) {
    simplex.sort((a, b) => a.y - b.y);
    const best = simplex[0]!;
    const worst = simplex[m]!;
    let spread = 0;
    for (const p of simplex) for (let j = 0; j < m; ++j) spread = Math.max(spread, Math.abs(p.x[j]! - best.x[j]!));
    if (Math.abs(worst.y - best.y) <= tolerance * (Math.abs(best.y) + tolerance) && spread <= Math.sqrt(tolerance)) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(m).fill(0);
    for (let i = 0; i < m; ++i) for (let j = 0; j < m; ++j) centroid[j]! += simplex[i]!.x[j]! / m;
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j]! - c));
    const reflected = along(-1);
    const yr = value(reflected);
    if (yr < best.y) {
      const expanded = along(-2);
      const ye = value(expanded);
      simplex[m] = ye < yr ? {x: expanded, y: ye} : {x: reflected, y: yr};
    } else if (yr < simplex[m - 1]!.y) {
      simplex[m] = {x: reflected, y: yr};
    } else {
      const contracted = yr < worst.y ? along(-0.5) : along(0.5);
      const yc = value(contracted);
      if (yc < Math.min(yr, worst.y)) simplex[m] = {x: contracted, y: yc};
      else
        simplex = simplex
          .map((p, i) => (i === 0 ? p : {x: p.x.map((x, j) => best.x[j]! + 0.5 * (x - best.x[j]!)), y: NaN}))
          .map((p) => (Number.isNaN(p.y) ? {x: p.x, y: value(p.x)} : p));
    }
  }
  simplex.sort((a, b) => a.y - b.y);
  return {x: simplex[0]!.x, value: simplex[0]!.y, iterations, converged};
}
