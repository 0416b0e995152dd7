export {netPresentValue, type NetPresentValueOptions} from "./economics/netPresentValue.js";
export {
  accountFields,
  missingAccountColumns,
  type Account,
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
export {survivalAt} from "./survival/survivalAt.js";
export {referenceSurvival, type ReferenceSurvivalPoint} from "./survival/referenceSurvival.js";
export {atRiskAt} from "./survival/atRiskAt.js";
export {nelsonAalen, type NelsonAalen} from "./survival/nelsonAalen.js";
export {logRank, type LogRank} from "./survival/logRank.js";
export {lifeTable, type LifeTable, type LifeTableOptions} from "./survival/lifeTable.js";
export {fitExponential} from "./survival/fitExponential.js";
export {fitWeibull, type FitWeibullOptions} from "./survival/fitWeibull.js";
export {type ParametricFit} from "./survival/parametricFit.js";
export {industrySurvival, type IndustrySurvival, type IndustrySurvivalOptions} from "./survival/industrySurvival.js";
export {fitShiftedBetaGeometric, type ShiftedBetaGeometric} from "./survival/fitShiftedBetaGeometric.js";
export {normalQuantile} from "./math/normalQuantile.js";
export {throttleProgress, type ThrottleProgressOptions} from "./progress/throttleProgress.js";
export {logGamma, logBeta, gammaQ, chiSquareSurvival} from "./math/gamma.js";
export {nelderMead, type NelderMeadOptions, type NelderMeadResult} from "./math/nelderMead.js";
export {randomStream, uint32Stream, type Random} from "./random/randomStream.js";
export {randomExponential, type ExponentialStream} from "./random/randomExponential.js";
export {generateSamplePortfolio, type SamplePortfolioOptions} from "./sample/generateSamplePortfolio.js";
export {
  validateAccounts,
  type RejectedRow,
  type ValidateAccountsOptions,
  type ValidatedAccounts
} from "./portfolio/validateAccounts.js";
export {toCsv, type ToCsvOptions} from "./portfolio/toCsv.js";
export {
  accountAt,
  accountColumnBuffers,
  accountColumns,
  accountNumberFields,
  accountsFromColumns,
  accountTextFields,
  textAt,
  textColumn,
  textValues,
  type AccountColumns,
  type AccountNumberField,
  type AccountTextField,
  type TextColumn
} from "./portfolio/accountColumns.js";
export {checkAccountColumns, type CheckedAccountColumns} from "./portfolio/checkAccountColumns.js";
export {accountView, columnsOfAccounts} from "./portfolio/accountView.js";
export {textColumnUtf8, type Utf8Column} from "./portfolio/textColumnUtf8.js";
export {accountTemplateCsv, accountTemplateRows} from "./portfolio/accountTemplate.js";
export {attritionData, type AttritionData, type AttritionDataOptions} from "./portfolio/attritionData.js";
export {attritionOrigin, type AttritionOrigin} from "./portfolio/attritionOrigin.js";
export {portfolioAsOf} from "./portfolio/portfolioAsOf.js";
export {industrySummary, type IndustrySummary} from "./portfolio/industrySummary.js";
export {tiers, isTier, type Tier} from "./tiering/tiers.js";
export {
  assignTiers,
  checkRules,
  criteria,
  criterionFields,
  defaultTierRules,
  rankTiers,
  tieredRows,
  type Criterion,
  type RankCut,
  type ScoreCut,
  type TierRanking,
  type TierRules,
  type TieredAccount
} from "./tiering/assignTiers.js";
export {orderByValue, type OrderScratch} from "./tiering/orderByValue.js";
export {accountProfit, type AccountProfitOptions} from "./tiering/accountProfit.js";
export {whaleCurve, type WhaleCurve, type WhaleCurveOptions, type WhalePoint} from "./tiering/whaleCurve.js";
export {tierTotals, type TierTotal, type TierTotalsOptions} from "./tiering/tierTotals.js";
export {tierMoves, type TierMove} from "./tiering/tierMoves.js";
export {costToServe, defaultCostToServe, type CostToServe} from "./economics/costToServe.js";
export {defaultTierPolicies, type TierPolicy} from "./economics/tierPolicy.js";
export {accountCashFlows, type AccountCashFlows, type EconomicsSettings} from "./economics/accountCashFlows.js";
export {expectedNpv, type ExpectedNpvOptions, type YearlyFlows} from "./economics/expectedNpv.js";
export {breakEvenSurvival} from "./economics/breakEvenSurvival.js";
export {equivalentSurvival} from "./economics/equivalentSurvival.js";
export {customerLifetimeValue, type CustomerLifetimeValueInput} from "./economics/customerLifetimeValue.js";
export {summarize, quantileSorted, percentiles, type Summary} from "./simulation/summarize.js";
export {randomNormal} from "./simulation/randomNormal.js";
export {simulateAttrition, type AttritionPaths, type SimulateAttritionOptions} from "./simulation/simulateAttrition.js";
export {
  planSimulation,
  kernelPlan,
  blockCount,
  trialsPerBlock,
  type SimulationPlan,
  type KernelPlan,
  type PlanOptions
} from "./simulation/simulationPlan.js";
export {simulateBlocks, type BlocksOptions, type TrialsPart} from "./simulation/simulateBlocks.js";
export {paybackByYear, type PaybackYear} from "./simulation/paybackByYear.js";
export {finishSimulation} from "./simulation/finishSimulation.js";
export {mergeTrialsParts} from "./simulation/mergeTrialsParts.js";
export {
  simulatePortfolio,
  type Fan,
  type PortfolioSimulation,
  type SimulatePortfolioOptions,
  type TierOutcome
} from "./simulation/simulatePortfolio.js";
export {
  blsEstablishmentHazard,
  defaultScenario,
  hazardAt,
  type AttritionAssumptions,
  type Scenario
} from "./scenario/scenario.js";
export {parseScenario, ScenarioError} from "./scenario/parseScenario.js";
export {hazardsUsed, type HazardsUsed, type HazardsUsedOptions} from "./scenario/hazardsUsed.js";
export {
  checkScenarioHazards,
  type CheckScenarioHazardsOptions,
  type ScenarioHazardsCheck
} from "./scenario/checkScenarioHazards.js";
export {parseHazardPaths, type ParsedHazardPaths} from "./scenario/parseHazardPaths.js";
export {compactScenario} from "./scenario/compactScenario.js";
export {excerpt, excerptValue, quote, type ExcerptOptions} from "./text/excerpt.js";
export {
  formatMoney,
  formatNumber,
  formatPercent,
  minus,
  plural,
  roundForCsv,
  type FormatMoneyOptions,
  type FormatNumberOptions,
  type FormatPercentOptions
} from "./text/format.js";
export {
  currencyCodes,
  currencyPrefix,
  currencyProblem,
  detectCurrency,
  isCurrencyCode,
  moneyScale
} from "./text/currency.js";
export {healthEffect} from "./scenario/healthEffect.js";
export {detectColumns, normaliseHeader, type ColumnMapping} from "./ingest/detectColumns.js";
export {
  parseNumber,
  parseYear,
  plainNumber,
  readNumber,
  type DecimalSeparator,
  type NumberReading,
  type Parsed,
  type ParseNumberOptions
} from "./ingest/parseValue.js";
export {
  columnEvidence,
  decideDecimalSeparators,
  decimalEvidence,
  numberFieldEvidence,
  type DecimalDecision,
  type DecimalDecisions,
  type DecimalEvidence
} from "./ingest/decimalSeparator.js";
export {
  decodeText,
  detectEncoding,
  type DecodedText,
  type DetectedEncoding,
  type TextEncodingName
} from "./ingest/decodeText.js";
export {checkFileSize, fileSizeLimit, type FileSizeLimitOptions} from "./ingest/fileSizeLimit.js";
export {findTable, toCell, type Cell, type FindTableOptions, type FoundTable} from "./ingest/findTable.js";
export {sniffFormat, type FileFormat, type SniffedFormat} from "./ingest/sniffFormat.js";
export {uniqueHeaders} from "./ingest/uniqueHeaders.js";
export {ingestRows, ingestRowsAsColumns, type Ingested, type IngestRowsOptions} from "./ingest/ingestRows.js";
export {
  ingestColumns,
  type CellColumn,
  type IngestColumnsOptions,
  type IngestedColumns
} from "./ingest/ingestColumns.js";
export {parseDelimited, type Delimited, type ParseDelimitedOptions} from "./ingest/parseDelimited.js";
export {csvRecords, type CsvRecords} from "./ingest/csvRecords.js";
export {arrowColumnValues, arrowTextCells, TextCells, type ArrowVectorLike} from "./ingest/arrowColumnValues.js";
export {arrowCells, cellKind, NumberCells} from "./ingest/numberCells.js";
export {isTrimSpace} from "./ingest/trimSpace.js";
export {
  readDelimited,
  type DelimitedDatabase,
  type ReadDelimited,
  type ReadDelimitedOptions
} from "./ingest/readDelimited.js";
export {hazardPath, type HazardPathOptions} from "./survival/hazardPath.js";
export {estimateHazards, type EstimateHazardsOptions, type IndustryHazards} from "./survival/estimateHazards.js";
export {exp, log, pow} from "./math/deterministic.js";
export {pairedDifference, type PairedDifference} from "./compare/pairedDifference.js";
export {npvSurface, type NpvSurface, type NpvSurfaceCell, type NpvSurfaceOptions} from "./compare/npvSurface.js";
export {
  sensitivity,
  sensitivityParameters,
  sensitivityRuns,
  type Sensitivity,
  type SensitivityOptions,
  type SensitivityParameter,
  type SensitivityRow,
  type SensitivityTarget
} from "./compare/sensitivity.js";
export {histogram, type HistogramBin} from "./report/histogram.js";
export {tierVerdict, type TierVerdict} from "./report/tierVerdict.js";
export {verdictSummary} from "./report/verdictSummary.js";
export {
  scenarioReport,
  scenarioReportOf,
  type SimulatedScenario,
  type ReportTier,
  type ScenarioReport,
  type ScenarioReportOptions
} from "./report/scenarioReport.js";
export {
  hazardPercentText,
  readHazardTable,
  type HazardCellProblem,
  type HazardTableRow,
  type ReadHazardTable,
  type ReadHazardTableOptions
} from "./scenario/readHazardTable.js";
export {
  anchorHeads,
  defaultEffortResponse,
  effortCashFlows,
  effortResponse,
  effortShape,
  responseRateTimesAnchor,
  type EffortCashFlows,
  type EffortResponse,
  type EffortShape
} from "./allocation/effortResponse.js";
export {
  gaussHermite,
  lifetimeDistribution,
  shockQuadrature,
  type ShockQuadrature
} from "./allocation/expectedSurvival.js";
export {
  accountValueCurve,
  allocateHeads,
  bandedRows,
  frontierRows,
  type AccountValueCurve,
  type AccountValueCurveOptions,
  type AllocateHeadsOptions,
  type AllocationObjective,
  type AllocationRow,
  type AllocationTotal,
  type FewerHeads,
  type FirstAllocation,
  type FrontierRow,
  type HeadsAllocation,
  type NextHead,
  type PendingTotal,
  type TierAllocation
} from "./allocation/allocateHeads.js";
export {
  allocationFutures,
  allocationScale,
  headsSteps,
  maxAccountFutures,
  maxAllocationPoints,
  type AllocationScale,
  type AllocationScaleOptions
} from "./allocation/allocationScale.js";
export {
  packAllocation,
  unpackAllocation,
  type AllocationColumns,
  type PackedAllocation,
  type UnpackedAllocation
} from "./allocation/packAllocation.js";
export {reportCharts, type ReportCharts, type ReportChartsOptions} from "./report/reportCharts.js";
export {reportTables, words, type ReportCell, type ReportTable, type ReportTables} from "./report/reportTables.js";
export {reportBody, renderReport, reportCss, type ReportProvenance} from "./report/renderReport.js";
export {allocationReport, type AllocationReport, type AllocationReportOptions} from "./report/allocationReport.js";
export {allocationTables, type AllocationTables} from "./report/allocationTables.js";
export {frontierChart, type FrontierChartOptions, type FrontierPoint} from "./report/frontierChart.js";
export {allocationReportBody, renderAllocationReport} from "./report/renderAllocationReport.js";
export {portfolioDigest, type PortfolioDigestOptions} from "./report/portfolioDigest.js";
export {escapeMarkup, niceTicks} from "./report/svgText.js";
export {sha256, type Sha256} from "./text/sha256.js";
export {version} from "./version.js";
export {readOnlySql, type ReadOnlySql, type ReadOnlySqlOptions} from "./query/readOnlySql.js";
