/** Base64 in a browser: `btoa`/`atob` over binary strings, a slice at a time. */

// Bytes per String.fromCharCode call: well under every engine's limit on arguments.
const SLICE = 0x8000;

/** The base64 of `bytes[start, end)`. */
export function toBase64(bytes: Uint8Array, start = 0, end = bytes.byteLength): string {
  let binary = '';
  for (let at = start; at < end; at += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(at, Math.min(at + SLICE, end)));
  }
  return btoa(binary);
}

/** The bytes of base64 text (checked by the caller: see api/base64.ts). */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const encoder = new TextEncoder();

/** Writes ASCII text (base64, JSON punctuation) into `target` at `at`, one byte a character; the bytes written. */
export function writeAscii(target: Uint8Array, at: number, text: string): number {
  return encoder.encodeInto(text, target.subarray(at)).written;
}

/** `length` bytes to be overwritten whole. */
export function allocBytes(length: number): Uint8Array {
  return new Uint8Array(length);
}
