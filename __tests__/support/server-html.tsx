// An admin page as a browser gets it from the server: its HTML read as a document (what a browser without JavaScript
// shows), or hydrated in a container (what happens once scripts run).
import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import { SWRConfig } from 'swr';
import type { Locale } from '@/lib/i18n/locales';
import { I18nProvider } from '@/lib/i18n/provider';

/** The page in the providers the admin layout gives it, with a cache of its own. */
export const adminTree = (page: ReactNode, locale: Locale) => (
  <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
    <I18nProvider locale={locale}>{page}</I18nProvider>
  </SWRConfig>
);

/** The server's HTML of `ui`, read as a document. */
export function serverHtmlDoc(ui: ReactNode): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${renderToStaticMarkup(ui)}`, 'text/html');
}

/** The server's HTML of `ui` in a container on the page, hydrated; `recoverable` sees any hydration mismatch. Remove the container after. */
export async function hydrateServerHtml(ui: ReactNode): Promise<{ container: HTMLElement; recoverable: jest.Mock }> {
  const container = document.createElement('div');
  container.innerHTML = renderToString(ui);
  document.body.appendChild(container);
  const recoverable = jest.fn();
  await act(async () => {
    hydrateRoot(container, ui, { onRecoverableError: recoverable });
  });
  await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
  return { container, recoverable };
}
