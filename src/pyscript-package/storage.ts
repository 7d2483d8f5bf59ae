/**
 * The IndexedDB half of Python's `pyscript.storage`, the same on the page and
 * in workers (both have IndexedDB; one origin shares one set of stores). Each
 * named store is a database of its own, `@pyscript/<name>`, holding one
 * object store of key → text (the Python side serializes the values). Changes
 * are written as they are made, each in its own transaction (IndexedDB runs
 * them in order); `storage_sync` waits for all of them so far. Like every
 * bridge call, these report errors as messages instead of throwing.
 */
import { failed, messageOf, type StorageKey } from "./bridge.js";

const ENTRIES = "entries";

/** One open store: its database, and the writes still under way. */
class Store {
  private pending = new Set<Promise<void>>();
  private failures: string[] = [];

  constructor(readonly name: string, readonly db: IDBDatabase) {}

  /** Queue a change; a key IndexedDB can't take throws at once. */
  write(change: (entries: IDBObjectStore) => void): void {
    const transaction = this.db.transaction(ENTRIES, "readwrite");
    change(transaction.objectStore(ENTRIES));
    const done = new Promise<void>((resolve) => {
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => {
        this.failures.push(transaction.error?.message ?? "the write was aborted");
        resolve();
      };
    });
    this.pending.add(done);
    void done.then(() => this.pending.delete(done));
  }

  /** Wait for every write so far; throw if any of them failed. */
  async sync(): Promise<void> {
    await Promise.all([...this.pending]);
    const failures = this.failures.splice(0);
    if (failures.length) {
      throw new Error(`storage("${this.name}"): ${failures.length} change(s) could not be saved: ${failures.join("; ")}. ` +
        "The browser may be out of space for this site, or in a mode that doesn't keep data.");
    }
  }

  /** Every entry, as JSON `[[key, text], …]`. */
  entries(): Promise<string> {
    const entries = this.db.transaction(ENTRIES, "readonly").objectStore(ENTRIES);
    const keys = entries.getAllKeys();
    const values = entries.getAll();
    return new Promise((resolve, reject) => {
      values.onsuccess = () => resolve(JSON.stringify(keys.result.map((key, i) => [key, values.result[i]])));
      values.onerror = () => reject(new Error(`storage("${this.name}"): could not read it: ${values.error?.message}`));
    });
  }
}

const opening = new Map<string, Promise<Store>>();
const open = new Map<string, Store>();

function openStore(name: string): Promise<Store> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === "undefined") {
      throw new Error(`storage("${name}"): this browser offers no IndexedDB here, so nothing can be stored.`);
    }
    const request = indexedDB.open(`@pyscript/${name}`, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(ENTRIES);
    request.onsuccess = () => {
      const store = new Store(name, request.result);
      store.db.onversionchange = () => (store.db.close(), opening.delete(name), open.delete(name));
      open.set(name, store);
      resolve(store);
    };
    request.onerror = () => reject(new Error(`storage("${name}"): IndexedDB could not open it: ${request.error?.message}. ` +
      "The browser may block storage for this page (private mode, or site data turned off)."));
  });
}

function opened(name: string): Store {
  const store = open.get(name);
  if (!store) throw new Error(`storage("${name}") isn't open: get it with \`await storage("${name}")\` first.`);
  return store;
}

/** An open (or newly made) store: one open request per name at a time. */
function storeNamed(name: string): Promise<Store> {
  let store = opening.get(name);
  if (!store) {
    store = openStore(name);
    opening.set(name, store);
    store.catch(() => opening.delete(name));
  }
  return store;
}

/** What the bridges offer Python for `pyscript.storage` (see bridge.ts). */
export function storageBridge() {
  return {
    storage_open: (name: string): Promise<string> => storeNamed(name).then((store) => store.entries())
      .then((entries) => `{"entries": ${entries}}`, (thrown: unknown) => JSON.stringify({ error: messageOf(thrown) })),
    storage_set: (name: string, key: StorageKey, text: string) => failed(() => opened(name).write((entries) => entries.put(text, key))),
    storage_delete: (name: string, key: StorageKey) => failed(() => opened(name).write((entries) => entries.delete(key))),
    storage_clear: (name: string) => failed(() => opened(name).write((entries) => entries.clear())),
    storage_sync: (name: string): Promise<string> => Promise.resolve().then(() => opened(name).sync())
      .then(() => "", messageOf),
  };
}
