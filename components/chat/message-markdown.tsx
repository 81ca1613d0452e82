import { Fragment, memo, useMemo, type ReactNode } from 'react';
import { useT } from '@/lib/i18n/provider';
import { textDirection, type TextDirection } from '@/lib/i18n/text-direction';
import { isolateLtrRuns, useShownDirection } from './bidi-text';
import { isSafeHref, parseMarkdown, type Block, type Inline } from './markdown';

/**
 * Replies come from a model that read user input, so treat them as untrusted: only absolute http(s) and mailto links
 * survive, and images never load (a markdown image is a free tracking pixel).
 */
export function sanitizeUrl(value: string, _tag: string, attribute: string): string | null {
  if (attribute === 'src') return null;
  if (attribute !== 'href') return value;
  const trimmed = value.trim();
  return isSafeHref(trimmed) ? trimmed : null;
}

function SafeLink({ href, title, children }: { href: string; title?: string; children?: ReactNode }) {
  const t = useT();
  const safe = sanitizeUrl(href, 'a', 'href');
  // A rejected URL keeps its words and loses the link.
  if (!safe) return <span>{children}</span>;
  return (
    <a
      href={safe}
      title={title}
      target="_blank"
      rel="noopener noreferrer"
      className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      {children}
      <span className="sr-only"> {t('markdown.newTab')}</span>
    </a>
  );
}

// `dir`: the reply's; right to left, its prices, times and phone numbers are isolated (bidi-text.tsx).
function inlines(nodes: Inline[], dir: TextDirection): ReactNode[] {
  return nodes.map((node, key) => {
    if (typeof node === 'string') return <Fragment key={key}>{isolateLtrRuns(node, dir)}</Fragment>;
    switch (node.type) {
      case 'strong':
        return <strong key={key}>{inlines(node.children, dir)}</strong>;
      case 'em':
        return <em key={key}>{inlines(node.children, dir)}</em>;
      case 'del':
        return <del key={key}>{inlines(node.children, dir)}</del>;
      case 'code':
        return (
          <code key={key} dir={dir === 'rtl' ? 'ltr' : undefined}>
            {node.text}
          </code>
        );
      case 'br':
        return <br key={key} />;
      case 'link':
        return (
          <SafeLink key={key} href={node.href} title={node.title}>
            {inlines(node.children, dir)}
          </SafeLink>
        );
      case 'image':
        return node.alt ? <span key={key}>{node.alt}</span> : null;
    }
  });
}

function blocks(nodes: Block[], dir: TextDirection, tight = false): ReactNode[] {
  return nodes.map((node, key) => {
    switch (node.type) {
      case 'paragraph':
        // A list item's first paragraph is its text, not a paragraph of its own.
        return tight && key === 0 ? <Fragment key={key}>{inlines(node.children, dir)}</Fragment> : <p key={key}>{inlines(node.children, dir)}</p>;
      case 'heading':
        // Headings inside a chat bubble would break the page's heading outline for screen-reader users.
        return (
          <p key={key} className="font-semibold">
            {inlines(node.children, dir)}
          </p>
        );
      case 'code':
        return (
          <pre key={key}>
            <code>{node.text}</code>
          </pre>
        );
      case 'hr':
        return <hr key={key} />;
      case 'quote':
        return (
          <blockquote key={key} className="border-s-2 border-slate-300 ps-3">
            {blocks(node.children, dir)}
          </blockquote>
        );
      case 'list': {
        const items = node.items.map((item, index) => <li key={index}>{blocks(item, dir, true)}</li>);
        return node.ordered ? (
          <ol key={key} start={node.start === 1 ? undefined : node.start}>
            {items}
          </ol>
        ) : (
          <ul key={key}>{items}</ul>
        );
      }
      case 'table': {
        const style = (column: number) => (node.align[column] ? { textAlign: node.align[column] } : undefined);
        return (
          <table key={key}>
            <thead>
              <tr>
                {node.head.map((cell, column) => (
                  <th key={column} style={style(column)}>
                    {inlines(cell, dir)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {node.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) => (
                    <td key={column} style={style(column)}>
                      {inlines(cell, dir)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
      }
    }
  });
}

/**
 * Renders an assistant reply's markdown as React elements: no raw HTML, no unsafe URLs, no images. The reply reads in
 * its own direction (an English reply on an Arabic page left to right, its full stops at the end of its lines).
 */
export const MessageMarkdown = memo(function MessageMarkdown({ text }: { text: string }) {
  const tree = useMemo(() => parseMarkdown(text), [text]);
  const own = textDirection(text);
  const dir = useShownDirection(own);
  return (
    <div dir={own} className="space-y-2 break-words [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:text-[0.9em] [&_li]:ms-5 [&_ol]:list-decimal [&_ol]:space-y-1 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-100 [&_pre]:p-2 [&_table]:block [&_table]:overflow-x-auto [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_th]:border [&_th]:border-slate-200 [&_th]:px-2 [&_ul]:list-disc [&_ul]:space-y-1">
      {blocks(tree, dir)}
    </div>
  );
});
