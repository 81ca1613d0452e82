// A prospect asks whether a plan includes SSO, in five languages and in several wordings. The knowledge base's SSO
// answer opens with "Yes." (SSO exists, on Business and Enterprise); said to someone asking about Starter or Pro, that
// yes was wrong. Whatever the wording, a plan below Business gets a no first, and the plans that include it after.
import { talk } from '../support/offline-agent';

const NO_FIRST: Array<[Parameters<typeof talk>[0], string, RegExp]> = [
  ['en', 'is sso included in starter?', /^Not on \*\*Starter\*\*/],
  ['en', 'is sso available on pro?', /^Not on \*\*Pro\*\*/],
  ['en', 'does the pro plan have saml?', /^Not on \*\*Pro\*\*/],
  ['es', '¿el plan Pro incluye SSO?', /^No en \*\*Pro\*\*/],
  ['fr', 'Est-ce que Pro inclut le SSO ?', /^Pas avec \*\*Pro\*\*/],
  ['de', 'Ist SSO in Starter enthalten?', /^Nicht in \*\*Starter\*\*/],
  ['ar', 'هل تتضمن باقة Pro تسجيل الدخول الموحد SSO؟', /^لا تتضمن \*\*الاحترافية\*\*/],
];
const YES_WORD = /(?:^|\n\n)(?:As I mentioned, )?(?:Yes|Sí|Oui|Ja|نعم)\b/u;

describe('SSO on a plan that lacks it', () => {
  test.each(NO_FIRST)('%s: "%s" is answered no first, then where it is included', async (locale, question, no) => {
    const [reply] = await talk(locale, 'Europe/London', [question]);
    expect(reply?.text).toMatch(no);
    expect(reply?.text).not.toMatch(YES_WORD);
    expect(reply?.text).toMatch(locale === 'ar' ? /الأعمال/ : /Business/);
  });

  test('a price question that also asks "does it include SSO?" about Pro gets the price and a no, never a yes', async () => {
    const replies = await talk('en', 'Europe/London', ["Hi, I'm Maria from Acme Logistics, a team of 25.", 'How much is the Pro plan for us per year, and does it include SSO?']);
    const text = replies.at(-1)?.text ?? '';
    expect(text).toContain('$7,200');
    expect(text).toMatch(/Not on \*\*Pro\*\*/);
    expect(text).not.toMatch(YES_WORD);
  });

  test.each([
    ['en', 'is sso included in business?', /Business/],
    ['es', '¿Business incluye SSO?', /^Sí/],
    ['de', 'Ist SSO in Enterprise enthalten?', /^Ja/],
  ] as Array<[Parameters<typeof talk>[0], string, RegExp]>)('%s: "%s" on a plan that has it keeps its yes', async (locale, question, yes) => {
    const [reply] = await talk(locale, 'Europe/London', [question]);
    expect(reply?.text).toMatch(yes);
    expect(reply?.text).not.toMatch(/^(?:Not on|No en|Nicht in)\b/);
  });

  test('asked with no plan named, SSO is a plain yes with the plans that include it', async () => {
    const [reply] = await talk('en', 'Europe/London', ['do you support sso?']);
    expect(reply?.text).toMatch(/^Yes/);
    expect(reply?.text).toMatch(/Business and Enterprise/);
  });
});
