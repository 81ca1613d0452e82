import Markdown, { type MarkdownToJSX } from 'markdown-to-jsx/react';
import { memo, type ReactNode } from 'react';
import { useT } from '@/lib/i18n/provider';

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/**
 * Replies come from a model that read user input, so treat them as untrusted: only absolute http(s) and mailto links
 * survive, and images never load (a markdown image is a free tracking pixel).
 */
export function sanitizeUrl(value: string, _tag: string, attribute: string): string | null {
  if (attribute === 'src') return null;
  if (attribute !== 'href') return value;
  const trimmed = value.trim();
  return SAFE_LINK.test(trimmed) ? trimmed : null;
}

function SafeLink({ href, title, children }: { href?: string; title?: string; children?: ReactNode }) {
  const t = useT();
  // The sanitizer leaves no href when it rejected the URL; keep the words, drop the link.
  if (!href || !SAFE_LINK.test(href)) return <span>{children}</span>;
  return (
    <a
      href={href}
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

function ImageAsText({ alt }: { alt?: string }) {
  return alt ? <span>{alt}</span> : null;
}

// Headings inside a chat bubble would break the page's heading outline for screen-reader users: render them as
// emphasised paragraphs (and drop the generated ids, which could collide with the page's own).
function HeadingAsParagraph({ children }: { children?: ReactNode }) {
  return <p className="font-semibold">{children}</p>;
}

const OPTIONS: MarkdownToJSX.Options = {
  disableParsingRawHTML: true,
  tagfilter: true,
  forceBlock: true,
  sanitizer: sanitizeUrl,
  overrides: {
    a: SafeLink,
    img: ImageAsText,
    h1: HeadingAsParagraph,
    h2: HeadingAsParagraph,
    h3: HeadingAsParagraph,
    h4: HeadingAsParagraph,
    h5: HeadingAsParagraph,
    h6: HeadingAsParagraph,
  },
};

/** Renders an assistant reply's markdown as React elements: no raw HTML, no unsafe URLs, no images. */
export const MessageMarkdown = memo(function MessageMarkdown({ text }: { text: string }) {
  return (
    <Markdown
      options={OPTIONS}
      className="space-y-2 break-words [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:text-[0.9em] [&_li]:ms-5 [&_ol]:list-decimal [&_ol]:space-y-1 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-100 [&_pre]:p-2 [&_table]:block [&_table]:overflow-x-auto [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_th]:border [&_th]:border-slate-200 [&_th]:px-2 [&_ul]:list-disc [&_ul]:space-y-1"
    >
      {text}
    </Markdown>
  );
});
