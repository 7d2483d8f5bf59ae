/** A promise with its resolve/reject handles: how the kernel keeps its stages. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

export type Deferred<T> = ReturnType<typeof deferred<T>>;
