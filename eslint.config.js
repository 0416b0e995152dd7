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
    // A page's cells and inline expressions, as scripts/check-pages.ts hands them over (src/name.md.js).
    files: ["src/**/*.md.js"],
    languageOptions: {
      globals: {
        ...globals.browser,
        ...Object.fromEntries(
          [
            "FileAttachment",
            "display",
            "view",
            "width",
            "dark",
            "now",
            "invalidation",
            "visibility",
            "resize",
            "Mutable",
            "Generators",
            "html",
            "svg",
            "Plot",
            "d3",
            "Inputs",
            "md",
            "tex",
            "aq",
            "Arrow",
            "DuckDBClient",
            "sql",
            "katex",
            "observable"
          ].map((name) => [name, "readonly"])
        )
      }
    }
  },
  {
    // The model runs in a page, a worker, a data loader and the command line alike.
    files: ["lib/src/**"],
    languageOptions: {globals: {}},
    rules: {"no-restricted-globals": ["error", "window", "document", "process"]}
  },
  {
    // The command line and the file reader: Node only, never imported by the package's main entry.
    files: ["lib/src/node/**"],
    languageOptions: {globals: {...globals.node}},
    rules: {"no-restricted-globals": "off"}
  },
  {
    // Math.exp, Math.log, ** and the other transcendental functions may differ in the last bit
    // between Node and a browser; every number a page shows comes from lib/src/math/deterministic.ts.
    files: ["lib/src/**", "src/components/**", "src/workers/**", "src/data/**", "src/**/*.md.js"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...[
          "exp",
          "expm1",
          "log",
          "log1p",
          "log2",
          "log10",
          "pow",
          "sin",
          "cos",
          "tan",
          "asin",
          "acos",
          "atan",
          "atan2",
          "sinh",
          "cosh",
          "tanh",
          "asinh",
          "acosh",
          "atanh",
          "cbrt",
          "hypot"
        ].map((property) => ({
          object: "Math",
          property,
          message:
            "Not the same to the last bit in every engine: use exp, log or pow from lib/src/math/deterministic.ts."
        }))
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "BinaryExpression[operator='**'], AssignmentExpression[operator='**=']",
          message: "** is not the same to the last bit in every engine: use pow from lib/src/math/deterministic.ts."
        }
      ]
    }
  },
  {
    // Industries, regions and column names come from users' files and may be called "constructor"
    // or "__proto__": `key in object` finds every object's built-ins, so look such keys up in a Map
    // or with Object.hasOwn. A literal key (a discriminated union's tag) is fine.
    files: ["lib/src/**", "src/components/**", "src/workers/**", "src/**/*.md.js"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "BinaryExpression[operator='in'][left.type!='Literal']",
          message: "`key in object` also finds inherited built-ins such as 'constructor': use a Map or Object.hasOwn."
        },
        // A later block's options for a rule replace an earlier one's: this block, last, repeats ** above.
        {
          selector: "BinaryExpression[operator='**'], AssignmentExpression[operator='**=']",
          message: "** is not the same to the last bit in every engine: use pow from lib/src/math/deterministic.ts."
        }
      ]
    }
  }
);
