import {afterEach, beforeEach, expect, it} from "vitest";
import {allocateHeads, defaultScenario, packAllocation, type FirstAllocation} from "tierwise";
import {AllocationClient, allocationOutcomes, type AllocationRequest} from "../src/components/allocationClient.js";
import {portfolio24} from "./fixtures/accounts.js";
import {FakeWorker, useFakeWorker} from "./fixtures/fakeWorker.js";

const request: AllocationRequest = {
  scenario: defaultScenario,
  heads: 8,
  step: 0.5,
  trials: 50,
  seed: 3,
  asOf: 2024,
  objective: "mean",
  perTier: {}
};
let restore: () => void;
beforeEach(() => void (restore = useFakeWorker()));
afterEach(() => restore());

it("fails a request whose worker stops (out of memory, say), and sends the next to a fresh worker with the accounts and rules", async () => {
  const client = new AllocationClient("allocate.js", portfolio24);
  client.tierBy(defaultScenario.tierRules);
  const outcomes = allocationOutcomes(client, request);
  const next = outcomes.next();
  const [worker] = FakeWorker.made;
  expect(worker!.sent[0]).toMatchObject({id: 1, heads: 8, tierRules: defaultScenario.tierRules});
  expect((worker!.sent[0]!["columns"] as {length: number}).length).toBe(portfolio24.length);
  worker!.onerror!({message: ""});
  // The page is told, rather than waiting for ever.
  expect((await next).value).toEqual({
    id: 1,
    first: null,
    result: null,
    error: "the worker stopped: it failed (out of memory?)"
  });
  expect(worker!.terminated).toBe(true);

  client.run(request);
  expect(FakeWorker.made).toHaveLength(2);
  expect(FakeWorker.made[1]!.sent[0]).toMatchObject({id: 2, tierRules: defaultScenario.tierRules});
  expect(FakeWorker.made[1]!.sent[0]!["columns"]).toBeDefined();
});

it("unpacks the first result and the allocation the worker answers with, on the active accounts", async () => {
  let first: FirstAllocation | null = null;
  const allocation = allocateHeads(portfolio24, defaultScenario, {...request, onFrontier: (f) => (first = f)});
  const client = new AllocationClient("allocate.js", portfolio24);
  const firsts: unknown[] = [];
  const progress: number[] = [];
  const run = client.run(
    request,
    (done) => progress.push(done),
    (f) => firsts.push(f.allocation)
  );
  const worker = FakeWorker.made[0]!;
  worker.onmessage!({data: {id: run.id, first: packAllocation(first!).packed, progress: 0.5}});
  worker.onmessage!({data: {id: run.id, result: packAllocation(allocation).packed}});
  const result = await run.promise;
  expect(progress).toEqual([0.5]);
  expect(firsts).toEqual([first!.allocation]);
  expect(result.allocation).toEqual(allocation.allocation);
  expect(result.total).toEqual(allocation.total);
});

it("rejects an answer that carries neither an allocation nor progress, and one with an error, with its message", async () => {
  const client = new AllocationClient("allocate.js", portfolio24);
  const run = client.run(request);
  FakeWorker.made[0]!.onmessage!({data: {id: run.id}});
  await expect(run.promise).rejects.toThrow("the allocation worker answered with no allocation");
  const again = client.run(request);
  // The worker that answered is kept, and is not sent the accounts again.
  expect(FakeWorker.made).toHaveLength(1);
  expect(FakeWorker.made[0]!.sent[1]!["columns"]).toBeUndefined();
  FakeWorker.made[0]!.onmessage!({data: {id: again.id, error: "heads: must be a number of at least 0, got -1"}});
  await expect(again.promise).rejects.toThrow("heads: must be a number of at least 0, got -1");
});

it("starts its worker early with the portfolio, tells it new rules, and does not send the accounts twice", () => {
  const client = new AllocationClient("allocate.js");
  client.prepare();
  const worker = FakeWorker.made[0]!;
  expect(worker.sent[0]).toEqual({columns: null, tierRules: null});
  client.portfolio(portfolio24);
  expect((worker.sent[1]!["columns"] as {length: number}).length).toBe(portfolio24.length);
  client.tierBy(defaultScenario.tierRules);
  expect(worker.sent[2]).toEqual({tierRules: defaultScenario.tierRules});
  client.run(request);
  expect(FakeWorker.made).toHaveLength(1);
  expect(worker.sent[3]).toMatchObject({id: 1, heads: 8});
  expect(worker.sent[3]!["columns"]).toBeUndefined();
  // A new request while one runs ends its worker and starts a fresh one, sent the portfolio.
  client.run(request);
  expect(worker.terminated).toBe(true);
  expect(FakeWorker.made[1]!.sent[0]!["columns"]).toBeDefined();
  expect(client.latest).toBe(2);
});
