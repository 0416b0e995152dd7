import {afterEach, beforeEach, expect, it, vi} from "vitest";
import {IngestClient} from "../src/components/ingestClient.js";
import {FakeWorker, useFakeWorker} from "./fixtures/fakeWorker.js";

// DuckDB-wasm is imported by Framework's npm: specifier, which only the site resolves; these
// tests never start it.
vi.mock("../src/components/duckdb.js", () => ({compileDuckDB: () => new Promise(() => {})}));

let restore: () => void;
beforeEach(() => void (restore = useFakeWorker()));
afterEach(() => restore());

it("fails a request whose worker stops, and asks the next of a fresh worker", async () => {
  const client = new IngestClient("ingest.js");
  try {
    const sheet = client.inspectSheet("Accounts");
    const [worker] = FakeWorker.made;
    expect(worker!.sent).toEqual([{type: "inspect", sheet: "Accounts"}]);
    worker!.onerror!({message: ""});
    await expect(sheet).rejects.toThrow("the file reader stopped: it failed (out of memory?)");
    expect(worker!.terminated).toBe(true);

    const again = client.inspectSheet("Accounts");
    expect(FakeWorker.made).toHaveLength(2);
    const fresh = FakeWorker.made[1]!;
    expect(fresh.sent).toEqual([{type: "inspect", sheet: "Accounts"}]);
    fresh.onmessage!({data: {type: "progress", message: "Reading…"}});
    fresh.onmessage!({data: {type: "error", message: "Sheet “Accounts” is empty."}});
    await expect(again).rejects.toThrow("Sheet “Accounts” is empty.");
  } finally {
    client.terminate();
  }
});
