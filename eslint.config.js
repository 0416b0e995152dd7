import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {ignores: ["**/node_modules/", "dist/", "lib/dist/", "src/.observablehq/"]},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.node}},
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", {argsIgnorePattern: "^_", varsIgnorePattern: "^_"}]
    }
  },
  {
    files: ["src/components/**", "src/workers/**"],
    languageOptions: {globals: {...globals.browser}}
  },
  {
    // The model runs in a page, a worker, a data loader and the command line alike.
    files: ["lib/src/**"],
    languageOptions: {globals: {}},
    rules: {"no-restricted-globals": ["error", "window", "document", "process"]}
  }
);
