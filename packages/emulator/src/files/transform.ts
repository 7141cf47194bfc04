/**
 * What `GET fileUrl` answers: the document's bytes, transformed by its query as the service's file
 * server does for what the emulator can do in plain JavaScript (jimp): `page` and `rotation` turn an
 * image (JPEG, PNG, TIFF) into a JPEG of that page, rotated clockwise by that many degrees (as
 * ImageMagick's `-rotate`, whose `density` the query also names). `width`, `height`, `density` and
 * `quality` are checked and answered as the original, and so are PDFs and WebP images (no
 * pure-JS codec for them): the emulator has no renderer.
 */
import { documentFileQuerySchema, validate } from 'las-sdk/api';
import { badRequest, HttpError } from '../http-error.js';
import type { JsonObject } from '../json.js';

/** Bytes and their content type. */
export interface TypedBytes {
  readonly bytes: Buffer;
  readonly type: string;
}

const INTEGER_PARAMETERS = ['width', 'height', 'page', 'rotation', 'density'] as const;
const TRANSFORMED_TYPES = new Set(['image/jpeg', 'image/png', 'image/tiff']);

// Decoding takes the emulator's one thread (an A4 page at 300 dpi: seconds) and 4 bytes a pixel:
// an image past an A4 page at 600 dpi is refused before it is decoded, so a small file that says
// it is 30000 pixels square cannot stall every other request for a minute.
const MAX_PIXELS = 36_000_000;

/** `file` as `query` asks for it; a 400 naming the parameter when the query is wrong. */
export async function transformed(file: TypedBytes, query: URLSearchParams): Promise<TypedBytes> {
  const { page, rotation } = checkedQuery(query);
  if ((page === undefined && rotation === undefined) || !TRANSFORMED_TYPES.has(file.type)) return file;
  // An image is one page (a TIFF's first): 0, or -1 from the end.
  if (page !== undefined && page !== 0 && page !== -1) throw badRequest(`page: ${page} is not a page of this document, which has 1 (0, or -1 from the end)`);
  // Loaded on the first transformation: jimp takes about half a second to load, which an
  // emulator that never turns an image (every test's) should not wait for at start.
  const [{ imageSize }, { Jimp }] = await Promise.all([import('image-size'), import('jimp')]);
  const unreadable = (error: unknown) => new HttpError(422, `The document's content cannot be read as ${file.type}: ${error instanceof Error ? error.message : String(error)}`);
  let size: { width: number; height: number };
  try {
    size = imageSize(file.bytes);
  } catch (error) {
    throw unreadable(error);
  }
  if (size.width * size.height > MAX_PIXELS) {
    throw new HttpError(422, `The emulator turns images of up to ${MAX_PIXELS / 1e6} megapixels (an A4 page at 600 dpi); this one is ${size.width}x${size.height}`);
  }
  const image = await Jimp.fromBuffer(file.bytes).catch((error: unknown) => {
    throw unreadable(error);
  });
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
