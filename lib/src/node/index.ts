// The Node-only face of the model (`tierwise/node`): what needs worker threads. The browser's
// bundle imports `tierwise`, which never imports this.
export {
  SimulationPool,
  simulatePortfolioInPool,
  type PoolSimulateOptions,
  type SimulationPoolOptions
} from "./simulationPool.js";
