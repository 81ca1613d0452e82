/** @jest-environment node */
// Session 23 (fr, de, ar buyers): the need is stored in the prospect's own words ("nous avons besoin du SSO", "brauchen
// SSO", "نحتاج …") and read back to them in the second person ("vous avez besoin du SSO", "Sie brauchen SSO",
// "تحتاجون …"), in a sentence that carries it, never "Votre objectif : nous avons besoin…" or "Als Ziel … brauchen SSO".
import { arMemory } from '@/lib/llm/offline/phrases-ar';
import { deMemory } from '@/lib/llm/offline/phrases-de';
import { frMemory } from '@/lib/llm/offline/phrases-fr';
import { conversation, lead } from '../support/offline-agent';

const UNSURE = /confirmed answer|rather not guess|réponse confirmée|bestätigte Antwort|إجابة مؤكدة/;
/** The prospect's first person left in the agent's sentence. */
const FIRST_PERSON = {
  fr: /(?<!\p{L})(?:nous|notre|nos|on|je|j['’]|mon|ma|mes|moi)(?!\p{L})/iu,
  de: /(?<!\p{L})(?:wir|uns|unser\w*|ich|mein\w*|mir|mich)(?!\p{L})/iu,
  ar: /(?<!\p{L})[وف]?(?:نحن|نحتاج|نريد|نبحث|نعاني|أحتاج|احتاج|أريد|اريد)(?!\p{L})|(?:مشاريعنا|فريقنا|مشكلتنا|هدفنا)/u,
};
/** The bold part of a reply: what it reads back. */
const bold = (text: string) => text.match(/\*\*([^*]+)\*\*/u)?.[1] ?? '';

describe('offline agent: session 23, the need read back in the second person', () => {
  it('1: French needs said with "nous", "on" and "je" are read back with "vous", "votre" and "vos"', async () => {
    for (const [said, stored, question, recalled] of [
      ['nous sommes 25 et nous avons besoin du SSO', 'nous avons besoin du SSO', 'de quoi avions-nous besoin déjà ?', 'Vous m’avez dit que **vous avez besoin du SSO**.'],
      ['nous sommes 12, on a besoin du SSO', 'on a besoin du SSO', 'de quoi avions-nous besoin déjà ?', 'Vous m’avez dit que **vous avez besoin du SSO**.'],
      ['nous voulons centraliser nos projets et suivre notre temps', 'nous voulons centraliser nos projets et suivre notre temps', 'quel était notre objectif ?', 'Vous m’avez dit que **vous voulez centraliser vos projets et suivre votre temps**.'],
      ['on cherche un outil pour gérer nos projets clients', 'on cherche un outil pour gérer nos projets clients', 'de quoi avions-nous besoin déjà ?', 'Vous m’avez dit que **vous cherchez un outil pour gérer vos projets clients**.'],
      ["j'aimerais centraliser mes projets", "j'aimerais centraliser mes projets", 'de quoi avais-je besoin déjà ?', 'Vous m’avez dit que **vous aimeriez centraliser vos projets**.'],
      ['nous souhaitons remplacer nos tableurs', 'nous souhaitons remplacer nos tableurs', 'quel était notre objectif ?', 'Vous m’avez dit que **vous souhaitez remplacer vos tableurs**.'],
    ] as const) {
      const chat = conversation({ locale: 'fr', visitorTimeZone: 'Europe/Paris' });
      await chat.say(said);
      const recall = await chat.say(question);
      // The need stays stored as the prospect said it; only the reading back changes.
      expect(lead(recall).need).toBe(stored);
      expect(recall.text).not.toMatch(UNSURE);
      expect(recall.text).toContain(recalled);
      expect(bold(recall.text)).not.toMatch(FIRST_PERSON.fr);
    }
  });

  it('2: German needs said with "wir", without it, or with "ich" are read back with "Sie", "Ihr" and "Ihre"', async () => {
    for (const [said, stored, question, recalled] of [
      ['wir brauchen SSO und Audit-Logs', 'wir brauchen SSO und Audit-Logs', 'was brauchten wir nochmal?', 'Sie haben mir gesagt, **Sie brauchen SSO und Audit-Logs**.'],
      ['wir sind 25 und brauchen SSO', 'brauchen SSO', 'was brauchten wir nochmal?', 'Sie haben mir gesagt, **Sie brauchen SSO**.'],
      ['für unser Team brauchen wir SSO', 'brauchen wir SSO', 'was brauchten wir nochmal?', 'Sie haben mir gesagt, **Sie brauchen SSO**.'],
      ['wir möchten unsere Zeiterfassung vereinfachen', 'wir möchten unsere Zeiterfassung vereinfachen', 'was brauchten wir nochmal?', 'Sie haben mir gesagt, **Sie möchten Ihre Zeiterfassung vereinfachen**.'],
      ['ich suche ein Tool für mein Team', 'ich suche ein Tool für mein Team', 'was war mein Ziel?', 'Sie haben mir gesagt, **Sie suchen ein Tool für Ihr Team**.'],
      ['wir wünschen uns mehr Überblick über unsere Projekte', 'wir wünschen uns mehr Überblick über unsere Projekte', 'was war unser Ziel?', 'Sie haben mir gesagt, **Sie wünschen sich mehr Überblick über Ihre Projekte**.'],
    ] as const) {
      const chat = conversation({ locale: 'de', visitorTimeZone: 'Europe/Berlin' });
      await chat.say(said);
      const recall = await chat.say(question);
      expect(lead(recall).need).toBe(stored);
      expect(recall.text).not.toMatch(UNSURE);
      expect(recall.text).toContain(recalled);
      expect(bold(recall.text)).not.toMatch(FIRST_PERSON.de);
    }
  });

  it('3: Arabic needs said with "نحتاج" and "نريد" are read back with "تحتاجون", "تريدون" and "…كم"', async () => {
    for (const [said, stored, recalled] of [
      ['نحن 25 موظف ونحتاج تسجيل دخول موحد SSO', 'نحتاج تسجيل دخول موحد SSO', 'ذكرت لي أنكم **تحتاجون تسجيل دخول موحد SSO**.'],
      ['نريد ربط مشاريعنا مع Jira', 'نريد ربط مشاريعنا مع Jira', 'ذكرت لي أنكم **تريدون ربط مشاريعكم مع Jira**.'],
      ['نبحث عن أداة لإدارة فريقنا', 'نبحث عن أداة لإدارة فريقنا', 'ذكرت لي أنكم **تبحثون عن أداة لإدارة فريقكم**.'],
    ] as const) {
      const chat = conversation({ locale: 'ar' });
      await chat.say(said);
      const recall = await chat.say('ماذا كنا نحتاج؟');
      expect(lead(recall).need).toBe(stored);
      expect(recall.text).not.toMatch(UNSURE);
      expect(recall.text).toContain(recalled);
      expect(bold(recall.text)).not.toMatch(FIRST_PERSON.ar);
    }
  });

  it('4: the French reading back handles "il nous faut", negation, elision, the subjunctive and a need that is a thing', () => {
    for (const [need, recalled] of [
      ['il nous faut une intégration avec notre CRM', 'Vous m’avez dit qu’**il vous faut une intégration avec votre CRM**.'],
      ["on n'a pas de visibilité sur nos projets", "Vous m’avez dit que **vous n'avez pas de visibilité sur vos projets**."],
      ["j'ai besoin de suivre le temps de mon équipe", 'Vous m’avez dit que **vous avez besoin de suivre le temps de votre équipe**.'],
      ["j'aimerais un outil qui m'aide à suivre mes projets", 'Vous m’avez dit que **vous aimeriez un outil qui vous aide à suivre vos projets**.'],
      ['on voudrait remplacer Asana', 'Vous m’avez dit que **vous voudriez remplacer Asana**.'],
      ['nous souhaitons nous débarrasser des tableurs', 'Vous m’avez dit que **vous souhaitez vous débarrasser des tableurs**.'],
      ["je voudrais qu'on puisse gérer nos projets", 'Vous m’avez dit que **vous voudriez que vous puissiez gérer vos projets**.'],
      ['nos projets prennent du retard', 'Vous m’avez dit que **vos projets prennent du retard**.'],
      ['notre principal problème est le suivi du temps', 'Vous m’avez dit que **votre principal problème est le suivi du temps**.'],
      ['nous perdons trop de temps sur les rapports', 'Vous m’avez dit que **vous perdez trop de temps sur les rapports**.'],
      // A word that only starts like "on" is not the pronoun; a need that is a thing keeps its label.
      ["on cherche un outil pour l'onboarding", "Vous m’avez dit que **vous cherchez un outil pour l'onboarding**."],
      ['un outil pour nos clients', 'Vous m’avez indiqué votre objectif : **un outil pour vos clients**.'],
    ] as const) {
      const said = frMemory.recallNeed!(need);
      expect(said).toBe(recalled);
      expect(bold(said)).not.toMatch(FIRST_PERSON.fr);
    }
  });

  it('5: the German reading back handles "ich", "uns", "unser…", a need said without "wir" and a need that is a thing', () => {
    for (const [need, recalled] of [
      ['brauchen SSO und Audit-Logs', 'Sie haben mir gesagt, **Sie brauchen SSO und Audit-Logs**.'],
      ['benötigen wir SSO', 'Sie haben mir gesagt, **Sie benötigen SSO**.'],
      ['wir wollen unsere Projekte zentralisieren', 'Sie haben mir gesagt, **Sie wollen Ihre Projekte zentralisieren**.'],
      ['wir müssen Berichte schneller erstellen', 'Sie haben mir gesagt, **Sie müssen Berichte schneller erstellen**.'],
      ['wir möchten unsere Zeiterfassung mit unserem CRM verbinden', 'Sie haben mir gesagt, **Sie möchten Ihre Zeiterfassung mit Ihrem CRM verbinden**.'],
      ['ich brauche eine Integration mit Jira', 'Sie haben mir gesagt, **Sie brauchen eine Integration mit Jira**.'],
      ['ich möchte meine Projekte besser planen', 'Sie haben mir gesagt, **Sie möchten Ihre Projekte besser planen**.'],
      ['uns fehlt der Überblick', 'Sie haben mir gesagt, **Ihnen fehlt der Überblick**.'],
      ['unser Problem ist die Zeiterfassung', 'Sie haben mir gesagt, **Ihr Problem ist die Zeiterfassung**.'],
      ['unsere Projekte verzögern sich ständig', 'Sie haben mir gesagt, **Ihre Projekte verzögern sich ständig**.'],
      ['verlieren den Überblick', 'Sie haben mir gesagt, **Sie verlieren den Überblick**.'],
      ['ein Tool für unsere Agentur', 'Als Ziel haben Sie mir **ein Tool für Ihre Agentur** genannt.'],
    ] as const) {
      const said = deMemory.recallNeed!(need);
      expect(said).toBe(recalled);
      expect(bold(said)).not.toMatch(FIRST_PERSON.de);
    }
  });

  it('6: the Arabic reading back turns "نحتاج"/"أحتاج" and "…نا" to the listener, and leaves "هنا" and "مجانا" alone', () => {
    for (const [need, recalled] of [
      ['نحتاج إلى ربط مشاريعنا مع Jira', 'ذكرت لي أنكم **تحتاجون إلى ربط مشاريعكم مع Jira**.'],
      ['نعاني من ضياع المواعيد', 'ذكرت لي أنكم **تعانون من ضياع المواعيد**.'],
      ['نحتاج SSO ونريد تكامل Slack هنا', 'ذكرت لي أنكم **تحتاجون SSO وتريدون تكامل Slack هنا**.'],
      ['أحتاج إلى تتبع الوقت', 'ذكرت لي أنك **تحتاج إلى تتبع الوقت**.'],
      ['مشكلتنا الرئيسية هي تتبع الوقت', 'ذكرت لي أن **مشكلتكم الرئيسية هي تتبع الوقت**.'],
      ['مشاريعنا تتأخر', 'ذكرت لي أن **مشاريعكم تتأخر**.'],
      ['محتاجين تقارير أفضل', 'ذكرت لي أنكم **محتاجون تقارير أفضل**.'],
      ['أداة مجانا لفريقنا', 'هدفك كما ذكرت لي: **أداة مجانا لفريقكم**.'],
    ] as const) {
      const said = arMemory.recallNeed!(need);
      expect(said).toBe(recalled);
      expect(bold(said)).not.toMatch(FIRST_PERSON.ar);
    }
  });
});
