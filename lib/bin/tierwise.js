#!/usr/bin/env node
// The `tierwise` command: runs the compiled command line (lib/dist/node/cli.js), which npm ci
// builds through this package's prepare script.
import {existsSync} from "node:fs";

const cli = new URL("../dist/node/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("tierwise: the model is not compiled yet: run npm run prepare:lib\n");
  process.exit(2);
}
const {main} = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
