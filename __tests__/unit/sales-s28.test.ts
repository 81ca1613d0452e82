/** @jest-environment node */
// Session 28 (the shared sales brain, lib/sales): roles said beside a name in five languages ("I'm the COO", "je suis la
// DAF", "وأنا المديرة المالية"), "directora de operaciones" no company; phone numbers after a call asked for, with a
// country code and a one-digit group, a German slash, Arabic-Indic digits; a call back asked for in other words.
import { values } from '../support/offline-agent';
import { classifySalesIntent } from '@/lib/sales/intents';
import { extractLeadFacts } from '@/lib/sales/lead';
import { leadNote } from '@/lib/sales/lead-note';

const phoneIn = (text: string) => extractLeadFacts({ text, messageId: 'm', now: 0 }).phone?.value;

describe('sales brain: session 28', () => {
  it('7: a role said beside the name is recorded, in five languages (and a department in it is no company)', () => {
    for (const [said, expected] of [
      ["my name is Jane Doe, I'm the COO", { name: 'Jane Doe', role: 'COO' }],
      ['me llamo Juana Pérez, soy la directora de operaciones', { name: 'Juana Pérez', role: 'directora de operaciones' }],
      ["je m'appelle Jeanne Dupont, je suis la DAF", { name: 'Jeanne Dupont', role: 'DAF' }],
      ['ich heiße Jana Schmidt, ich bin die Geschäftsführerin', { name: 'Jana Schmidt', role: 'Geschäftsführerin' }],
      ['اسمي سارة أحمد، أنا المديرة التنفيذية', { name: 'سارة أحمد', role: 'المديرة التنفيذية' }],
      ['اسمي ليلى وأنا المديرة المالية', { name: 'ليلى', role: 'المديرة المالية' }],
      ['أنا مدير تقنية المعلومات', { role: 'مدير تقنية المعلومات' }],
      ['soy Carlos, el CTO de Acme', { name: 'Carlos', role: 'CTO', company: 'Acme' }],
    ] as const) {
      expect({ said, read: values(said) }).toEqual({ said, read: expect.objectContaining(expected) });
    }
    expect(values('me llamo Juana Pérez, soy la directora de operaciones').company).toBeUndefined();
  });

  it('6: phone numbers the old reading missed, and no date taken for one', () => {
    for (const [said, phone] of [
      ['can someone phone me? 07700900123', '07700900123'],
      ['appelez-moi svp : +33 6 12 34 56 78', '+33 6 12 34 56 78'],
      ['Rufen Sie mich an unter 0171/2345678', '0171/2345678'],
      ['هل يمكنكم الاتصال بي؟ 0501234567', '0501234567'],
      ['كلموني على ٠٥٠١٢٣٤٥٦٧', '0501234567'],
    ] as const) {
      expect({ said, phone: phoneIn(said) }).toEqual({ said, phone });
    }
    for (const said of ['we start on 12/05/2025, call me maybe', 'Termin am 12.05.2025 bitte', 'we have 1500000 users']) expect({ said, phone: phoneIn(said) }).toEqual({ said, phone: undefined });
  });

  it('6: a call back asked for in other words is a request for a person', () => {
    for (const said of ["I'd like a callback", 'llámenme mañana', 'prefiero que me llamen', '¿me devuelven la llamada?', "j'aimerais être rappelé", 'Bitte um Rückruf', 'ruft mich bitte an', 'هل يمكنكم الاتصال بي؟', 'ممكن تتصلون علي؟', 'أريد مكالمة', 'كلموني على ٠٥٠١٢٣٤٥٦٧']) {
      expect({ said, intent: classifySalesIntent(said) }).toEqual({ said, intent: 'human' });
    }
    // "كلمني عن الأسعار" is "tell me about the prices", and "we'll call back later" no request.
    expect(classifySalesIntent('كلمني عن الأسعار')).not.toBe('human');
    expect(classifySalesIntent("we'll call back later")).not.toBe('human');
  });

  it('8: "أريد عرض سعر", "عرض خاص", "عروض" are no demo booking; "أريد عرض توضيحي" is', () => {
    for (const said of ['أريد عرض سعر', 'ممكن عرض خاص', 'اريد عرض افضل']) expect({ said, intent: classifySalesIntent(said) }).not.toEqual({ said, intent: 'booking' });
    expect(classifySalesIntent('أريد عرض توضيحي')).toBe('booking');
  });

  it('5: the lead note in the reply\'s language, with the plural of each', () => {
    expect(leadNote('es', { name: 'Carlos', company: 'Acme' })).toBe('Anotado: Carlos, Acme.');
    expect(leadNote('fr', { email: 'a@b.co' })).toBe('C’est noté, nous vous écrirons à a@b.co.');
    expect(leadNote('ar', { teamSize: 3 })).toBe('تم التدوين: فريق من 3 أشخاص.');
    expect(leadNote('en', { need: 'reporting' })).toBeUndefined();
  });
});
