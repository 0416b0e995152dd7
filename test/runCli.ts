import {spawnSync} from "node:child_process";
import {fileURLToPath} from "node:url";

const cli = fileURLToPath(new URL("../lib/bin/tierwise.js", import.meta.url));

/**
 * Runs the `tierwise` command line as a user would, in a child process, with the report date fixed
 * (SOURCE_DATE_EPOCH: 2025-01-01), and returns its exit status, standard output and standard error.
 */
export function runCli(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], {
    encoding: "utf-8",
    env: {...process.env, SOURCE_DATE_EPOCH: "1735689600"}
  });
}
