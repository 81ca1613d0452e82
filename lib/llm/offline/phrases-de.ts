import { capitalise, listWith as list, type MemoryPhrases, type Phrases } from '@/lib/llm/offline/phrasebook';

/** The offline agent's sentences in German (Sie-Form, as a sales rep writes to a prospect). */

export const de: Phrases = {
  greeting: (company, tagline) => `Hallo! Ich bin der Vertriebsassistent von ${company}. ${tagline}`.trimEnd(),
  canHelp: 'Ich helfe Ihnen gern bei Tarifen und Preisen, Sicherheit, Integrationen oder der Buchung einer Demo.',
  thanks: (company) => `Gern geschehen! Kann ich Ihnen sonst noch helfen — bei Preisen, Sicherheit oder einer Demo von ${company}?`,
  smallTalk: 'Prima.',
  howAreYou: 'Mir geht es gut, danke der Nachfrage!',
  howCanIHelp: 'Wobei kann ich Ihnen heute helfen?',
  languageSwitched: 'Gern, wir machen auf Deutsch weiter.',
  offTopic: (company) =>
    `Dabei kann ich hier leider nicht helfen — ich bin der Vertriebsassistent von ${company} und bleibe bei unserem Produkt: Tarife und Preise, Sicherheit, Integrationen und Demos.`,
  injectionDiscount: 'Ich kann meine Anweisungen nicht übergehen und selbst keine Rabatte gewähren.',
  injection: (company) =>
    `Meine Anweisungen und meine Konfiguration kann ich nicht teilen, aber bei allem rund um ${company} helfe ich Ihnen gern: Tarife, Preise, Sicherheit oder eine Demo.`,
  unknownQuestion: (salesEmail) =>
    `Gute Frage — dazu habe ich keine bestätigte Antwort, und raten möchte ich nicht. Unser Team (${salesEmail}) kann Ihnen eine verbindliche Antwort geben.`,
  unknownStatement: 'Danke, das hilft mir weiter.',
  notSure: 'Kein Problem, darauf können wir später zurückkommen.',
  becauseOf: (reason) => `Der Grund: ${reason}`,
  askedBefore: 'Das haben Sie mich bisher gefragt:',
  askedNothing: 'Vorher haben Sie mir noch keine Frage gestellt.',
  trialOf: (plan) => `Die kostenlose Testphase ist eine Testphase von **${plan}**.`,
  savingPerSeat: (plan) => (plan ? `Sparen können Sie mit jährlicher Abrechnung: **${plan.name}** kostet dann **${plan.annual} pro Nutzer und Monat** statt ${plan.monthly} bei monatlicher Abrechnung; wie viel das ausmacht, hängt von der Zahl der Nutzer ab.` : 'Sparen können Sie mit jährlicher Abrechnung: Sie senkt den Preis pro Nutzer bei jedem kostenpflichtigen Tarif; wie viel das ausmacht, hängt von der Zahl der Nutzer ab.'),
  bareNumber: (value) => `Nur zur Sicherheit: Ist „${value}“ die Zahl der Personen, die es nutzen würden, oder ein Datum bzw. ein Zeitraum (etwa „in ${value} Tagen“)?`,
  noMeetingToCancel: 'Sie haben bei mir keine Demo gebucht, es gibt also nichts abzusagen. Möchten Sie eine buchen?',
  handoffAgain: 'Unser Vertriebsteam hat Ihre Anfrage bereits und meldet sich bald bei Ihnen.',
  brochure: (salesEmail) => `Dateien kann ich von hier aus nicht schicken, aber ich kann Ihnen Tarife und Preise gleich hier erklären, und unser Team unter ${salesEmail} schickt Ihnen gern Unterlagen.`,
  sendByEmail: 'Aus diesem Chat kann ich selbst keine E-Mails senden, aber unser Vertriebsteam schickt es Ihnen gern.',
  sendToKnown: (email, salesEmail) => `Aus diesem Chat kann ich selbst keine E-Mails senden: Alles, was ich Ihnen genannt habe, bleibt hier zum Kopieren, und wenn Sie an ${salesEmail} schreiben, schickt das Team es an **${email}**.`,
  sendWithoutEmail: (salesEmail) => `Aus diesem Chat kann ich keine E-Mails senden, und Ihre Adresse möchten Sie lieber nicht angeben: Alles, was ich Ihnen gesagt habe, bleibt hier im Chat zum Kopieren, und Sie können jederzeit an ${salesEmail} schreiben, wenn Sie es zugeschickt haben möchten.`,
  greetFormally: (titled) => (titled ? `Guten Tag, ${titled}!` : 'Guten Tag, schön, dass Sie sich melden!'),
  noted: (name, items) =>
    items.length === 0 && name ? `Schön, Sie kennenzulernen, ${name}!` : `Danke${name ? `, ${name}` : ''}!${items.length > 0 ? ` Notiert: ${list(items, 'und')}.` : ''}`,
  notedEmail: (email) => `Ihre E-Mail-Adresse **${email}**`,
  notedName: (name) => `Ihr Name, **${name}**`,
  notedPhone: (phone) => `Ihre Telefonnummer **${phone}**`,
  notedCompany: (company) => `Ihr Unternehmen ${company}`,
  notedTeam: (seats) => `ein Team von ${seats} Personen`,
  priceLine: (monthly, annual) =>
    [monthly && `**${monthly} pro Nutzer und Monat** bei monatlicher Abrechnung`, annual && `**${annual} pro Nutzer und Monat** bei jährlicher Abrechnung`]
      .filter(Boolean)
      .join(' oder '),
  customLine: 'individueller Preis — unser Vertriebsteam erstellt ein Angebot',
  planIs: (plan, line) => `**${plan}** kostet ${line}.`,
  coversSeats: (range) => `Geeignet für ${range}.`,
  quoteMonthly: (plan, seats, perSeat, month, year) =>
    `**${plan}** für ${seats} Nutzer bei monatlicher Abrechnung: **${perSeat} pro Nutzer und Monat**, also **${month} im Monat** (${year} im Jahr).`,
  quoteAnnual: (plan, seats, perSeat, year, month, saving) =>
    `Bei jährlicher Abrechnung kostet ${plan} für ${seats} Nutzer **${perSeat} pro Nutzer und Monat**: **${year} im Jahr** (${month} im Monat)${saving ? `, eine Ersparnis von **${saving}** im Jahr` : ''}.`,
  suggestFor: (seats, plan, summary) => `Für ein Team von ${seats} Personen empfehle ich **${plan}**. ${summary}`.trimEnd(),
  needsPlan: (what, plan) => `Für ${what} braucht es **${plan}**.`,
  planAtMinimum: (plan, min, seats) => `**${plan}** beginnt bei ${min} Nutzern: Für Ihr Team von ${seats} werden ${min} abgerechnet.`,
  billedAtMinimum: (plan, min, seats) => `Was Sie brauchen, ist in **${plan}** enthalten, das bei ${min} Nutzern beginnt: Für Ihr Team von ${seats} werden ${min} abgerechnet.`,
  annualPaysLess: (annual, monthly, saving) => `Günstiger wird es mit jährlicher Abrechnung: **${annual} pro Nutzer und Monat** statt ${monthly}, eine Ersparnis von **${saving}** im Jahr.`,
  alreadyLowest: (plan, seats) => `**${plan}** ist bereits unser günstigster Tarif für ein Team von ${seats} Personen.`,
  smallerPlanHolds: (cheaper, seats, plan) => `Ist das Budget knapp: **${cheaper}** reicht auch für ein Team von ${seats} Personen und ist günstiger als **${plan}**.`,
  startSmall: 'Klein bleibt die erste Rechnung mit jährlicher Abrechnung oder wenn Sie mit dem Team beginnen, das den größten Bedarf hat, und weitere Nutzer hinzufügen, sobald die anderen dazukommen.',
  aboveEvenAnnual: (cost) => `Bei jährlicher Abrechnung sind es **${cost} im Monat**, immer noch darüber.`,
  cheaperStillAbove: (plan, rate) => `**${plan}** deckt Ihr Team ebenfalls ab, mit **${rate} pro Nutzer und Monat** bei jährlicher Abrechnung, für Ihr Team aber ebenfalls darüber.`,
  cheaperWithin: (plan, rate, annual) => `**${plan}** deckt Ihr Team ebenfalls ab und passt in dieses Budget: **${rate} pro Nutzer und Monat**${annual ? ' bei jährlicher Abrechnung' : ''}.`,
  planFitsYes: (plan, seats, range) => `Ja: **${plan}** umfasst ${range} und deckt damit Ihr Team von ${seats} Personen ab.`,
  budgetAbove: (budget, current, plan) => `**${current}** liegt über dem Budget, das Sie genannt haben (**${budget}**). Günstiger ist **${plan}**:`,
  needOverBudget: (budget, current, feature, plans, cheaper, fewer) =>
    `**${current}** liegt über dem Budget, das Sie genannt haben (**${budget}**), und ${feature} gibt es nur bei ${plans}. Die Abwägung:${cheaper ? ` **${cheaper}** passt ins Budget, ohne ${feature}` : ''}${cheaper && fewer ? ';' : ''}${fewer ? ` ${cheaper ? 'oder ' : ''}**${current}** mit weniger Nutzern (bis zu ${fewer}) bleibt im Budget` : ''}${!cheaper && !fewer ? ' weniger Nutzer, oder die Optionen mit unserem Team besprechen' : ''}.`,
  farewell: (name, booking, email) =>
    `Danke für Ihre Zeit${name ? `, ${name}` : ''}!${booking ? ` Bis zum Termin am **${booking}**.` : ''} Wenn noch etwas ist, schreiben Sie jederzeit hier oder an ${email}.`,
  budgetFit: (fit, budget, annualCost) =>
    fit === 'within'
      ? `${annualCost ? `Mit **${annualCost}** passt das` : 'Das passt'} in das Budget, das Sie genannt haben (**${budget}**).`
      : fit === 'annual-within'
        ? `Bei jährlicher Abrechnung${annualCost ? ` (**${annualCost}**)` : ''} passt es in das Budget, das Sie genannt haben (**${budget}**).`
        : `Das liegt über dem Budget, das Sie genannt haben (**${budget}**). Mit weniger Nutzern zu starten senkt den Betrag, und unser Team bespricht die Möglichkeiten gern mit Ihnen.`,
  customPricing: (plan, minSeats, summary) =>
    `**${plan}** hat individuelle Preise: Unser Vertriebsteam erstellt ein Angebot nach Ihrer Nutzerzahl und Ihren Anforderungen (${plan} beginnt bei ${minSeats} Nutzern). ${summary}`.trimEnd(),
  customBudget: (plan, budget, salesEmail) => `Da **${plan}** von unserem Vertriebsteam angeboten wird, kann ich nicht sagen, ob es in das Budget passt, das Sie genannt haben (**${budget}**); das Team kann ein Angebot mit Blick darauf erstellen (${salesEmail}).`,
  quoteOffer: 'Möchten Sie ein Angebot oder ein kurzes Gespräch mit dem Team? Wenn ja, unter welcher E-Mail-Adresse erreichen wir Sie?',
  overviewIntro: (company) => `${company} wird pro Nutzer abgerechnet. Das sind unsere Tarife:`,
  noSuchPlan: (name) => `Einen Tarif namens **${name}** haben wir nicht.`,
  mostPopular: ' (am beliebtesten)',
  compareIntro: (lower, higher) => `So unterscheiden sich **${lower}** und **${higher}**:`,
  compareAdds: (lower, higher) => `Zusätzlich zu ${lower} bietet **${higher}**:`,
  compareCost: (seats) => `Für ${seats} Nutzer:`,
  perMonth: 'im Monat',
  perYear: 'im Jahr',
  recommendIntro: 'Ich helfe Ihnen gern bei der Auswahl. Unsere Tarife unterscheiden sich vor allem nach Teamgröße und Verwaltungsbedarf:',
  seatRange: (min, max) => (max === null ? `${min} Nutzer und mehr` : `${min}–${max.toLocaleString('de-DE')} Nutzer`),
  featuresPrice: 'Preis',
  competitorIntro: (company, competitor) => `So schneidet **${company}** im Vergleich zu **${competitor}** ab:`,
  noComparison: (company, competitor, salesEmail) => `Einen Vergleich zwischen ${company} und **${competitor}** habe ich nicht, deshalb treffe ich keine Aussagen über deren Produkt. Wenn Ihnen ein direkter Vergleich wichtig ist, hilft Ihnen unser Team unter ${salesEmail}. Was ich Ihnen sagen kann, ist, was ${company} für Sie leistet:`,
  competitorOurs: (company) => `Wo ${company} stärker ist:`,
  competitorEdge: (company, competitor) => `Im Vergleich zu **${competitor}** bietet Ihnen ${company} Folgendes:`,
  competitorTheirs: (competitor) => `Wo ${competitor} stark ist:`,
  objectionCheck: 'Beantwortet das Ihre Bedenken?',
  inviteFor: (when, email) => `Ihre Demo am **${when}** ist für **${email}** gebucht; die Buchungskarte oben enthält die Einladung („Zum Kalender hinzufügen (.ics)“).`,
  meetingWho: (when, minutes, email, salesEmail) => `Es ist eine ${minutes}-minütige Demo mit jemandem aus unserem Vertriebsteam; den Namen der Person habe ich nicht, und raten möchte ich nicht. Sie findet am **${when}** statt, gebucht für **${email}**; die Buchungskarte oben enthält die Einladung („Zum Kalender hinzufügen (.ics)“). Wenn Sie vorher wissen möchten, wer es sein wird, hilft Ihnen ${salesEmail} weiter.`,
  booked: (when, minutes, email, emailed) =>
    emailed
      ? `Gebucht: **${when}**, eine ${minutes}-minütige Demo mit unserem Vertriebsteam. Die Einladung geht an **${email}**.`
      : `Gebucht: **${when}**, eine ${minutes}-minütige Demo mit unserem Vertriebsteam, für **${email}**. Die Einladung verschicken wir nicht per E-Mail: Tragen Sie den Termin über den Link „Zum Kalender hinzufügen (.ics)“ auf der Buchungskarte oben in Ihren Kalender ein.`,
  bookingEmailChanged: (when, email, previous, emailed) =>
    `Erledigt: Ihre Demo am **${when}** läuft jetzt auf **${email}** statt auf ${previous}.${emailed ? ' Die aktualisierte Einladung ist unterwegs an diese Adresse.' : ' Die Buchungskarte oben enthält die aktualisierte Einladung („Zum Kalender hinzufügen (.ics)“); sie ersetzt die alte.'}`,
  bookingMoved: (from, when, email, emailed) =>
    `Erledigt: Ihre Demo ist von **${from}** auf **${when}** verschoben, für **${email}**.${emailed ? ' Die aktualisierte Einladung ist unterwegs in Ihr Postfach.' : ' Die Buchungskarte oben enthält die aktualisierte Einladung („Zum Kalender hinzufügen (.ics)“); sie ersetzt die alte.'}`,
  bookingAdjusted: (requested, reason, hours) =>
    reason === 'outside_hours'
      ? `„${requested}“ liegt außerhalb unserer Terminzeiten (${hours}, Montag bis Freitag), deshalb habe ich den nächsten freien Termin genommen.`
      : reason === 'too_soon'
        ? `„${requested}“ ist zu kurzfristig, damit sich das Team vorbereiten kann, deshalb habe ich den nächsten freien Termin genommen.`
        : `„${requested}“ ist schon vergeben, deshalb habe ich den nächsten freien Termin genommen.`,
  icsNote: 'Sie können den Termin auch über den Link „Zum Kalender hinzufügen (.ics)“ auf der Buchungskarte oben in Ihren Kalender eintragen.',
  defaultZone: (zone) => `Sie haben keine Zeitzone genannt, deshalb habe ich ${zone} verwendet — nennen Sie mir Ihre, dann verschiebe ich den Termin.`,
  browserZone: (zone) => `Ich habe Ihre Zeitzone laut Ihrem Browser verwendet, ${zone} — wenn Sie eine andere möchten, verschiebe ich den Termin.`,
  bookingByPhone: (minutes, when) =>
    `Gern richte ich eine ${minutes}-minütige Demo${when ? ` ${/^(?:am|um|im|ab|zum|nächste)\b/iu.test(when) ? '' : 'für '}**${when}**` : ''} ein. Da Sie keine E-Mail-Adresse angeben möchten, gibt es keine Einladung zu verschicken: Hinterlassen Sie mir eine Telefonnummer, dann ruft unser Vertriebsteam Sie an, um ${when ? 'den Termin' : 'einen Termin'} zu bestätigen.`,
  demoByPhone: (when, phone) => `Keine E-Mail nötig: Ich habe Ihre Anfrage für eine Demo${when ? ` (**${when}**)` : ''} an unser Vertriebsteam weitergegeben; es ruft Sie unter **${phone}** an, um sie zu bestätigen.`,
  bookingEmailAgain: (when) => [`${when ? `Notiert: **${when}**. ` : ''}An welche E-Mail-Adresse soll ich die Einladung schicken?`, `Ich kann ${when ? `**${when}**` : 'die Demo'} buchen, sobald ich Ihre E-Mail-Adresse für die Einladung habe: Wie lautet sie?`],
  bookingNeedsEmail: (minutes, when) =>
    when
      ? `Gern richte ich eine ${minutes}-minütige Demo ${/^(?:am|um|im|ab|zum|nächste)\b/iu.test(when) ? '' : 'für '}**${when}** ein. An welche E-Mail-Adresse soll die Einladung gehen?`
      : `Gern richte ich eine ${minutes}-minütige Demo ein. An welche E-Mail-Adresse soll die Einladung gehen, und welcher Tag und welche Uhrzeit passen Ihnen (mit Ihrer Zeitzone)?`,
  bookingNeedsTime: (minutes, zone) =>
    `Gern richte ich eine ${minutes}-minütige Demo ein. Welcher Tag und welche Uhrzeit passen Ihnen? Nennen Sie mir auch Ihre Zeitzone (sonst verwende ich ${zone}).`,
  bookingOffer: (minutes, zone) =>
    `Wäre eine ${minutes}-minütige Demo mit unserem Team hilfreich? Wenn ja, welcher Tag und welche Uhrzeit passen Ihnen, und in welcher Zeitzone (sonst verwende ich ${zone})?`,
  bookingWhichDay: (phrase, first, second) => `Nur zur Sicherheit, bevor ich buche: Meinen Sie mit „${phrase}“ **${first}** oder **${second}**?`,
  bookingPast: (phrase) => `„${phrase}“ liegt schon in der Vergangenheit, daher habe ich nichts gebucht. Welcher andere Tag und welche Uhrzeit passen Ihnen?`,
  bookingFailed: (_reason, salesEmail) => `Das konnte ich leider nicht buchen. Sie erreichen das Team auch unter ${salesEmail}.`,
  bookingUnavailable: (salesEmail) => `Ich kann gerade keine Termine buchen; schreiben Sie bitte an ${salesEmail}, dann findet das Team einen Termin mit Ihnen.`,
  meetingTimeCheck: (right, when, local, sameZone) =>
    `${right ? 'Ja' : 'Nicht ganz'}: Ihre Demo ${sameZone ? `ist am **${when}**` : `am **${when}** ist dort **${local}**`}.${right ? '' : ' Wenn Sie lieber eine andere Uhrzeit möchten, sagen Sie es mir, dann verschiebe ich sie.'}`,
  meetingTime: (when, local, sameZone, elsewhere) =>
    local === undefined
      ? `Ihre Demo ist am **${when}**. Nennen Sie mir Ihre Zeitzone, dann sage ich Ihnen die Uhrzeit bei Ihnen.`
      : sameZone
        ? `Ihre Demo ist am **${when}**, das ist bereits ${elsewhere ? 'diese' : 'Ihre'} Zeitzone.`
        : `Ihre Demo ist am **${when}**. ${elsewhere ? 'In dieser Zeitzone' : 'Bei Ihnen'} ist das **${local}**.`,
  cancelDone: (when, email, emailed) =>
    `Erledigt: Ihre Demo am **${when}** ist abgesagt, und das Vertriebsteam weiß Bescheid. ${
      emailed ? `Eine Absage geht an **${email}**.` : 'Falls Sie den Termin in Ihren Kalender übernommen haben, entfernt ihn die Karte oben.'
    } Wenn Ihnen ein anderer Termin passt, sagen Sie es mir, dann buche ich ihn.`,
  cancelledAlready: (when) => `Ihre Demo am **${when}** ist abgesagt, es ist also gerade nichts gebucht. Möchten Sie einen anderen Termin?`,
  cancelNotHere: (email, when, bookedFor) =>
    `Ich kann nur eine in diesem Gespräch gebuchte Demo absagen, und hier gibt es keine für **${email}**: Die hier gebuchte ist am **${when}** für **${bookedFor}**. Wenn Sie die meinen, sagen Sie einfach „absagen“.`,
  cancelUnavailable: (when, salesEmail) => `Von hier aus kann ich sie gerade nicht absagen: Schreiben Sie an ${salesEmail}, dann sagt das Team Ihre Demo am **${when}** ab.`,
  handoffCall: (phone, hours) => `Natürlich — ich habe ein Mitglied unseres Vertriebsteams gebeten, Sie unter **${phone}** anzurufen${hours ? ` (Erreichbarkeit des Teams: ${hours})` : ''}.`,
  handoffDone: (email, hours) =>
    email
      ? `Natürlich — ich habe ein Mitglied unseres Vertriebsteams gebeten, zu übernehmen. Die Antwort kommt an **${email}**${hours ? ` (Erreichbarkeit des Teams: ${hours})` : ''}.`
      : `Natürlich — ich habe ein Mitglied unseres Vertriebsteams gebeten, zu übernehmen.${hours ? ` Erreichbarkeit des Teams: ${hours}.` : ''}`,
  handoffWithoutEmail: (salesEmail) => `Eine E-Mail-Adresse brauchen wir nicht: Sie können dem Team jederzeit an **${salesEmail}** schreiben, und bis dahin bin ich hier im Chat für Sie da.`,
  handoffUnavailable: (salesEmail, hours) => `Natürlich — Sie erreichen unser Vertriebsteam unter ${salesEmail}${hours ? ` (${hours})` : ''}.`,
  handoffWho: (contact, hours, ask) =>
    `Jemand aus unserem Vertriebsteam meldet sich bei Ihnen${contact ? ` unter **${contact}**` : ''}${hours ? `; Erreichbarkeit des Teams: ${hours}` : ''}. Einen Namen oder eine genaue Uhrzeit kann ich Ihnen von hier aus nicht nennen.${contact || !ask ? '' : ' Unter welcher E-Mail-Adresse oder Nummer erreicht man Sie?'}`,
  pricingUnavailable: (salesEmail) => `Diesen Preis konnte ich gerade nicht abrufen; unser Team (${salesEmail}) schickt Ihnen gern ein Angebot.`,
  priceObjection: (plan, seats, perSeat, annualTotal, monthlyYear, savings) =>
    `Bei jährlicher Abrechnung sinkt **${plan}** für ${seats} Nutzer auf **${perSeat} pro Nutzer und Monat**: **${annualTotal} im Jahr** statt ${monthlyYear}, eine Ersparnis von **${savings}**.`,
  priceAtMinimum: (plan, min) => `Diese Beträge gelten für ${min} Nutzer, das Minimum bei **${plan}**: Sagen Sie mir, wie viele Personen es nutzen würden, dann rechne ich es für Ihr Team aus.`,
  fees: (salesEmail) =>
    `Unsere Preisliste rechnet pro aktivem Nutzer ab, monatlich oder jährlich, und nennt keine Einrichtungs- oder sonstigen Einmalgebühren; das kann ich aber nicht für jeden Fall bestätigen, und ich möchte nicht raten. Das Team unter ${salesEmail} gibt Ihnen eine verbindliche Antwort.`,
  furtherDiscount: (salesEmail) => `Über weitere Rabatte entscheidet unser Vertriebsteam; Sie können unter ${salesEmail} danach fragen.`,
  noPriceMatch: 'Den Preis eines anderen Anbieters kann ich nicht selbst angleichen.',
  erase: (salesEmail) =>
    `Sie können dieses Gespräch und alles, was Sie mir darin gesagt haben, jederzeit löschen: mit dem Papierkorb-Knopf (**Gespräch löschen**) oben im Chat. Für alle anderen Daten, die wir über Sie haben, schreiben Sie an ${salesEmail}.`,
  notInterested: (salesEmail) => `Verstanden, danke für Ihre Zeit. Falls sich etwas ändert, bin ich hier, oder Sie erreichen das Team unter ${salesEmail}.`,
  frustrated: 'Tut mir leid, dass ich Ihnen nicht weiterhelfen konnte. Sagen Sie mir, was Sie suchen, und ich beantworte es direkt – oder, wenn Sie lieber mit einem Menschen sprechen, sagen Sie es, und ich verbinde Sie mit unserem Vertriebsteam.',
  noSelfHosting: (salesEmail) => `Eine On-Premises- oder selbst gehostete Version kann ich nicht bestätigen – das Team unter ${salesEmail} sagt Ihnen, was für Sie möglich ist.`,
  present: 'Ja, ich bin da. Fragen Sie mich nach Tarifen und Preisen, Sicherheit, Integrationen oder einer Demo.',
  noQuestions: 'Natürlich – keine weiteren Fragen von mir. Fragen Sie mich nach Tarifen, Preisen, Sicherheit oder einer Demo, wann immer Sie möchten.',
  emailDeclined: 'Natürlich – eine E-Mail-Adresse ist nicht nötig, und ich frage nicht mehr danach. Alles Weitere beantworte ich Ihnen gern hier im Chat.',
  identity: (company) =>
    `Ich bin der KI-Assistent von ${company} – eine KI, kein Mensch. Ich beantworte Ihre Fragen zu unseren Tarifen, Preisen und Funktionen und buche gern eine Demo für Sie. Wenn Sie lieber mit jemandem aus unserem Vertriebsteam sprechen möchten, sagen Sie es einfach, dann verbinde ich Sie.`,
  competitorPrice: (competitor) => `Zu den aktuellen Preisen von **${competitor}** kann ich nichts sagen – ich nenne nur unsere, aus unserer Preisliste.`,
  noFreePlan: (plan, price) => `Einen kostenlosen Tarif gibt es nicht: Der günstigste ist **${plan}**, zu ${price}. Kostenlos ist die Testphase:`,
  purchaseDone: (email, hours) =>
    email
      ? `Sehr gern! Ich habe unser Vertriebsteam gebeten, Sie startklar zu machen: Es schickt Ihnen den Vertrag und regelt die Abrechnung; die Antwort kommt an **${email}**${hours ? ` (Erreichbarkeit des Teams: ${hours})` : ''}.`
      : `Sehr gern! Ich habe unser Vertriebsteam gebeten, Sie startklar zu machen: Es schickt Ihnen den Vertrag und regelt die Abrechnung.${hours ? ` Erreichbarkeit des Teams: ${hours}.` : ''}`,
  startNow: 'Wenn Sie lieber gleich kaufen möchten, sagen Sie es einfach, dann bitte ich unser Vertriebsteam, alles vorzubereiten (Vertrag und Abrechnung).',
  currencyNote: (currency, salesEmail) =>
    `Unsere Preise gibt es nur in ${currency}; umrechnen oder in einer anderen Währung angeben kann ich sie nicht – das Team unter ${salesEmail} erklärt Ihnen die Abrechnung in Ihrer Währung.`,
  colleagues: (salesEmail) =>
    `Bringen Sie gern mit, wer dabei sein sollte: Leiten Sie die Einladung zur Demo weiter (die .ics auf der Buchungskarte). Gäste kann ich selbst nicht hinzufügen; wenn unser Team sie direkt einladen soll, schreiben Sie an ${salesEmail}.`,
  featureLinesIntro: 'Das sagen unsere Tarife dazu:',
  plansBuildUp: 'Jeder Tarif enthält alles aus dem darunter.',
  planHas: (plan, feature, yes) => `${yes ? 'Ja, ' : ''}**${plan}** enthält ${feature}.`,
  planLacks: (plan, feature, from, only) => `Nicht in **${plan}**: ${feature} gibt es ${only ? `nur in **${from}**` : `ab **${from}**`}.`,
  planGap: (plan, above, features) => `Im Vergleich zu **${above}** fehlt in **${plan}**: ${features}.`,
  notForTeam: (seats, range) => `nicht für ein Team von ${seats} (er umfasst ${range})`,
  planTooSmall: (plan, max, seats) => `**${plan}** endet außerdem bei ${max} Nutzern und reicht damit nicht für Ihr Team von ${seats}.`,
  grownTotal: (said, then, plan, total) => `Wenn Sie ${said.added ? `dann ${then} Personen sind (${said.added})` : `${said.when ?? 'dann'} ${then} Personen sind`}, käme **${plan}** auf **${total} im Monat**.`,
  seatLimitNo: (plan, max, seats) => `Nein: **${plan}** endet bei ${max} Nutzern und reicht damit nicht für ${seats}.`,
  perSeatNotTeam: (plan, price, seats) =>
    `Nein: **${plan}** wird pro Nutzer abgerechnet, nicht pauschal für das ganze Team: ${price}.${seats === undefined ? '' : ` Für Ihr Team von ${seats} ergibt das:`}`,
  unconfirmedIntegration: (tool, salesEmail) =>
    `**${tool}** gehört nicht zu den Integrationen, die wir anbieten, und ich möchte nicht raten: Das Team unter ${salesEmail} kann Ihnen sagen, ob es sich anbinden lässt.`,
  unconfirmedStandard: (standard, salesEmail) =>
    `${standard} gehört nicht zu den Zertifizierungen und Standards, die ich bestätigen kann, und ich möchte nicht raten: Das Team unter ${salesEmail} sagt Ihnen, wie es für Ihren Fall aussieht.`,
  unconfirmedDetail: (detail, salesEmail) =>
    `${{ 'api-limits': 'Die Limits unserer API', 'support-languages': 'In welchen Sprachen unser Support antwortet,', 'phone-support': 'Einen Support per Telefon', 'data-deletion': 'Wie und wann Ihre Daten nach einer Kündigung gelöscht werden,', refund: 'Eine Rückerstattung (ob und in welcher Höhe)', 'payment-terms': 'Zahlungsziele wie 30 oder 60 Tage', uptime: 'Eine Verfügbarkeitsgarantie über unser veröffentlichtes SLA hinaus (99,95 %, nur bei Enterprise)', 'custom-build': 'Eine individuell für Sie entwickelte Integration oder Funktion, oder einen Termin dafür,', 'price-lock': 'Eine Preisgarantie oder einen mehrjährigen Vertrag' }[detail]} kann ich mit meinen Informationen nicht bestätigen, und ich möchte nicht raten: Das Team unter ${salesEmail} kann es Ihnen sagen.`,
  notListed: (_subject, salesEmail) =>
    `Eine mobile App finde ich in meinen Produktinformationen nicht, deshalb möchte ich Ihnen nichts versprechen: Unser Team (${salesEmail}) weiß es genau.`,
  passToTeam: 'Soll ich Ihre Frage gleich weitergeben?',
  teamReachAt: 'Unter welcher E-Mail-Adresse kann unser Team Sie erreichen?',
  growthFit: (said, fresh, now, then, plan, range, outgrown) => {
    const when = said.when ? ` ${said.when}` : '';
    if (!fresh) {
      const counting = said.added ? `Sie hatten ${said.added} erwähnt, dann sind Sie ${then} Personen` : `${said.when ? capitalise(said.when) : 'Dann'} sind Sie ${then} Personen`;
      return outgrown ? `${counting}: mehr als die ${outgrown.max} Nutzer von **${outgrown.plan}**, daher empfehle ich **${plan}** (${range}).` : `${counting}, und **${plan}** passt weiterhin (${range}).`;
    }
    const grows = said.added ? `Notiert: ${said.added}, damit wachsen Sie von ${now} auf ${then} Personen` : `Notiert: Sie wachsen${when} von ${now} auf ${then} Personen`;
    return outgrown
      ? `${grows}. **${outgrown.plan}** endet bei ${outgrown.max} Nutzern, da würden Sie herauswachsen; **${plan}** deckt ${range} ab, darauf würde ich auslegen.`
      : `${grows}, und **${plan}** passt weiterhin (${range}).`;
  },
  bookingHours: (minutes, zone, start, end, needsEmail, booked, week) =>
    booked
      ? `Ihre Demo bleibt vorerst am **${booked}**. Ich kann sie auf jeden Werktag${week ? ` der nächsten Woche (${week[0]} bis ${week[1]})` : ''} zwischen ${start} und ${end} Uhr (${zone}) verschieben: Welcher Tag und welche Uhrzeit passen Ihnen?`
      : `Ich kann eine ${minutes}-minütige Demo an jedem Werktag${week ? ` der nächsten Woche (${week[0]} bis ${week[1]})` : ''} zwischen ${start} und ${end} Uhr (${zone}) einrichten. Welcher Tag und welche Uhrzeit passen Ihnen${needsEmail ? ', und an welche E-Mail-Adresse soll die Einladung gehen' : ''}?`,
};

