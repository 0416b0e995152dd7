// The package's Node-only entry, `tierwise/node`: reading portfolio and scenario files from disk and
// making reports from them, for data loaders and the command line.
export {readPortfolioFile, type PortfolioFile, type ReadPortfolioFileOptions} from "./readPortfolioFile.js";
export {
  defaultReferencePath,
  publishReport,
  readScenarioFile,
  type PublishReportOptions,
  type PublishedReport,
  type ScenarioFile
} from "./publishReport.js";
export {main} from "./cli.js";
