import {afterEach, beforeEach, expect, it} from "vitest";
import {defaultScenario} from "tierwise";
import {SimulationClient} from "../src/components/simulationClient.js";
import {portfolio24} from "./fixtures/accounts.js";
import {FakeWorker, useFakeWorker} from "./fixtures/fakeWorker.js";

const settings = {trials: 10, seed: 1, asOf: 2024};
let restore: () => void;
beforeEach(() => void (restore = useFakeWorker()));
afterEach(() => restore());

it("rejects a request whose worker fails, and starts the next on a fresh worker with the accounts", async () => {
  const client = new SimulationClient("simulate.js", portfolio24);
  const first = client.run(defaultScenario, settings);
  const [worker] = FakeWorker.made;
  expect(worker!.sent[0]).toMatchObject({id: first.id, kind: "simulate", trials: 10});
  expect(worker!.sent[0]!["columns"]).toBeDefined();
  worker!.onerror!({message: ""});
  await expect(first.promise).rejects.toThrow("the worker stopped: it failed (out of memory?)");
  expect(worker!.terminated).toBe(true);

  const second = client.run(defaultScenario, settings);
  expect(FakeWorker.made).toHaveLength(2);
  const fresh = FakeWorker.made[1]!;
  expect(fresh.sent[0]!["columns"]).toBeDefined();
  fresh.onmessage!({data: {id: second.id, progress: 0.5}});
  fresh.onmessage!({data: {id: second.id, result: "done"}});
  await expect(second.promise).resolves.toBe("done");
  // The worker that answered is kept, and is not sent the accounts again.
  client.run(defaultScenario, settings);
  expect(FakeWorker.made).toHaveLength(2);
  expect(fresh.sent[1]!["columns"]).toBeUndefined();
});

it("cancels a request still running by ending its worker when a new one comes", () => {
  const client = new SimulationClient("simulate.js", portfolio24);
  const progress: number[] = [];
  client.run(defaultScenario, settings, (done) => progress.push(done));
  const [worker] = FakeWorker.made;
  worker!.onmessage!({data: {id: 1, progress: 0.25}});
  expect(progress).toEqual([0.25]);
  const next = client.run(defaultScenario, settings);
  expect(worker!.terminated).toBe(true);
  expect(FakeWorker.made).toHaveLength(2);
  expect(client.latest).toBe(next.id);
});
