/** Runs `call` `count` times, one after another. */
export async function repeat(count: number, call: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < count; i++) await call();
}

/** Runs `call` `count` times with `inFlight` calls at once. */
export async function pool(count: number, inFlight: number, call: () => Promise<unknown>): Promise<void> {
  let started = 0;
  const lane = async () => {
    while (started < count) {
      started++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
}
