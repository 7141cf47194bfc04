/** Base64 in Node: Buffer's native codec. */

/** The base64 of `bytes[start, end)`. */
export function toBase64(bytes: Uint8Array, start = 0, end = bytes.byteLength): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64', start, end);
}

/** The bytes of base64 text (checked by the caller: see api/base64.ts). */
export function fromBase64(text: string): Uint8Array {
  return Buffer.from(text, 'base64');
}

/** Writes ASCII text (base64, JSON punctuation) into `target` at `at`, one byte a character; the bytes written. */
export function writeAscii(target: Uint8Array, at: number, text: string): number {
  return Buffer.from(target.buffer, target.byteOffset, target.byteLength).write(text, at, 'latin1');
}

/** `length` bytes to be overwritten whole (not zeroed: the caller writes every byte). */
export function allocBytes(length: number): Uint8Array {
  return Buffer.allocUnsafe(length);
}
