/**
 * Parses INI text into `{ section: { key: value } }`, like Python's configparser for plain files:
 * `[section]` headers, `key = value` or `key: value`, `#`/`;` comment lines and blank lines.
 * Keys are lower-cased (configparser's default); section names keep their case.
 * Lines before the first section and lines without a delimiter are ignored.
 */
export function parseIni(text: string): Record<string, Record<string, string>> {
  // Null-prototype objects: a section or key named `__proto__` must stay plain data.
  const result: Record<string, Record<string, string>> = Object.create(null);
  let section: Record<string, string> | undefined;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      const name = header[1].trim();
      section = result[name] ??= Object.create(null);
      continue;
    }
    if (!section) continue;
    const at = line.search(/[=:]/);
    if (at <= 0) continue;
    section[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return result;
}
