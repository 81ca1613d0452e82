// A prospect on the Arabic page who writes in English (or a German transcript read by an admin in Arabic): each message
// reads in its own direction, so "… im Monat." keeps its full stop at the end instead of ".im Monat" at the start, and an
// Arabic reply that opens with a plan's Latin name or quotes an e-mail still reads right to left.
import { fireEvent, render, screen } from '@testing-library/react';
import { Composer } from '@/components/chat/composer';
import { MessageList } from '@/components/chat/message-list';
import { MessageMarkdown } from '@/components/chat/message-markdown';
import { I18nProvider } from '@/lib/i18n/provider';
import { textDirection } from '@/lib/i18n/text-direction';
import type { SalesUIMessage } from '@/lib/sales/ui-message';

const GERMAN = 'Business für 30 Nutzer bei monatlicher Abrechnung: **$49 pro Nutzer und Monat**, also $1,470 im Monat.';
const ARABIC_OPENING_LATIN = 'Pro مناسب لفريقكم المكوّن من 12 شخصًا: 29 دولارًا للمقعد شهريًا. راسلونا على sales@northwind.example';
const ENGLISH = 'We are 12 people at Acme, what does Pro cost per year?';

describe('textDirection', () => {
  test.each([
    [GERMAN, 'ltr'],
    [ENGLISH, 'ltr'],
    [ARABIC_OPENING_LATIN, 'rtl'],
    ['كم سعر الباقة الاحترافية لفريق من 12 شخصًا؟', 'rtl'],
    ['שלום, כמה עולה התוכנית?', 'rtl'],
  ])('%s reads %s', (text, direction) => {
    expect(textDirection(text)).toBe(direction);
  });

  test.each(['', '$49', 'ok', '12 👍', 'Pro?'])('too few letters to tell (%p): the page direction is kept', (text) => {
    expect(textDirection(text)).toBeUndefined();
  });
});

const messages: SalesUIMessage[] = [
  { id: 'u1', role: 'user', parts: [{ type: 'text', text: ENGLISH }] },
  { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: GERMAN }] },
  { id: 'u2', role: 'user', parts: [{ type: 'text', text: 'هل يمكن حجز عرض توضيحي يوم الخميس؟' }] },
  { id: 'a2', role: 'assistant', parts: [{ type: 'text', text: ARABIC_OPENING_LATIN }] },
  { id: 'u3', role: 'user', parts: [{ type: 'text', text: 'ok' }] },
];

describe('the chat on an Arabic page', () => {
  test('each message reads in its own direction; a message too short to tell keeps the page direction', () => {
    render(
      <div dir="rtl">
        <I18nProvider locale="ar">
          <MessageList messages={messages} busy={false} />
        </I18nProvider>
      </div>,
    );
    expect(screen.getAllByTestId('message-user')).toHaveLength(3);
    const replies = screen.getAllByTestId('message-body');
    const bubble = (text: string) => screen.getByText(text, { selector: 'p' });
    expect(bubble(ENGLISH)).toHaveAttribute('dir', 'ltr');
    expect(bubble('هل يمكن حجز عرض توضيحي يوم الخميس؟')).toHaveAttribute('dir', 'rtl');
    expect(bubble('ok')).not.toHaveAttribute('dir');
    expect(replies[0]?.querySelector('[dir]')).toHaveAttribute('dir', 'ltr');
    expect(replies[0]).toHaveTextContent('also $1,470 im Monat.');
    expect(replies[1]?.querySelector('[dir]')).toHaveAttribute('dir', 'rtl');
  });

  test('a reply rendered on its own (the admin transcript uses the same renderer) carries its direction', () => {
    const { container } = render(
      <I18nProvider locale="ar">
        <MessageMarkdown text={GERMAN} />
      </I18nProvider>,
    );
    expect(container.firstElementChild).toHaveAttribute('dir', 'ltr');
  });

  test('the message box turns to the direction of what is typed, and an empty box keeps the page direction', () => {
    render(
      <I18nProvider locale="ar">
        <Composer onSend={() => {}} onStop={() => {}} busy={false} maxChars={4_000} />
      </I18nProvider>,
    );
    const input = screen.getByTestId('composer-input');
    expect(input).not.toHaveAttribute('dir');
    fireEvent.change(input, { target: { value: ENGLISH } });
    expect(input).toHaveAttribute('dir', 'ltr');
    fireEvent.change(input, { target: { value: 'نحن فريق من اثني عشر شخصًا' } });
    expect(input).toHaveAttribute('dir', 'rtl');
    fireEvent.change(input, { target: { value: '' } });
    expect(input).not.toHaveAttribute('dir');
  });
});

test('the send arrow points the way the text reads (mirrored on a right-to-left page)', () => {
  render(
    <I18nProvider locale="ar">
      <Composer onSend={() => {}} onStop={() => {}} busy={false} maxChars={4_000} />
    </I18nProvider>,
  );
  const icon = screen.getByTestId('send-button').querySelector('svg');
  expect(icon?.getAttribute('class')).toMatch(/(^|\s)rtl:-scale-x-100(\s|$)/);
});
