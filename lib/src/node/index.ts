// The package's Node-only entry, `tierwise/node`: reading portfolio and scenario files from disk,
// making reports from them (for data loaders and the command line), and simulating on worker
// threads. The browser's bundle imports `tierwise`, which never imports this.
export {readPortfolioFile, type PortfolioFile, type ReadPortfolioFileOptions} from "./readPortfolioFile.js";
export {
  defaultReferencePath,
  publishAllocation,
  publishReport,
  readScenarioFile,
  type PublishAllocationOptions,
  type PublishOptions,
  type PublishedAllocation,
  type PublishReportOptions,
  type PublishedReport,
  type ScenarioFile
} from "./publishReport.js";
export {main} from "./cli.js";
export {
  SimulationPool,
  simulatePortfolioInPool,
  type PoolSimulateOptions,
  type SimulationPoolOptions
} from "./simulationPool.js";
export {
  codeStamp,
  nodeDigest,
  portfolioCacheKey,
  readPortfolioCache,
  writePortfolioCache,
  bookSummary,
  readBookSummary,
  writeBookSummary,
  type BookSummary,
  type DigestedPortfolio
} from "./portfolioCache.js";
export {
  readSimulationCache,
  simulationCacheKey,
  writeSimulationCache,
  type CachedSimulation
} from "./simulationCache.js";
