/** @jest-environment node */
// Weaknesses seen in the verbatim transcripts (docs/sales-brain.md), each fixed and pinned here.
import { formatLocalLabel } from '@/lib/sales/booking';
import { extractLeadFacts } from '@/lib/sales/lead';
import { ask, assistantMessage, userMessage } from '../support/offline-agent';

const values = (text: string) =>
  Object.fromEntries(Object.entries(extractLeadFacts({ text, messageId: 'm', now: 0, ownNames: ['Northwind Cloud'] })).map(([field, fact]) => [field, fact?.value]));

describe('offline agent: transcript weaknesses', () => {
  it('"I\'m the decision maker" records authority and moves on instead of answering an approval objection', async () => {
    const { text, session } = await ask("I'm the decision maker");
    expect(session.state.lead.fields.authority?.value).toBe('decision maker');
    expect(text).toContain('Good to know the decision is yours.');
    expect(text).not.toMatch(/second signature|approvers|address your concern/i);
    expect(session.state.objections ?? []).toEqual([]);
    // Saying that someone else decides is still the objection it was.
    const approval = await ask('I need approval from my boss');
    expect(approval.session.state.lead.fields.authority?.value).toBe('needs approval');
    expect(approval.text).toMatch(/approv/i);
  });

  it('reads authority back as a sentence: "You said you make the decision."', async () => {
    const first = await ask("I'm the decision maker");
    const history = [userMessage("I'm the decision maker"), assistantMessage(first.text)];
    const recall = await ask('Who did I say makes the decision?', { history, state: first.session.state });
    expect(recall.text).toContain('You said you make the decision.');
    expect(recall.text).not.toMatch(/your decision is/);
    const spanish = await ask('¿Quién te dije que decide?', { history, state: first.session.state, locale: 'es' });
    expect(spanish.text).toContain('Me dijo que la decisión es suya.');
  });

  it('labels a Spanish booking in Spanish', async () => {
    const booked = await ask('Quiero una demo el viernes a las 11 Europe/Madrid, mi correo es ana@logisticasur.es', { locale: 'es' });
    expect(booked.session.state.bookings[0]?.localLabel).toBe('viernes 27 de noviembre, 11:00 (Europe/Madrid)');
    expect(booked.text).toContain('**viernes 27 de noviembre, 11:00 (Europe/Madrid)**');
    expect(booked.text).not.toMatch(/\b(Fri|Nov)\b/);
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(formatLocalLabel(Date.parse('2027-01-05T15:30:00Z'), 'Europe/Madrid', now, 'es')).toBe('martes 5 de enero de 2027, 16:30 (Europe/Madrid)');
    expect(formatLocalLabel(Date.parse('2027-01-05T15:30:00Z'), 'Europe/Madrid', now)).toBe('Tue, 5 Jan 2027, 16:30 (Europe/Madrid)');
  });

  it('captures the company of "Soy Ana de Logística Sur", with or without a comma and surname', () => {
    expect(values('Soy Ana de Logística Sur')).toEqual({ name: 'Ana', company: 'Logística Sur' });
    expect(values('Soy Ana Ruiz, de Logística Sur; somos un equipo de 12')).toEqual({ name: 'Ana Ruiz', company: 'Logística Sur', teamSize: 12 });
    expect(values("I'm Maria Lopez, from Acme Logistics")).toEqual({ name: 'Maria Lopez', company: 'Acme Logistics' });
    // No capitalised name before "de": a role, not a company introduction.
    expect(values('Soy el director de operaciones').company).toBeUndefined();
    expect(values('Soy de Madrid')).toEqual({});
  });

  it('answers "Nos parece caro" in Spanish with the plan and its annual price, from get_pricing', async () => {
    const intro = await ask('Soy Ana Ruiz, de Logística Sur; somos un equipo de 12', { locale: 'es' });
    const history = [userMessage('Soy Ana Ruiz, de Logística Sur; somos un equipo de 12'), assistantMessage(intro.text)];
    const { text, tools } = await ask('Nos parece caro', { history, state: intro.session.state, locale: 'es' });
    expect(tools).toEqual([
      { toolName: 'get_pricing', input: { plan: 'pro', seats: 12, billing: 'monthly' } },
      { toolName: 'get_pricing', input: { plan: 'pro', seats: 12, billing: 'annual' } },
    ]);
    expect(text).toContain('Entiendo la preocupación. Con facturación anual, **Pro** para 12 usuarios baja a **$24 por usuario al mes**: **$3,456 al año** en lugar de $4,176, un ahorro de **$720**.');
    expect(text).toContain('Cualquier otro descuento lo decide nuestro equipo comercial');
    expect(text).not.toMatch(/solo en inglés|English/);
    // In English the knowledge base's own answer stays.
    const english = await ask("It's too expensive for us");
    expect(english.tools).toEqual([]);
    expect(english.text).toContain('the useful comparison is cost against the time it saves');
  });
});
