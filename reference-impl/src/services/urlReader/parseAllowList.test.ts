import { describe, expect, it } from 'vitest';
import { parseAllowList } from './parseAllowList.js';

const allows = (entries: unknown[], url: string) => parseAllowList(entries)(new URL(url));

describe('parseAllowList', () => {
  it('URL-041: only http and https URLs are accepted', () => {
    expect(allows([{ host: 'example.com' }], 'https://example.com/a')).toBe(true);
    expect(allows([{ host: 'example.com' }], 'http://example.com/a')).toBe(true);
    expect(allows([{ host: 'example.com' }], 'ftp://example.com/a')).toBe(false);
    expect(allows([{ host: 'example.com' }], 'file://example.com/etc/passwd')).toBe(false);
  });

  it('URL-042: exact hosts match without regard to case', () => {
    expect(allows([{ host: 'Docs.Example.com' }], 'https://docs.example.COM/x')).toBe(true);
    expect(allows([{ host: 'docs.example.com' }], 'https://other.example.com/x')).toBe(false);
    expect(allows([{ host: 'example.com' }], 'https://evil-example.com/x')).toBe(false);
  });

  it('URL-043, URL-044: *.domain matches subdomains at any depth but not the bare domain', () => {
    expect(allows([{ host: '*.example.com' }], 'https://a.example.com/')).toBe(true);
    expect(allows([{ host: '*.example.com' }], 'https://a.b.example.com/')).toBe(true);
    expect(allows([{ host: '*.example.com' }], 'https://example.com/')).toBe(false);
    expect(allows([{ host: '*.example.com' }], 'https://badexample.com/')).toBe(false);
  });

  it('URL-045, URL-046, URL-047: ports and port ranges', () => {
    expect(allows([{ host: 'example.com' }], 'https://example.com:8443/')).toBe(false);
    expect(allows([{ host: 'example.com:8080' }], 'http://example.com:8080/')).toBe(true);
    expect(allows([{ host: 'example.com:443' }], 'https://example.com/')).toBe(true);
    expect(allows([{ host: 'example.com:8080' }], 'http://example.com/')).toBe(false);
    expect(allows([{ host: 'example.com:8000-8100' }], 'http://example.com:8050/')).toBe(true);
    expect(allows([{ host: 'example.com:8000-8100' }], 'http://example.com:8101/')).toBe(false);
  });

  it('URL-048, URL-049: paths are prefixes of the normalised path', () => {
    expect(allows([{ host: 'example.com' }], 'https://example.com/anything')).toBe(true);
    const entry = [{ host: 'example.com', paths: ['/docs/'] }];
    expect(allows(entry, 'https://example.com/docs/a.md')).toBe(true);
    expect(allows(entry, 'https://example.com/private/a.md')).toBe(false);
    expect(allows(entry, 'https://example.com/docs/../private/a.md')).toBe(false);
    expect(allows(entry, 'https://example.com/docs/%2e%2e/private/a.md')).toBe(false);
  });

  it('URL-050: malformed entries fail naming their index under backend.reading.allow', () => {
    const bad: unknown[] = [
      {},
      { host: '' },
      { host: 'prod.*.example.com' },
      { host: '*example.com' },
      { host: 'example.com:0' },
      { host: 'example.com:9000-8000' },
      { host: 'example.com:99999' },
    ];
    for (const entry of bad) {
      expect(
        () => parseAllowList([{ host: 'fine.example.com' }, entry]),
        JSON.stringify(entry),
      ).toThrow(
        expect.objectContaining({
          code: 'URL_INVALID_ALLOW_ENTRY',
          configPath: 'backend.reading.allow[1]',
          message: expect.stringContaining('backend.reading.allow[1]'),
        }),
      );
    }
  });

  it('an absent allow list accepts nothing', () => {
    expect(parseAllowList(undefined)(new URL('https://example.com/'))).toBe(false);
  });
});
