import { Fragment, type ReactNode } from 'react';
import { useLocale } from '@/lib/i18n/provider';
import { localeDirection } from '@/lib/i18n/locales';
import { splitLtrRuns } from '@/lib/i18n/ltr-runs';
import type { TextDirection } from '@/lib/i18n/text-direction';

/**
 * Right-to-left text with each left-to-right run (a price, range, e-mail, phone number, time, URL) in its own
 * <bdi dir="ltr">, so it reads in its own order ("1,365 US$", not "US$ 1,365"); left-to-right text as it is. Markup,
 * not isolate characters: the text itself (copied, spoken, stored) is unchanged.
 */
export function isolateLtrRuns(text: string, direction: TextDirection): ReactNode {
  if (direction !== 'rtl') return text;
  const runs = splitLtrRuns(text);
  if (!runs.some((run) => run.ltr)) return text;
  return runs.map((run, key) =>
    run.ltr ? (
      <bdi key={key} dir="ltr">
        {run.text}
      </bdi>
    ) : (
      <Fragment key={key}>{run.text}</Fragment>
    ),
  );
}

/** The direction an element is shown in: its own `dir` when it sets one, else the page locale's. */
export function useShownDirection(dir: TextDirection | undefined): TextDirection {
  const locale = useLocale();
  return dir ?? localeDirection(locale);
}

/** `text` with its left-to-right runs isolated when its element (`dir`, else the page) reads right to left. */
export function BidiText({ text, dir }: { text: string; dir?: TextDirection }) {
  return <>{isolateLtrRuns(text, useShownDirection(dir))}</>;
}
