/**
 * The API's rule for base64 content (documents, assets): standard alphabet, whole groups of four,
 * `=` padding only at the end. The SDK checks content by it before sending; the emulator answers
 * 400 by it.
 */
export function isBase64(text: string): boolean {
  if (text.length === 0 || text.length % 4 !== 0) return false;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  // No repeated group in a regular expression: V8 keeps a backtrack entry per group and overflows
  // its stack on content of 5 MB and more.
  return !/[^A-Za-z0-9+/]/.test(text.slice(0, text.length - padding));
}
