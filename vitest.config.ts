import {fileURLToPath} from "node:url";
import {defineConfig} from "vitest/config";

export default defineConfig({
  resolve: {
    // Unit tests run the model's TypeScript sources; the site and loaders use its tsc output.
    alias: {tierwise: fileURLToPath(new URL("./lib/src/index.ts", import.meta.url))}
  },
  test: {
    projects: [
      {
        extends: true,
        // A generous bound, not a timing: vitest's default 5 s fails heavy tests on a loaded machine.
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
