import { cleanup, render, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { markdownToText } from '@/components/chat/markdown';
import { MessageMarkdown, sanitizeUrl } from '@/components/chat/message-markdown';
import { I18nProvider } from '@/lib/i18n/provider';

function renderMarkdown(text: string) {
  return render(
    <I18nProvider locale="en">
      <div data-testid="md">
        <MessageMarkdown text={text} />
      </div>
    </I18nProvider>,
  );
}

describe('MessageMarkdown', () => {
  it('renders bold, lists and safe links', () => {
    renderMarkdown(
      'The **Pro** plan includes:\n\n- SSO\n- Audit log\n\n1. Sign up\n2. Invite your team\n\nSee [pricing](https://example.com/pricing) or [email us](mailto:sales@example.com).',
    );
    const root = screen.getByTestId('md');
    expect(within(root).getByText('Pro').tagName).toBe('STRONG');
    const lists = within(root).getAllByRole('list');
    expect(lists.map((list) => list.tagName)).toEqual(['UL', 'OL']);
    expect(within(lists[0]!).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['SSO', 'Audit log']);
    expect(within(lists[1]!).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Sign up', 'Invite your team']);

    const pricing = within(root).getByRole('link', { name: /pricing/ });
    expect(pricing).toHaveAttribute('href', 'https://example.com/pricing');
    expect(pricing).toHaveAttribute('target', '_blank');
    expect(pricing).toHaveAttribute('rel', 'noopener noreferrer');
    expect(pricing).toHaveAccessibleName('pricing (opens in a new tab)');
    expect(within(root).getByRole('link', { name: /email us/ })).toHaveAttribute('href', 'mailto:sales@example.com');
  });

  it('never renders raw HTML: script and img onerror stay text', () => {
    renderMarkdown('Hello <script>window.hacked = true</script> and <img src=x onerror="window.hacked=true"> <iframe src="https://evil.test"></iframe>');
    const root = screen.getByTestId('md');
    expect(root.querySelector('script, img, iframe')).toBeNull();
    for (const element of Array.from(root.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        expect(attribute.name.startsWith('on')).toBe(false);
      }
    }
    expect(root.textContent).toContain('Hello');
    expect((window as unknown as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it('drops javascript:, data: and relative link targets but keeps the words', () => {
    renderMarkdown('[click me](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [rel](/admin) [caps](JAVASCRIPT:alert(1))');
    const root = screen.getByTestId('md');
    expect(within(root).queryAllByRole('link')).toHaveLength(0);
    expect(root.querySelector('[href]')).toBeNull();
    expect(root.textContent).toContain('click me');
    expect(root.textContent).toContain('caps');
  });

  it('does not load markdown images and renders headings as paragraphs', () => {
    renderMarkdown('# Big title\n\n![tracking pixel](https://evil.test/pixel.png)');
    const root = screen.getByTestId('md');
    expect(root.querySelector('img')).toBeNull();
    expect(within(root).queryAllByRole('heading')).toHaveLength(0);
    expect(within(root).getByText('Big title').tagName).toBe('P');
    expect(root.textContent).toContain('tracking pixel');
  });

  it('renders tables, nested lists, code blocks, quotes, hard breaks and bare links', () => {
    renderMarkdown(
      [
        '| Plan | Price |',
        '| --- | ---: |',
        '| Starter | $10 |',
        '| **Pro** | $24 |',
        '',
        '- Seats',
        '  - up to 10',
        '  - more on request',
        '- Support',
        '',
        '3. third',
        '4. fourth',
        '',
        '```',
        '<script>window.hacked = true</script>',
        '```',
        '',
        '> quoted line',
        '',
        'first  ',
        'second and https://example.com/docs.',
      ].join('\n'),
    );
    const root = screen.getByTestId('md');
    const table = within(root).getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Plan', 'Price']);
    expect(within(table).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Starter', '$10', 'Pro', '$24']);
    expect(within(table).getByText('Pro').tagName).toBe('STRONG');
    expect(within(table).getAllByRole('cell')[1]).toHaveStyle({ textAlign: 'right' });

    const [outer, nested, numbered] = within(root).getAllByRole('list');
    expect(outer!.tagName).toBe('UL');
    expect(outer!.contains(nested!)).toBe(true);
    expect(within(nested!).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['up to 10', 'more on request']);
    expect(numbered!.tagName).toBe('OL');
    expect(numbered).toHaveAttribute('start', '3');

    const code = root.querySelector('pre code');
    expect(code?.textContent).toBe('<script>window.hacked = true</script>');
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('blockquote')?.textContent).toBe('quoted line');
    expect(root.querySelector('br')).not.toBeNull();
    expect(within(root).getByRole('link', { name: /example\.com\/docs/ })).toHaveAttribute('href', 'https://example.com/docs');
  });

  it('keeps emphasis markers that close nothing, and snake_case words, as text', () => {
    renderMarkdown('2 * 3 = 6, snake_case_name, **unclosed and _lonely');
    const root = screen.getByTestId('md');
    expect(root.textContent).toBe('2 * 3 = 6, snake_case_name, **unclosed and _lonely');
    expect(root.querySelector('em, strong')).toBeNull();
  });

  it('makes links only of absolute http(s) and mailto targets, whatever the markdown (property)', () => {
    const pieces = fc.constantFrom(
      '[a](', '](', ')', '<', '>', 'javascript:alert(1)', 'JaVaScRiPt:x', 'data:text/html,x', 'vbscript:x', '//evil.test', 'https://ok.test',
      'mailto:a@b.test', '![i](', '**', '_', '`', '\n', '\n\n', '- ', '1. ', '| a | b |\n| - | - |\n', '<img src=x onerror=alert(1)>', '"', ' ', 'x',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 24 }), (parts) => {
        cleanup();
        renderMarkdown(parts.join(''));
        const root = screen.getByTestId('md');
        const allowed = new Set(['DIV', 'P', 'STRONG', 'EM', 'DEL', 'CODE', 'PRE', 'BR', 'HR', 'A', 'SPAN', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD']);
        for (const element of Array.from(root.querySelectorAll('*'))) {
          expect(allowed.has(element.tagName)).toBe(true);
          for (const attribute of Array.from(element.attributes)) expect(attribute.name.startsWith('on')).toBe(false);
        }
        for (const link of Array.from(root.querySelectorAll('[href]'))) expect(link.getAttribute('href')).toMatch(/^(https?:\/\/|mailto:)/i);
      }),
      { numRuns: 300 },
    );
  });

  it('sanitizeUrl allows only absolute http(s) and mailto hrefs', () => {
    expect(sanitizeUrl('https://a.test/x', 'a', 'href')).toBe('https://a.test/x');
    expect(sanitizeUrl('http://a.test', 'a', 'href')).toBe('http://a.test');
    expect(sanitizeUrl('mailto:a@b.test', 'a', 'href')).toBe('mailto:a@b.test');
    expect(sanitizeUrl(' javascript:alert(1)', 'a', 'href')).toBeNull();
    expect(sanitizeUrl('vbscript:x', 'a', 'href')).toBeNull();
    expect(sanitizeUrl('//evil.test', 'a', 'href')).toBeNull();
    expect(sanitizeUrl('https://a.test/p.png', 'img', 'src')).toBeNull();
  });
});

describe('markdownToText (what a screen reader hears of a reply)', () => {
  it('keeps the words and drops the markup: emphasis, list markers, headings, links, code, quotes, rules, tables', () => {
    expect(
      markdownToText(
        'Con 12 personas le recomiendo **Pro**:\n\n- **Pro**: **$29 por usuario al mes**\n- *Business*: ~~$59~~ $49\n\n## Siguiente paso\n\n' +
          '1. [Reserve una demo](https://example.com/demo)\n2. Escriba `hola`\n\n> Sin permanencia\n\n---\n\n| Plan | Precio |\n| --- | --- |\n| Pro | $29 |',
      ),
    ).toBe(
      'Con 12 personas le recomiendo Pro:\nPro: $29 por usuario al mes\nBusiness: $59 $49\nSiguiente paso\nReserve una demo\nEscriba hola\nSin permanencia\nPlan, Precio\nPro, $29',
    );
  });

  it('leaves plain text and markers that close nothing as they are', () => {
    expect(markdownToText('Pro is $12 per seat.')).toBe('Pro is $12 per seat.');
    expect(markdownToText('2 * 3 = 6, snake_case_word and a lone **')).toBe('2 * 3 = 6, snake_case_word and a lone **');
  });
});
