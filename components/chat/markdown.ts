// The markdown the agent writes, parsed into a small tree that message-markdown.tsx renders as React elements: never
// HTML strings, so nothing in a reply can become markup. The subset of CommonMark/GFM a sales reply uses: paragraphs,
// headings (rendered as emphasised paragraphs), bullet and numbered lists (nested by indentation), block quotes,
// fenced code, rules and pipe tables; inline bold, italic, strikethrough, code, links and bare URLs. Raw HTML is
// text, and images are their alt text. (It replaced markdown-to-jsx: 29 KB gzipped of the chat chunk.)

export type Inline =
  | string
  | { type: 'strong' | 'em' | 'del'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'br' }
  | { type: 'link'; href: string; title?: string; children: Inline[] }
  | { type: 'image'; alt: string };

export type Block =
  | { type: 'paragraph' | 'heading'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'hr' }
  | { type: 'quote'; children: Block[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'table'; align: Array<'left' | 'center' | 'right' | undefined>; head: Inline[][]; rows: Inline[][][] };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const TABLE_DIVIDER = /^ *\|? *:?-+:? *(\| *:?-+:? *)*\|? *$/;

const isBlank = (line: string) => line.trim() === '';

/** Does this line start a block that ends a paragraph? (A numbered list only from 1, as in CommonMark.) */
function interrupts(line: string): boolean {
  const item = ITEM.exec(line);
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || (item !== null && !/^\d+[.)]$/.test(item[2]!)) || /^ {0,3}1[.)][ \t]/.test(line);
}

function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\' && row[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (row[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += row[i];
  }
  return [...cells, cell.trim()];
}

/** Parses markdown into blocks. */
export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n'));
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      for (i++; i < lines.length && !new RegExp(`^ {0,3}${marker[0]}{${marker.length},}[ \\t]*$`).test(lines[i]!); i++) body.push(lines[i]!);
      i++;
      blocks.push({ type: 'code', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', children: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: 'hr' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      for (; i < lines.length && !isBlank(lines[i]!) && (QUOTE.test(lines[i]!) || !interrupts(lines[i]!)); i++) body.push(lines[i]!.replace(QUOTE, ''));
      blocks.push({ type: 'quote', children: parseBlocks(body) });
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      i = parseList(lines, i, blocks);
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_DIVIDER.test(lines[i + 1]!) && lines[i + 1]!.includes('|')) {
      const head = splitRow(line);
      const align = splitRow(lines[i + 1]!).map((cell) =>
        cell.startsWith(':') && cell.endsWith(':') ? 'center' : cell.endsWith(':') ? 'right' : cell.startsWith(':') ? 'left' : undefined,
      );
      const rows: Inline[][][] = [];
      for (i += 2; i < lines.length && !isBlank(lines[i]!) && lines[i]!.includes('|'); i++) {
        const cells = splitRow(lines[i]!);
        rows.push(head.map((_, column) => parseInline(cells[column] ?? '')));
      }
      blocks.push({ type: 'table', align, head: head.map((cell) => parseInline(cell)), rows });
      continue;
    }
    const text: string[] = [];
    for (; i < lines.length && !isBlank(lines[i]!) && (text.length === 0 || !interrupts(lines[i]!)); i++) text.push(lines[i]!);
    blocks.push({ type: 'paragraph', children: parseInline(text.map((row) => row.trimStart()).join('\n').trimEnd()) });
  }
  return blocks;
}

