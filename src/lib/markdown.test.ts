import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders ordinary markdown', () => {
    expect(renderMarkdown('**vet** en _schuin_')).toBe('<p><strong>vet</strong> en <em>schuin</em></p>\n');
    expect(renderMarkdown('- een\n- twee')).toContain('<ul>\n<li>een</li>\n<li>twee</li>\n</ul>');
  });

  it('escapes raw HTML instead of passing it through', () => {
    const script = renderMarkdown('<script>alert(1)</script>');
    expect(script).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(script).not.toContain('<script');
    const img = renderMarkdown('<img src=x onerror=alert(1)>');
    expect(img).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(img).not.toContain('<img');
    expect(renderMarkdown('tekst <b onclick="x()">vet</b>')).not.toContain('<b');
  });

  it('makes no link of javascript:, vbscript:, data: or file: URLs', () => {
    for (const source of [
      '[x](javascript:alert(1))',
      '[x](JavaScript:alert(1))',
      '[x](vbscript:msgbox(1))',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '[x](file:///etc/passwd)',
      '<javascript:alert(1)>',
      '[x][ref]\n\n[ref]: javascript:alert(1)',
    ]) {
      const html = renderMarkdown(source);
      expect(html, source).not.toContain('<a');
      expect(html, source).not.toMatch(/href=/);
    }
  });

  it('keeps only http(s) and mailto links, with rel="noopener noreferrer"', () => {
    expect(renderMarkdown('[LEA](https://www.example.nl/lea?a=1&b=2)')).toBe(
      '<p><a href="https://www.example.nl/lea?a=1&amp;b=2" rel="noopener noreferrer">LEA</a></p>\n',
    );
    expect(renderMarkdown('[mail](mailto:lea@example.nl)')).toContain(
      '<a href="mailto:lea@example.nl" rel="noopener noreferrer">mail</a>',
    );
    expect(renderMarkdown('[ftp](ftp://example.nl/f)')).not.toContain('<a');
    expect(renderMarkdown('[relatief](/agenda)')).not.toContain('<a');
  });

  it('turns bare URLs and e-mail addresses into links', () => {
    expect(renderMarkdown('zie https://example.nl/x')).toContain(
      '<a href="https://example.nl/x" rel="noopener noreferrer">https://example.nl/x</a>',
    );
    expect(renderMarkdown('mail lea@example.nl')).toContain('<a href="mailto:lea@example.nl" rel="noopener noreferrer">');
  });

  it('demotes headings so user text starts at h3', () => {
    expect(renderMarkdown('# Kop')).toBe('<h3>Kop</h3>\n');
    expect(renderMarkdown('## Kop')).toBe('<h4>Kop</h4>\n');
    expect(renderMarkdown('Kop\n===')).toBe('<h3>Kop</h3>\n');
    expect(renderMarkdown('#### Kop')).toBe('<h6>Kop</h6>\n');
    expect(renderMarkdown('###### Kop')).toBe('<h6>Kop</h6>\n');
  });

  it('renders no images', () => {
    const html = renderMarkdown('![logo](https://example.nl/logo.png)');
    expect(html).not.toContain('<img');
  });

  it('renders tables, with alignment as a class instead of a style attribute', () => {
    const html = renderMarkdown('| Naam | Aantal |\n| :--- | ---: |\n| a | 1 |\n| b | 2 |');
    expect(html).toContain('<table>');
    expect(html).toContain('<th class="lea-align-left">Naam</th>');
    expect(html).toContain('<td class="lea-align-right">2</td>');
    expect(html).not.toMatch(/style=/i);
  });

  it('never emits a style attribute or element', () => {
    const source = [
      '# Kop',
      '<div style="color:red">x</div>',
      '<style>p{}</style>',
      '| a | b | c |\n|:-|:-:|-:|\n| 1 | 2 | 3 |',
      '```js\ncode\n```',
      '> citaat',
      '~~weg~~ `code` [l](https://example.nl "titel")',
    ].join('\n\n');
    const html = renderMarkdown(source);
    // Escaped text may still read "style=", but no tag may carry it.
    expect(html).toContain('&lt;div style=');
    expect(html).not.toMatch(/<[^>]*\sstyle\s*=/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).toContain('class="lea-align-center"');
  });
});
