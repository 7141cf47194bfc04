/**
 * What `action` throws, or what its promise rejects with. When it returns or resolves instead,
 * the test fails: unlike `.catch((e) => e)`, a call that wrongly succeeds cannot pass for an error.
 */
export async function thrown<E = Error>(action: PromiseLike<unknown> | (() => unknown)): Promise<E> {
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    return error as E;
  }
  throw new Error('expected a throw or a rejection, but it returned');
}
