import {fileURLToPath} from "node:url";
import {defineConfig} from "vitest/config";

export default defineConfig({
  resolve: {
    // Unit tests run the model's TypeScript sources; the site and loaders use its tsc output.
    alias: [
      {find: /^tierwise\/node$/, replacement: fileURLToPath(new URL("./lib/src/node/index.ts", import.meta.url))},
      {find: /^tierwise$/, replacement: fileURLToPath(new URL("./lib/src/index.ts", import.meta.url))}
    ]
  },
  test: {
    projects: [
      {
        extends: true,
        // A generous bound: the tests assert values, never time, and must pass on a busy machine.
        test: {name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/browser/**"], testTimeout: 60_000}
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/browser/setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false
        }
      }
    ]
  }
});