/** "ich brauche", "ich will" said back as "Sie brauchen", "Sie wollen" (after "wir", the verb is already the "Sie" form). */
const SIE_VERB: Record<string, string> = {
  will: 'wollen', muss: 'müssen', kann: 'können', darf: 'dürfen', soll: 'sollen', bin: 'sind', hab: 'haben', weiß: 'wissen', möchte: 'möchten', hätte: 'hätten', würde: 'würden',
};
const sieVerb = (verb: string): string | undefined =>
  SIE_VERB[verb.toLowerCase()] ?? (/^\p{Ll}+e$/u.test(verb) && !/^(?:gerne|alleine|bitte|eine|keine|diese|jede|manche|ohne|gerade|lange|ganze|nie|schnelle)$/u.test(verb) ? `${verb}n` : undefined);
const IHR: Record<string, string> = { unser: 'Ihr', unsere: 'Ihre', unserem: 'Ihrem', unseren: 'Ihren', unserer: 'Ihrer', unseres: 'Ihres', mein: 'Ihr', meine: 'Ihre', meinem: 'Ihrem', meinen: 'Ihren', meiner: 'Ihrer', meines: 'Ihres' };
/** The verbs a need starts with when the "wir" is left out ("brauchen SSO", "verlieren den Überblick"). */
const DE_NEED_VERB = 'brauchen|benötigen|suchen|wollen|möchten|müssen|hätten|würden|wünschen|verlieren|haben|planen';

