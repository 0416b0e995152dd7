export {netPresentValue, type NetPresentValueOptions} from "./economics/netPresentValue.js";
export {
  accountFields,
  missingAccountColumns,
  type AccountField,
  type AccountFieldType
} from "./portfolio/accountFields.js";
export {checkSurvivalData, type SurvivalData, type CheckedSurvivalData} from "./survival/survivalData.js";
export {
  kaplanMeier,
  type KaplanMeier,
  type KaplanMeierOptions,
  type ConfidenceTransform
} from "./survival/kaplanMeier.js";
export {nelsonAalen, type NelsonAalen} from "./survival/nelsonAalen.js";
export {logRank, type LogRank} from "./survival/logRank.js";
export {lifeTable, type LifeTable, type LifeTableOptions} from "./survival/lifeTable.js";
export {fitExponential} from "./survival/fitExponential.js";
export {fitWeibull, type FitWeibullOptions} from "./survival/fitWeibull.js";
export {type ParametricFit} from "./survival/parametricFit.js";
export {fitShiftedBetaGeometric, type ShiftedBetaGeometric} from "./survival/fitShiftedBetaGeometric.js";
export {normalQuantile} from "./math/normalQuantile.js";
export {logGamma, logBeta, gammaQ, chiSquareSurvival} from "./math/gamma.js";
export {nelderMead, type NelderMeadOptions, type NelderMeadResult} from "./math/nelderMead.js";
export {randomStream, type Random} from "./random/randomStream.js";
