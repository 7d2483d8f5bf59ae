// The page's DOM in a worker, its logic without threads: a RemoteDom (the
// worker's side) wired straight to a DomHost (the page's), over plain objects.
import { test, expect } from "@playwright/test";
import { DomHost } from "../../src/workers/dom-host.js";
import { RemoteDom } from "../../src/workers/dom-remote.js";
import type { DomOp } from "../../src/workers/dom-wire.js";

class FakeElement {
  constructor(public id: string, public children: FakeElement[] = []) {}
  focus(): string {
    return `focused ${this.id}`;
  }
}

class FakeDocument {
  title = "T";
  constructor(public body: FakeElement) {}
  find(id: string): FakeElement | null {
    return this.body.children.find((child) => child.id === id) ?? null;
  }
}

function wire() {
  const body = new FakeElement("body", [new FakeElement("a"), new FakeElement("b")]);
  const page = new FakeDocument(body);
  const requests: DomOp[] = [];
  const calls: [number, unknown[]][] = [];
  let released: [number, number][] = [];
  const host = new DomHost((id, args) => calls.push([id, args]), [{ name: "window" }, page]);
  const remote = new RemoteDom({
    request: (op) => (requests.push(op), host.perform(op)),
    release: (dropped) => (released = released.concat(dropped)),
    failed: (error) => { throw error; },
  });
  return { host, remote, doc: remote.document as any, requests, calls, released: () => released, body };
}

test("reads, writes and method calls reach the page object; each page object is one proxy", () => {
  const { doc, remote, host, requests } = wire();
  expect(doc.title).toBe("T");
  doc.title = "new";
  expect(doc.title).toBe("new");
  const a = doc.find("a");
  expect(a.id).toBe("a");
  expect(doc.find("a")).toBe(a); // identity holds
  expect(remote.refOf(a)).toBeGreaterThan(1);
  expect(a.focus()).toBe("focused a");
  expect(doc.find("zzz")).toBeNull();
  expect(host.held).toBe(3); // window, document, a
  const before = requests.length;
  a.focus(); // a known method: one round trip, no lookup
  expect(requests.length - before).toBe(1);
});

test("what interpreters probe on every new object is answered without asking the page", () => {
  const { doc, requests } = wire();
  const a = doc.find("a");
  const before = requests.length;
  expect(a.then).toBeUndefined(); // never thenable
  expect("then" in a).toBe(false);
  expect("length" in a).toBe(false);
  expect(a.next).toBeUndefined();
  expect(Object.prototype.toString.call(a)).toBe("[object Object]"); // its type tag, from the shape
  expect(a.constructor.name).toBe("FakeElement");
  expect(requests.length).toBe(before);
});

test("lists are iterable and read by index", () => {
  const { doc } = wire();
  const children = doc.body.children;
  expect(children.length).toBe(2);
  expect([...children].map((child: any) => child.id)).toEqual(["a", "b"]);
  expect(children[1].id).toBe("b");
});

test("a release counts references out: one crossing a newer reference to the same object keeps it", () => {
  const { host, remote, doc } = wire();
  doc.find("a");
  const id = remote.refOf(doc.find("a"))!; // sent twice
  host.release([[id, 1]]); // the worker had received it once when it let go
  expect(host.held).toBe(3);
  host.release([[id, 1]]);
  expect(host.held).toBe(2);
  host.release([[id, 1]]); // again: nothing left to drop
  expect(host.held).toBe(2);
});

test("worker functions given to the page become one page function each; its calls are posted back with page objects as references", async () => {
  const { doc, host, calls, remote } = wire();
  const seen: unknown[] = [];
  const handler = (event: any) => seen.push(event.id);
  doc.body.onclick = handler;
  doc.body.onclick2 = handler;
  const page = (host as any).objects.get(1);
  expect(page.body.onclick).toBe(page.body.onclick2);
  page.body.onclick(page.body.children[0]);
  expect(calls).toHaveLength(1);
  const [id, args] = calls[0]!;
  await remote.callBack(id, args as any);
  expect(seen).toEqual(["a"]);
});
