/** What the 2024-11-29 tests of models, trainings and predictions share: a raw call whose answer is checked against the spec. */
import type { Clock } from '../src/clock.js';
import type { Emulator } from '../src/index.js';
import { internals } from '../src/internals.js';
import { answerChecker } from './answer-schemas.js';

const check = answerChecker([], '2024-11-29');

/** An emulator to call: its API's base URL and credentials. */
export interface Target {
  readonly apiEndpoint: string;
  readonly credentials: { getAccessToken(): Promise<string> };
}

/** An answer: its status and JSON body. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** A request to the emulator's API, without the SDK; a string body is sent as it is. */
export async function call(emu: Target, method: string, path: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${await emu.credentials.getAccessToken()}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${emu.apiEndpoint}${path}`, { method, headers, body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A 200 answer checked against the 2024-11-29 spec's component `ref` (closed objects): its body. */
export async function ok(ref: string, answer: Promise<Answer>): Promise<Record<string, unknown>> {
  const { status, body } = await answer;
  // The message shows in a failure.
  expect({ status, message: status === 200 ? undefined : body.message }).toEqual({ status: 200, message: undefined });
  expect(check(ref, body)).toBeUndefined();
  return body;
}

/** A 400 answer: its message. */
export async function refused(answer: Promise<Answer>): Promise<string> {
  const { status, body } = await answer;
  expect({ status, body }).toEqual({ status: 400, body: expect.objectContaining({ message: expect.any(String) }) });
  return body.message as string;
}

/** The clock of a started emulator (the testing kit's `testEmulator` serves 2021-09-23 only, whatever it is told). */
export function clockOf(emu: Emulator): Clock {
  const inside = internals.get(emu);
  if (!inside) throw new Error('not a started emulator');
  return inside.store.clock;
}
