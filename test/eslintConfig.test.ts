import {describe, expect, it} from "vitest";
import {ESLint} from "eslint";
import {fileURLToPath} from "node:url";

const eslint = new ESLint({cwd: fileURLToPath(new URL("..", import.meta.url))});
const rules = async (code: string, filePath: string) =>
  (await eslint.lintText(code, {filePath}))[0]!.messages.map((m) => m.ruleId);

describe("eslint.config.js", () => {
  it("forbids both `key in object` and ** in the model, components, workers and pages", async () => {
    const code = "export const f = (key: string, o: object) => [key in o, 2 ** 3];\n";
    for (const file of ["lib/src/x.ts", "src/components/x.ts", "src/workers/x.ts"])
      expect(await rules(code, file)).toEqual(["no-restricted-syntax", "no-restricted-syntax"]);
    expect(await rules("const key = 'a'; display([key in {}, 2 ** 3]);\n", "src/page.md.js")).toEqual([
      "no-restricted-syntax",
      "no-restricted-syntax"
    ]);
    // Data loaders run in Node only: ** is forbidden there, `in` is not.
    expect(await rules(code, "src/data/x.ts")).toEqual(["no-restricted-syntax"]);
  });
});
