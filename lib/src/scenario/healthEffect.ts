import {exp} from "../math/deterministic.js";
import {formatNumber} from "../text/format.js";

/**
 * What a health coefficient does to attrition, in words: the hazard ratio of the healthiest firm
 * (health 1) and of the weakest (health 0) against a middling one (health 0.5), as the simulation
 * scales each customer's hazard on the complementary log-log scale (`exp(coefficient × (health − 0.5))`).
 *
 * @example
 * healthEffect(-1.5); // "−1.5: the healthiest firm has 0.47× the hazard of a middling one, the weakest 2.1×"
 */
export function healthEffect(coefficient: number): string {
  if (!Number.isFinite(coefficient)) throw new RangeError(`invalid health coefficient: ${coefficient}`);
  const ratio = (x: number) => {
    const r = exp(coefficient * (x - 0.5));
    return `${formatNumber(r, {digits: r < 1 ? 2 : 1})}×`;
  };
  const value = formatNumber(coefficient, {digits: 3});
  if (coefficient === 0) return `${value}: health does not change a firm's hazard`;
  return `${value}: the healthiest firm has ${ratio(1)} the hazard of a middling one, the weakest ${ratio(0)}`;
}
