import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Composer } from '@/components/chat/composer';
import { I18nProvider } from '@/lib/i18n/provider';

// The case: a 5,265-character paste against the default 4,000-character limit.
const PASTE = 'Our team of 25 needs a CRM that syncs with Jira. '.repeat(108).slice(0, 5_265);

function renderComposer({ locale = 'en', maxChars = 4_000 }: { locale?: string; maxChars?: number } = {}) {
  const onSend = jest.fn();
  render(
    <I18nProvider locale={locale}>
      <Composer onSend={onSend} onStop={() => {}} busy={false} maxChars={maxChars} />
    </I18nProvider>,
  );
  const input = screen.getByTestId('composer-input') as HTMLTextAreaElement;
  return { onSend, input, send: screen.getByTestId('send-button'), status: screen.getByRole('status') };
}

/** The ids in aria-describedby, resolved to their elements' text. */
const descriptions = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`);

describe('Composer: the message length limit', () => {
  it('keeps a 5,265-character paste whole, disables Send and says by how much it is over', async () => {
    const { onSend, input, send, status } = renderComposer();
    expect(PASTE).toHaveLength(5_265);
    input.focus();
    const user = userEvent.setup();
    await user.paste(PASTE);

    expect(input.value).toBe(PASTE);
    expect(input).not.toHaveAttribute('maxlength');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(send).toBeDisabled();
    expect(screen.getByTestId('composer-count')).toHaveTextContent('5,265 / 4,000');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent('Your message is 1,265 characters over the 4,000-character limit. Shorten it to send; nothing has been cut.');
    expect(descriptions(input)).toEqual([
      'Enter to send · Shift+Enter for a new line',
      '5,265 / 4,0005,265 of 4,000 characters',
      'Your message is 1,265 characters over the 4,000-character limit. Shorten it to send; nothing has been cut.',
    ]);

    await user.type(input, '{Enter}');
    fireEvent.submit(input.closest('form')!);
    expect(onSend).not.toHaveBeenCalled();
    expect(input.value).toBe(PASTE);
  });

  it('lets the visitor shorten the paste and send it once it fits, then clears the warning', async () => {
    const { onSend, input, send, status } = renderComposer({ maxChars: 20 });
    const user = userEvent.setup();
    input.focus();
    await user.paste('abcdefghijklmnopqrstuvw'); // 23 characters
    expect(status).toHaveTextContent('Your message is 3 characters over the 20-character limit.');

    await user.type(input, '{Backspace}{Backspace}');
    expect(status).toHaveTextContent('Your message is 1 character over the 20-character limit.');
    expect(send).toBeDisabled();

    await user.type(input, '{Backspace}');
    expect(status).toHaveTextContent('');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(screen.getByTestId('composer-count')).toHaveTextContent('20 / 20');
    expect(send).toBeEnabled();
    await user.click(send);
    expect(onSend).toHaveBeenCalledWith('abcdefghijklmnopqrst');
    expect(input.value).toBe('');
    expect(screen.queryByTestId('composer-count')).toBeNull();
  });

  it('shows no count on ordinary messages and starts counting at 80% of the limit', async () => {
    const { input } = renderComposer({ maxChars: 10 });
    const user = userEvent.setup();
    await user.type(input, 'abcdefg');
    expect(screen.queryByTestId('composer-count')).toBeNull();
    expect(descriptions(input)).toEqual(['Enter to send · Shift+Enter for a new line']);
    await user.type(input, 'h');
    expect(screen.getByTestId('composer-count')).toHaveTextContent('8 / 10');
  });

  it('counts what is sent: surrounding spaces and new lines are trimmed, as the server trims them', async () => {
    const { onSend, input, send } = renderComposer({ maxChars: 5 });
    const user = userEvent.setup();
    input.focus();
    await user.paste('  hello \n\n');
    expect(screen.getByTestId('composer-count')).toHaveTextContent('5 / 5');
    expect(send).toBeEnabled();
    await user.click(send);
    expect(onSend).toHaveBeenCalledWith('hello');
  });

  it('speaks Spanish, with Spanish number formatting', async () => {
    const { input, send, status } = renderComposer({ locale: 'es', maxChars: 4_000 });
    input.focus();
    await userEvent.setup().paste(PASTE);
    expect(send).toBeDisabled();
    const formatted = new Intl.NumberFormat('es');
    expect(screen.getByTestId('composer-count')).toHaveTextContent(`${formatted.format(5_265)} / ${formatted.format(4_000)}`);
    expect(status).toHaveTextContent(`Su mensaje supera en ${formatted.format(1_265)} caracteres el límite de ${formatted.format(4_000)}. Acórtelo para enviarlo; no se ha recortado nada.`);
  });
});

describe('Composer: taking over from the box it replaces', () => {
  it('starts with the text typed so far, focused, the caret after it (the next key lands at the end)', async () => {
    render(
      <I18nProvider locale="en">
        <Composer onSend={jest.fn()} onStop={() => {}} busy={false} initialValue={() => 'H'} autoFocus={() => true} />
      </I18nProvider>,
    );
    const input = screen.getByTestId('composer-input') as HTMLTextAreaElement;
    expect(input).toHaveFocus();
    expect(input.selectionStart).toBe(1);
    await userEvent.setup().keyboard('ow much');
    expect(input.value).toBe('How much');
  });
});

describe('Composer: typing before the box is hydrated (a slow phone)', () => {
  /** The server's HTML of the box, typed into as the browser would before React attaches, then hydrated. */
  async function hydrateAfterTyping(typed: string) {
    const { renderToString } = await import('react-dom/server');
    const { hydrateRoot } = await import('react-dom/client');
    const { act } = await import('react');
    const onSend = jest.fn();
    const tree = (
      <I18nProvider locale="en">
        <Composer onSend={onSend} onStop={() => {}} busy={false} />
      </I18nProvider>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(tree);
    document.body.append(container);
    const input = container.querySelector('textarea')!;
    input.value = typed;
    await act(async () => {
      hydrateRoot(container, tree, { onRecoverableError: () => {} });
    });
    return { onSend, input, send: container.querySelector<HTMLButtonElement>('[data-testid="send-button"]')!, container };
  }

  it('keeps what was typed, and Send works on it', async () => {
    const { onSend, input, send, container } = await hydrateAfterTyping('How much is the Pro plan?');
    expect(input.value).toBe('How much is the Pro plan?');
    expect(send).toBeEnabled();
    fireEvent.click(send);
    expect(onSend).toHaveBeenCalledWith('How much is the Pro plan?');
    container.remove();
  });

  it('sends it when Enter was pressed before (its line break ends the text), and clears the box', async () => {
    const { onSend, input, container } = await hydrateAfterTyping('Is there a free trial?\n');
    expect(onSend).toHaveBeenCalledTimes(1);
    expect(onSend).toHaveBeenCalledWith('Is there a free trial?');
    expect(input.value).toBe('');
    container.remove();
  });
});
