import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { debugJson, DebugPanel } from '@/components/chat/debug-panel';
import { MessageList } from '@/components/chat/message-list';
import type { AgentDebug, SalesUIMessage } from '@/lib/sales/ui-message';
import { I18nProvider } from '@/lib/i18n/provider';

const debug: AgentDebug = {
  stage: 'qualification',
  stateDiff: [
    { path: 'lead.fields.email', before: undefined, after: 'ana@acme.com' },
    { path: 'stage', before: 'discovery', after: 'qualification' },
  ],
  passages: [
    { id: 'plan:pro', title: 'Pro plan', score: 0.81234, used: true },
    { id: 'faq:sso', title: 'Single sign-on', score: 0.2, used: false },
  ],
  tools: [{ name: 'get_pricing', input: { plan: 'pro', seats: 20 }, output: { ok: true, rows: 'x'.repeat(2_000) } }],
  tokens: { input: 812, output: 64, budget: 6_000 },
  timings: [
    { name: 'plan', ms: 3.4 },
    { name: 'reply', ms: 41 },
  ],
};

function reply(parts: SalesUIMessage['parts']): SalesUIMessage {
  return { id: 'a1', role: 'assistant', parts };
}

function renderList(messages: SalesUIMessage[], locale: 'en' | 'es' = 'en') {
  return render(
    <I18nProvider locale={locale}>
      <MessageList messages={messages} busy={false} />
    </I18nProvider>,
  );
}

describe('DebugPanel', () => {
  it('folds the debug part under the reply and shows stage, diff, passages, tools, tokens and timings when opened', async () => {
    renderList([reply([{ type: 'text', text: 'Pro is $24 per seat.' }, { type: 'data-debug', data: debug }])]);
    // Loaded when a reply carries a debug part (its own chunk, kept out of the chat chunk).
    const panel = await screen.findByTestId('agent-debug');
    expect(panel.tagName).toBe('DETAILS');
    expect(panel).not.toHaveAttribute('open');
    // It sits inside the reply, after its text.
    const message = screen.getByTestId('message-assistant');
    expect(within(message).getByText('Pro is $24 per seat.').compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await userEvent.click(within(panel).getByText('Agent debug'));
    expect(panel).toHaveAttribute('open');
    expect(within(panel).getByTestId('debug-stage')).toHaveTextContent('qualification');

    const diff = within(panel).getByRole('region', { name: 'State changes' });
    expect(within(diff).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'lead.fields.email: — →becomes "ana@acme.com"',
      'stage: "discovery" →becomes "qualification"',
    ]);

    const passages = within(panel).getByRole('region', { name: 'Retrieved passages' });
    const [pro, sso] = within(passages).getAllByRole('listitem');
    expect(pro).toHaveTextContent('used · Pro plan (plan:pro) · score 0.812');
    expect(pro).toHaveAttribute('data-used', 'true');
    expect(sso).toHaveTextContent(/^Single sign-on \(faq:sso\) · score 0\.200$/);
    expect(sso).not.toHaveAttribute('data-used');

    const tools = within(panel).getByRole('region', { name: 'Tools called' });
    expect(within(tools).getByText('get_pricing')).toBeInTheDocument();
    const [input, output] = Array.from(tools.querySelectorAll('pre'));
    expect(input).toHaveTextContent('{"plan":"pro","seats":20}');
    // A long output is cut, not dumped.
    expect(output!.textContent!.length).toBe(400);
    expect(output!.textContent!.endsWith('…')).toBe(true);

    expect(within(panel).getByTestId('debug-tokens')).toHaveTextContent('812 in · 64 out · budget 6000');
    expect(within(panel).getByTestId('debug-timings')).toHaveTextContent('plan 3 ms · reply 41 ms');
  });

  it('says so when nothing changed, nothing was retrieved and no tool ran, in Spanish too', () => {
    render(
      <I18nProvider locale="es">
        <DebugPanel debug={{ ...debug, stateDiff: [], passages: [], tools: [], tokens: { input: 5, output: 2 } }} />
      </I18nProvider>,
    );
    const panel = screen.getByTestId('agent-debug');
    expect(within(panel).getByText('Depuración del agente')).toBeInTheDocument();
    expect(panel).toHaveTextContent('No cambió nada.');
    expect(panel).toHaveTextContent('No se recuperó ninguno.');
    expect(panel).toHaveTextContent('No se llamó a ninguna herramienta.');
    expect(within(panel).getByTestId('debug-tokens')).toHaveTextContent('5 de entrada · 2 de salida');
  });

  it('renders nothing without a data-debug part', () => {
    renderList([reply([{ type: 'text', text: 'Pro is $24 per seat.' }])]);
    expect(screen.getByTestId('message-assistant')).toHaveTextContent('Pro is $24 per seat.');
    expect(screen.queryByTestId('agent-debug')).toBeNull();
    expect(screen.queryByText('Agent debug')).toBeNull();
  });

  it('debugJson: compact JSON, a dash for undefined, cut with an ellipsis', () => {
    expect(debugJson(undefined, 10)).toBe('—');
    expect(debugJson({ a: 1 }, 10)).toBe('{"a":1}');
    expect(debugJson('abcdefghijkl', 6)).toBe('"abcd…');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(debugJson(loop, 50)).toBe('[object Object]');
  });
});