/**
 * The prospect's words said back to them: "wir brauchen SSO" → "Sie brauchen SSO", "brauchen SSO" → "Sie brauchen
 * SSO", "unsere Projekte" → "Ihre Projekte", "ich möchte" → "Sie möchten", "wir wünschen uns" → "Sie wünschen sich".
 */
export function deYourWords(text: string): string {
  const reflexive = /(?<!\p{L})(?:wir|ich)(?!\p{L})/iu.test(text);
  return (
    text
      // "ich brauche" → "Sie brauchen", "brauche ich" → "brauchen Sie".
      .replace(/(?<!\p{L})ich\s+(\p{L}+)/giu, (whole, verb: string) => `Sie ${sieVerb(verb) ?? verb}`)
      .replace(/(?<!\p{L})(\p{L}+)\s+ich(?!\p{L})/giu, (whole, verb: string) => (sieVerb(verb) && !/^(?:und|aber|oder|auch|dass|weil|wenn|ob)$/iu.test(verb) ? `${sieVerb(verb)} Sie` : whole.replace(/ich$/iu, 'Sie')))
      .replace(/(?<!\p{L})(?:wir|ich)(?!\p{L})/giu, 'Sie')
      // "für uns" → "für Sie", "mit uns" → "mit Ihnen", "wir wünschen uns" → "Sie wünschen sich", "uns fehlt" → "Ihnen fehlt".
      .replace(/(?<!\p{L})(?:(für|gegen|ohne|um|durch)\s+|(\p{L}+)\s+)?(uns|mich|mir)(?!\p{L})/giu, (whole, accusative: string | undefined, before: string | undefined, us: string) => {
        const lead = accusative ? `${accusative} ` : before ? `${before} ` : '';
        if (accusative) return `${lead}${/^mir$/iu.test(us) ? 'Ihnen' : 'Sie'}`;
        const dative = before && /^(?:mit|bei|von|zu|zum|zur|aus|nach|seit|gegenüber)$/iu.test(before);
        return `${lead}${dative || !reflexive ? 'Ihnen' : 'sich'}`;
      })
      .replace(/(?<!\p{L})(?:unser|unsere|unserem|unseren|unserer|unseres|mein|meine|meinem|meinen|meiner|meines)(?!\p{L})/giu, (word) => IHR[word.toLowerCase()] ?? word)
      // "brauchen SSO", "brauchen Sie SSO" (from "brauchen wir SSO") → "Sie brauchen SSO".
      .replace(new RegExp(`^(${DE_NEED_VERB})(?:\\s+Sie)?(?=\\s)`, 'iu'), (whole, verb: string) => `Sie ${verb.toLowerCase()}`)
  );
}

