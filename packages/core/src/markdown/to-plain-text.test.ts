import { describe, expect, it } from 'vitest';
import { toPlainText } from './to-plain-text';

const document = [
  '# The **Great** Wall',
  '',
  'Built over [centuries](https://en.wikipedia.org/wiki/Great_Wall "wiki"), see <https://example.com> or www.example.org.',
  '',
  '- first *item*',
  '- second `inline` item',
  '',
  '```python',
  'print("code")',
  '```',
  '',
  '| Dynasty | Years |',
  '| ------- | ----- |',
  '| Ming    | 1368  |',
  '',
  '![A photo of the wall](wall.jpg)',
  '',
  '<div>raw html</div>',
  '',
  'Footnote here[^1].',
  '',
  '[^1]: The note text.',
  '',
  '[ref]: https://example.com/ref',
].join('\n');

describe('toPlainText', () => {
  it('renders what a reader sees by default', () => {
    expect(toPlainText(document)).toBe(
      [
        'The Great Wall',
        '',
        'Built over centuries, see https://example.com or www.example.org.',
        '',
        'first item',
        '',
        'second inline item',
        '',
        'print("code")',
        '',
        'Dynasty\tYears',
        'Ming\t1368',
        '',
        'A photo of the wall',
        '',
        'Footnote here .',
        '',
        'The note text.',
      ].join('\n'),
    );
  });

  it('drops code, URLs, alt text and keeps HTML on request', () => {
    const text = toPlainText(document, { code: false, urls: false, imageAlt: false, html: true });
    expect(text).not.toContain('print');
    expect(text).not.toContain('inline');
    expect(text).not.toContain('example');
    expect(text).not.toContain('photo');
    expect(text).toContain('<div>raw html</div>');
    expect(text).toContain('centuries');
  });

  it('removes URLs GFM does not link', () => {
    expect(toPlainText('Get it from ftp://files.example.com/x.tar now', { urls: false })).toBe(
      'Get it from   now',
    );
  });

  it('returns an empty string for empty input', () => {
    expect(toPlainText('')).toBe('');
  });
});
