/**
 * What `GET fileUrl` answers: the document's bytes, transformed by its query as the service's file
 * server does for what the emulator can do in plain JavaScript (jimp): `page` and `rotation` turn an
 * image (JPEG, PNG, TIFF) into a JPEG of that page, rotated clockwise by that many degrees (as
 * ImageMagick's `-rotate`, whose `density` the query also names). `width`, `height`, `density` and
 * `quality` are checked and answered as the original, and so are PDFs and WebP images (no
 * pure-JS codec for them): the emulator has no renderer.
 */
import { documentFileQuerySchema, validate } from 'las-sdk/api';
import { Jimp } from 'jimp';
import { badRequest, HttpError } from '../http-error.js';
import type { JsonObject } from '../json.js';

/** Bytes and their content type. */
export interface TypedBytes {
  readonly bytes: Buffer;
  readonly type: string;
}

const INTEGER_PARAMETERS = ['width', 'height', 'page', 'rotation', 'density'] as const;
const TRANSFORMED_TYPES = new Set(['image/jpeg', 'image/png', 'image/tiff']);

/** `file` as `query` asks for it; a 400 naming the parameter when the query is wrong. */
export async function transformed(file: TypedBytes, query: URLSearchParams): Promise<TypedBytes> {
  const { page, rotation } = checkedQuery(query);
  if ((page === undefined && rotation === undefined) || !TRANSFORMED_TYPES.has(file.type)) return file;
  // An image is one page (a TIFF's first): 0, or -1 from the end.
  if (page !== undefined && page !== 0 && page !== -1) throw badRequest(`page: ${page} is not a page of this document, which has 1 (0, or -1 from the end)`);
  let image: Awaited<ReturnType<typeof Jimp.fromBuffer>>;
  try {
    image = await Jimp.fromBuffer(file.bytes);
  } catch (error) {
    throw new HttpError(422, `The document's content cannot be read as ${file.type}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // jimp turns counter-clockwise.
  if (rotation !== undefined && rotation % 360 !== 0) image.rotate(-rotation);
  return { bytes: await image.getBuffer('image/jpeg'), type: 'image/jpeg' };
}

function checkedQuery(query: URLSearchParams): { page?: number; rotation?: number } {
  const given: JsonObject = {};
  for (const name of INTEGER_PARAMETERS) {
    const text = query.get(name);
    if (text !== null) given[name] = /^-?\d{1,10}$/.test(text) ? Number(text) : text;
  }
  const quality = query.get('quality');
  if (quality !== null) given.quality = quality;
  const problem = validate(documentFileQuerySchema, given, 'query');
  if (problem) throw badRequest(problem);
  return { page: given.page as number | undefined, rotation: given.rotation as number | undefined };
}