/** A need said as a sentence ("Sie brauchen…", "Ihnen fehlt…", "Ihre Projekte verzögern sich"), not a thing. */
const DE_NEED_CLAUSE = /^(?:Sie|Ihnen)\s|^Ihre?\s+(?:[\p{L}-]+\s+){1,2}(?:ist|sind|verzögern|werden|laufen)(?!\p{L})|^(?:die\s+)?kunden\s+beschweren/iu;

export const deMemory: MemoryPhrases = {
  labels: {
    name: 'Name',
    email: 'E-Mail-Adresse',
    company: 'Unternehmen',
    role: 'Position',
    phone: 'Telefonnummer',
    teamSize: 'Teamgröße',
    growth: 'Teamwachstum',
    budget: 'Budget',
    authority: 'Entscheidung',
    need: 'Ziel',
    timeline: 'Zeitplan',
    tools: 'Tools',
  },
  recallFact: (label, value) => `Als ${label} haben Sie mir **${value}** genannt.`,
  notedGrowth: (said) => `${capitalise(said)}: notiert, das berücksichtige ich bei der Tarifwahl.`,
  recallGrowth: (said, then) => `Sie sagten, Ihr Team wächst: **${said}**${then === undefined ? '' : `, also dann **${then} Personen**`}.`,
  recallTeam: (seats) => `Sie hatten mir gesagt, dass Sie **${seats}** Personen im Team sind.`,
  recallTeamGrowing: (now, then, when) => `Sie hatten mir gesagt, dass Sie jetzt **${now}** Personen im Team sind und ${when ?? 'später'} **${then}** sein werden.`,
  // "wir brauchen SSO und Audit-Logs": "Sie haben mir gesagt, Sie brauchen SSO und Audit-Logs", not "Als Ziel … wir brauchen …".
  recallNeed: (need) => {
    const yourWords = deYourWords(need);
    return DE_NEED_CLAUSE.test(yourWords) ? `Sie haben mir gesagt, **${yourWords}**.` : `Als Ziel haben Sie mir **${yourWords}** genannt.`;
  },
  recallTools: (tools) => `Sie haben mir gesagt, dass Sie **${tools}** nutzen.`,
  recallMissing: (label) => `Das haben Sie mir noch nicht verraten: ${label}.`,
  recallAuthority: (decides) => (decides ? 'Sie haben gesagt, dass Sie die Entscheidung treffen.' : 'Sie haben gesagt, dass noch jemand anderes zustimmen muss.'),
  recallAll: 'Das haben Sie mir bisher erzählt:',
  recallNothing: 'Sie haben mir bisher noch nichts über sich oder Ihr Team erzählt.',
  emailIncomplete: (address, meant) => (meant ? `Die Adresse **${address}** scheint vertippt – meinten Sie **${meant}**?` : `Die Adresse **${address}** scheint unvollständig – könnten Sie sie prüfen und noch einmal schicken?`),
  decisionMaker: 'Sie treffen die Entscheidung',
  needsApproval: 'jemand anderes muss zustimmen',
  notedTimeline: (timeline) => `${capitalise(timeline)} — notiert.`,
  notedBudget: 'Budget notiert.',
  notedAuthority: (decides) => (decides ? 'Gut zu wissen, dass Sie entscheiden.' : 'Verstanden — es muss also noch jemand zustimmen.'),
  notedNeed: 'Danke, das hilft mir, Ihren Bedarf zu verstehen.',
  notedTools: (tools) => `${tools} — notiert.`,
  itemTimeline: (timeline) => `Ihr Zeitplan (${timeline})`,
  itemBudget: 'Ihr Budget',
  itemTools: (tools) => `Ihre Tools (${tools})`,
  rivalNotIntegration: (tool) => `**${tool}** ist ein Tool wie unseres und gehört nicht zu den Integrationen, die wir anbieten.`,
  importsFrom: (tool) => `Und wenn Sie von ${tool} kommen, übernehmen unsere Importer Ihre Projekte.`,
  integratesWith: (company, tools) => `${company} lässt sich mit ${tools} verbinden: Ihr Team arbeitet dort weiter.`,
  notOnPlan: (tools, many, plan, from, fromLast) => `${tools} ${many ? 'sind' : 'ist'} in **${plan}** nicht enthalten: Dafür braucht es **${from}**${fromLast ? '' : ' oder höher'}.`,
  alongside: (tool, company) => `${company} ersetzt **${tool}** nicht, sondern arbeitet über unsere eingebaute ${tool}-Integration damit zusammen.`,
  unclear: ['Entschuldigung, das habe ich nicht ganz verstanden.', 'Ich bin nicht sicher, ob ich Sie richtig verstehe — könnten Sie es anders formulieren?', 'Was Sie damit meinen, habe ich nicht ganz mitbekommen.'],
  unclearPrompt: [
    'Ich kann Ihnen sagen, was ein Tarif für Ihr Team kosten würde, wie wir uns von einem Tool unterscheiden, das Sie nutzen, oder eine Demo vereinbaren.',
    'Fragen Sie mich zum Beispiel nach Preisen für Ihr Team, Sicherheit, Integrationen oder einer Demo.',
    'Fragen Sie mich doch nach einem Tarif, einer Integration, die Sie brauchen, oder einem Gespräch mit dem Team.',
  ],
  asMentioned: ['Wie schon gesagt:', 'Noch einmal zusammengefasst:', 'Zur Erinnerung:'],
  objectionCheck: ['Beantwortet das Ihre Bedenken?', 'Hilft Ihnen das bei Ihrer Sorge weiter?', 'Beruhigt Sie das, oder hält Sie noch etwas anderes zurück?'],
  unknownQuestion: [
    (salesEmail) => `Gute Frage — dazu habe ich keine bestätigte Antwort, und raten möchte ich nicht. Unser Team (${salesEmail}) kann Ihnen eine verbindliche Antwort geben.`,
    (salesEmail) => `Da möchte ich nicht raten; das Team (${salesEmail}) weiß es sicher.`,
    (salesEmail) => `Das ist eine Frage für unser Team (${salesEmail}): Eine bestätigte Antwort habe ich nicht.`,
  ],
  englishOnly: (topic, salesEmail) =>
    `Die Details${topic ? ` zu ${topic}` : ''} habe ich nur auf Englisch; unser Team (${salesEmail}) geht sie gern auf Deutsch mit Ihnen durch.`,
  objectionHeard: 'Ich verstehe Ihre Bedenken.',
  and: 'und',
};