/** A list from line `start`: its items' lines (indented continuation, lazy paragraph lines), parsed recursively. */
function parseList(lines: string[], start: number, blocks: Block[]): number {
  const first = ITEM.exec(lines[start]!)!;
  const ordered = /\d/.test(first[2]!);
  const delimiter = first[2]!.slice(-1);
  const items: string[][] = [];
  let i = start;
  while (i < lines.length) {
    const match = ITEM.exec(lines[i]!);
    if (!match || /\d/.test(match[2]!) !== ordered || match[2]!.slice(-1) !== delimiter) break;
    const indent = match[0].length === lines[i]!.length ? match[1]!.length + match[2]!.length + 1 : match[0].length;
    const body = [lines[i]!.slice(match[0].length)];
    for (i++; i < lines.length; i++) {
      const next = lines[i]!;
      if (isBlank(next)) {
        // A blank line continues the item only when indented content follows.
        const after = lines.slice(i + 1).find((candidate) => !isBlank(candidate));
        if (after === undefined || after.search(/\S/) < indent) break;
        body.push('');
      } else if (next.search(/\S/) >= indent) body.push(next.slice(indent));
      else if (!interrupts(next) && !ITEM.test(next) && !isBlank(body.at(-1)!)) body.push(next.trim());
      else break;
    }
    items.push(body);
    // Blank lines between items keep the list going.
    let peek = i;
    while (peek < lines.length && isBlank(lines[peek]!)) peek++;
    if (peek < lines.length && ITEM.exec(lines[peek]!)) i = peek;
    else break;
  }
  blocks.push({ type: 'list', ordered, start: ordered ? Number.parseInt(first[2]!, 10) : 1, items: items.map(parseBlocks) });
  return i;
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const SAFE_SCHEME = /^(https?:\/\/|mailto:)/i;
const BARE_URL = /^https?:\/\/[^\s<]*[^\s<?!.,:;*_~'")\]]/i;

/** Index of the `]` that closes the `[` at `open`, or -1. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return i;
  }
  return -1;
}

/** `(url "title")` at `at`: the destination, title and the index after `)`; null when it is not one. */
function linkTarget(text: string, at: number): { href: string; title?: string; end: number } | null {
  const match = /^\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+("[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/.exec(text.slice(at));
  if (!match) return null;
  const href = match[1]!.replace(/^<|>$/g, '');
  return { href, title: match[2]?.slice(1, -1), end: at + match[0].length };
}

/** The end of the emphasis closed by `marker` after `from`, or -1: not after whitespace, `_` not inside a word. */
function closingDelimiter(text: string, marker: string, from: number): number {
  for (let at = text.indexOf(marker, from); at !== -1; at = text.indexOf(marker, at + 1)) {
    if (text[at - 1] === '\\') continue;
    if (/\s/.test(text[at - 1] ?? ' ')) continue;
    if (marker[0] === '_' && /[\p{L}\p{N}]/u.test(text[at + marker.length] ?? '')) continue;
    // `**a*` must not close `*` inside a longer run that belongs to another marker.
    if (marker.length === 1 && text[at + 1] === marker && text[at - 1] !== marker) {
      at++;
      continue;
    }
    return at;
  }
  return -1;
}

/** Parses inline markdown into text and elements. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push(plain);
    plain = '';
  };
  const push = (node: Inline) => {
    flush();
    out.push(node);
  };
  for (let i = 0; i < text.length; ) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (char === '\\' && text[i + 1] === '\n') {
      push({ type: 'br' });
      i += 2;
      continue;
    }
    if (char === '\n') {
      // Two trailing spaces make a hard break; otherwise a newline is a space.
      if (plain.endsWith('  ')) {
        plain = plain.trimEnd();
        push({ type: 'br' });
      } else plain = `${plain.trimEnd()}\n`;
      i++;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = text.indexOf(run, i + run.length);
      let end = close;
      while (end !== -1 && text[end + run.length] === '`') end = text.indexOf(run, end + run.length + 1);
      if (end !== -1) {
        let code = text.slice(i + run.length, end).replace(/\n/g, ' ');
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ')) code = code.slice(1, -1);
        push({ type: 'code', text: code });
        i = end + run.length;
        continue;
      }
      plain += run;
      i += run.length;
      continue;
    }
    if (char === '<') {
      const auto = /^<((?:https?:\/\/|mailto:)[^\s<>]+|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>/i.exec(text.slice(i));
      if (auto) {
        const target = auto[1]!;
        push({ type: 'link', href: SAFE_SCHEME.test(target) ? target : `mailto:${target}`, children: [target] });
        i += auto[0].length;
        continue;
      }
    }
    if (char === '!' && text[i + 1] === '[') {
      const close = closingBracket(text, i + 1);
      const target = close === -1 ? null : linkTarget(text, close + 1);
      if (target) {
        push({ type: 'image', alt: text.slice(i + 2, close) });
        i = target.end;
        continue;
      }
    }
    if (char === '[') {
      const close = closingBracket(text, i);
      const target = close === -1 ? null : linkTarget(text, close + 1);
      if (target) {
        push({ type: 'link', href: target.href, title: target.title, children: parseInline(text.slice(i + 1, close)) });
        i = target.end;
        continue;
      }
    }
    if ((char === 'h' || char === 'H') && !/[\p{L}\p{N}]/u.test(text[i - 1] ?? '')) {
      const url = BARE_URL.exec(text.slice(i));
      if (url) {
        push({ type: 'link', href: url[0], children: [url[0]] });
        i += url[0].length;
        continue;
      }
    }
    if (char === '*' || char === '_' || char === '~') {
      const run = new RegExp(`^\\${char}+`).exec(text.slice(i))![0];
      const opensWord = !/\s/.test(text[i + run.length] ?? ' ');
      const intraword = char === '_' && /[\p{L}\p{N}]/u.test(text[i - 1] ?? '');
      if (opensWord && !intraword) {
        const markers = char === '~' ? (run.length >= 2 ? ['~~'] : []) : run.length >= 3 ? [char.repeat(3), char.repeat(2), char] : run.length === 2 ? [char.repeat(2), char] : [char];
        let matched = false;
        for (const marker of markers) {
          const close = closingDelimiter(text, marker, i + run.length);
          if (close === -1) continue;
          const inner = parseInline(text.slice(i + run.length, close));
          const node: Inline =
            marker === '~~'
              ? { type: 'del', children: inner }
              : marker.length === 3
                ? { type: 'strong', children: [{ type: 'em', children: inner }] }
                : { type: marker.length === 2 ? 'strong' : 'em', children: inner };
          plain += run.slice(marker.length);
          push(node);
          i = close + marker.length;
          matched = true;
          break;
        }
        if (matched) continue;
      }
      plain += run;
      i += run.length;
      continue;
    }
    plain += char;
    i++;
  }
  flush();
  return out;
}

/** Only absolute http(s) and mailto targets are links. */
export function isSafeHref(href: string): boolean {
  return SAFE_SCHEME.test(href.trim());
}

function inlineText(nodes: readonly Inline[]): string {
  return nodes
    .map((node) =>
      typeof node === 'string' ? node : node.type === 'code' ? node.text : node.type === 'br' ? '\n' : node.type === 'image' ? node.alt : inlineText(node.children),
    )
    .join('');
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.children);
    case 'code':
      return block.text;
    case 'hr':
      return '';
    case 'quote':
      return blocksText(block.children);
    case 'list':
      return block.items.map((item) => blocksText(item)).join('\n');
    case 'table':
      return [block.head, ...block.rows].map((row) => row.map(inlineText).join(', ')).join('\n');
  }
}

function blocksText(blocks: readonly Block[]): string {
  return blocks.map(blockText).filter((text) => text.trim() !== '').join('\n');
}

/** The words of a reply without its markup (for screen reader announcements): no asterisks, list dashes or URLs in brackets. */
export function markdownToText(source: string): string {
  return blocksText(parseMarkdown(source)).trim();
}
