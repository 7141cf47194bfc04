import { parseIni } from '../../src/auth/ini.js';

describe('parseIni', () => {
  it('reads sections, both delimiters, comments and blank lines', () => {
    const text = [
      '# leading comment',
      '[default]',
      'client_id = abc',
      '  client_secret:  s=cr:et  ',
      '; another comment',
      '',
      '[Other Profile]',
      'Auth_Endpoint=auth.example.test',
      '   # indented comment',
    ].join('\r\n');
    expect(parseIni(text)).toEqual({
      default: { client_id: 'abc', client_secret: 's=cr:et' },
      'Other Profile': { auth_endpoint: 'auth.example.test' },
    });
  });

  it('ignores lines before any section and lines without a delimiter', () => {
    expect(parseIni('orphan = 1\n[s]\nnovalue\nk = v\n')).toEqual({ s: { k: 'v' } });
  });

  it('keeps empty values and treats __proto__ as plain data', () => {
    const parsed = parseIni('[__proto__]\npolluted = yes\n[s]\nempty =\n');
    expect(parsed.s).toEqual({ empty: '' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
