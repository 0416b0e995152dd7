import {findChromium} from "./chromium.js";
import {listPages} from "./site.js";

// Fail once, early and clearly, rather than in every test file: no Chromium (after trying to install
// it) or no built site.
export default async function setup() {
  findChromium();
  await listPages();
}
