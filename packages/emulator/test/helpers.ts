import { readFileSync } from 'node:fs';
import { s, validate, type ObjectSchema, type Schema } from '../../../src/schema/index.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../src/index.js';
import { Las } from '../../../src/las.js';
import { ApiError } from '../../../src/errors.js';

/** A small but real PDF, as the quickstart uploads. */
export const PDF = readFileSync(new URL('../../../examples/invoice.pdf', import.meta.url));

/** The two things a test file needs: the running emulator and an SDK client on it. */
export interface EmulatorFixture {
  emu: Emulator;
  las: Las;
}

/** Starts an emulator before the file's tests and closes it after them; `las` speaks the version it serves. */
export function useEmulator(options: EmulatorOptions = {}): EmulatorFixture {
  const fixture = {} as EmulatorFixture;
  beforeAll(async () => {
    fixture.emu = await startEmulator(options);
    fixture.las = new Las({ credentials: fixture.emu.credentials, apiVersion: fixture.emu.apiVersion, maxRetries: 0 });
  });
  afterAll(async () => {
    await fixture.emu?.close();
  });
  return fixture;
}

/**
 * Checks an entity's wire data (what `JSON.stringify(entity)` gives) against the SDK's own schema
 * of it, strictly: the emulator answers exactly the shapes the SDK's types promise. `nullable`
 * names fields the emulator shows as null where neither the spec nor the SDK allows it (a
 * workflow's unset `completedConfig`).
 */
export function expectShape(schema: ObjectSchema, entity: unknown, nullable: string[] = []): void {
  const relaxed = { ...schema, properties: { ...schema.properties } } as ObjectSchema;
  for (const key of nullable) (relaxed.properties as Record<string, Schema>)[key] = s.nullable(schema.properties[key]);
  expect(validate(relaxed, JSON.parse(JSON.stringify(entity)), 'entity')).toBeUndefined();
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The `message` of an API error's JSON body. */
export function messageOf(error: ApiError): string {
  return (error.body as { message?: string } | undefined)?.message ?? '';
}

/** Polls `probe` until `done` holds for its value (every 20 ms, up to `timeoutMs`). */
export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A raw request to the emulator's API (no SDK), for what the SDK would refuse to send. */
export async function raw(
  emu: Emulator,
  method: string,
  path: string,
  options: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const token = options.token === undefined ? await emu.credentials.getAccessToken() : options.token;
  const headers: Record<string, string> = { ...options.headers };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${emu.apiEndpoint}${path}`, {
    method,
    headers,
    body:
      options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : options.body instanceof Uint8Array ? new Uint8Array(options.body) : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
