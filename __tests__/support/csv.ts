/**
 * A minimal RFC 4180 reader for the export tests: the tests' own, apart from the app's CSV writer (lib/admin/export.ts),
 * so a writer bug cannot hide behind shared code. Quoted cells may hold commas, doubled quotes and line breaks; rows
 * end with CRLF (a last row without one is kept).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') [cell, i] = [cell + '"', i + 1];
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') [row, cell] = [[...row, cell], ''];
    else if (char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      [row, cell, i] = [[], '', i + 1];
    } else cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
