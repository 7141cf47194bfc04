/** One call of the Session as it goes, shared by its instrumentation, its report and its errors. */
import type { LasError } from '../errors.js';
import type { RequestOptions } from './request-options.js';

/** The HTTP methods the API's calls use (PUT: the file server's). */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const REQUEST_ID_HEADERS = ['x-amzn-requestid', 'x-request-id', 'x-amz-apigw-id'];

/** One call as it goes: its attempts and what the last one got, for the log and the hooks. */
export interface Call {
  readonly method: Method;
  readonly path: string;
  readonly options: RequestOptions;
  readonly started: number;
  attempts: number;
  status?: number;
  requestId?: string;
  /** Why the last attempt got no answer. */
  failure?: LasError;
  /** When the last attempt ended. */
  ended: number;
}

/** The request id of an answer, under any of the names the API's gateways use. */
export function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const id = headers.get(name);
    if (id) return id;
  }
  return undefined;
}
