import { listWith as list, type Phrases } from '@/lib/llm/offline/phrasebook';
import { ar } from '@/lib/llm/offline/phrases-ar';
import { de } from '@/lib/llm/offline/phrases-de';
import { fr } from '@/lib/llm/offline/phrases-fr';
import type { SalesLocale } from '@/lib/sales/turn-state';

export type { Phrases } from '@/lib/llm/offline/phrasebook';

/**
 * The offline agent's own sentences, in English and Spanish (French, German and Arabic in their own files). Amounts
 * arrive already formatted (formatPrice over a get_pricing result or the catalogue): no phrase computes a number.
 */
const en: Phrases = {
  greeting: (company, tagline) => `Hi! I'm the ${company} sales assistant. ${tagline}`,
  canHelp: 'I can help with plans and pricing, security, integrations or booking a demo.',
  thanks: (company) => `You're welcome! Is there anything else I can help you with — pricing, security or a demo of ${company}?`,
  smallTalk: 'Great.',
  howAreYou: "Doing well, thanks for asking!",
  howCanIHelp: 'What can I help you with today?',
  languageSwitched: 'Of course, we can continue in English.',
  offTopic: (company) =>
    `That's outside what I can help with here — I'm the ${company} sales assistant, so I stick to our product: plans and pricing, security, integrations and demos.`,
  injectionDiscount: "I can't set aside how I work, and I can't grant discounts myself.",
  injection: (company) =>
    `I can't share my instructions or how I'm set up, but I'm happy to help with anything about ${company}: plans, pricing, security or a demo.`,
  unknownQuestion: (salesEmail) =>
    `Good question — I don't have a confirmed answer to that, and I'd rather not guess. Our team at ${salesEmail} can give you a definite answer.`,
  unknownStatement: 'Thanks, that helps.',
  notSure: 'No problem — we can come back to that.',
  becauseOf: (reason) => `The reason: ${reason}`,
  askedBefore: 'You asked me:',
  askedNothing: "You hadn't asked me anything before this.",
  trialOf: (plan) => `The free trial is of the **${plan}** plan.`,
  savingPerSeat: (plan) => (plan ? `The saving comes from annual billing: **${plan.name}** is **${plan.annual} per seat per month** billed annually instead of ${plan.monthly} billed monthly; what you save in total depends on the number of seats.` : 'The saving comes from annual billing: it lowers the per-seat price on every paid plan, and what you save in total depends on the number of seats.'),
  bareNumber: (value) => `Just to be sure: is “${value}” the number of people who would use it, or a date or time frame (like “in ${value} days”)?`,
  noMeetingToCancel: "You don't have a demo booked with me, so there's nothing to cancel. Would you like to book one?",
  handoffAgain: 'Our sales team already has your request and will be in touch soon.',
  brochure: (salesEmail) => `I can't send files from here, but I can walk you through the plans and prices right now, and our team at ${salesEmail} can send you material.`,
  sendByEmail: "I can't send email from this chat myself, but our sales team can send it to you.",
  sendToKnown: (email, salesEmail) => `I can't send email from this chat myself: everything I've quoted stays here to copy, and if you write to ${salesEmail}, the team will send it to **${email}**.`,
  sendWithoutEmail: (salesEmail) => `I can't send email from this chat, and you'd rather not share an address: everything I've told you stays here in the chat to copy, and you can write to ${salesEmail} whenever you'd like it sent.`,
  shareSummary: (forWhom) => `I can't send files or e-mails from here, but here's a summary of what I'd recommend that you can copy and share with ${forWhom}:`,
  writtenQuoteOffer: 'If a formal written quote would help, our sales team can send one: would you like me to pass your request to them?',
  noted: (name, items) =>
    items.length === 0 && name ? `Nice to meet you, ${name}!` : `Thanks${name ? `, ${name}` : ''}!${items.length > 0 ? ` I've noted ${list(items, 'and')}.` : ''}`,
  notedEmail: (email) => `your email **${email}**`,
  notedName: (name) => `your name, **${name}**`,
  notedPhone: (phone) => `your number **${phone}**`,
  notedCompany: (company) => `that you're with ${company}`,
  notedTeam: (seats) => `a team of ${seats}`,
  priceLine: (monthly, annual) =>
    [monthly && `**${monthly} per seat per month** billed monthly`, annual && `**${annual} per seat per month** billed annually`].filter(Boolean).join(', or '),
  customLine: 'custom pricing — our sales team prepares a quote',
  planIs: (plan, line) => `**${plan}** is ${line}.`,
  coversSeats: (range) => `It covers ${range}.`,
  quoteMonthly: (plan, seats, perSeat, month, year) =>
    `**${plan}** for ${seats} ${seats === 1 ? 'seat' : 'seats'}, billed monthly: **${perSeat} per seat per month**, so **${month} a month** (${year} over a year).`,
  quoteAnnual: (plan, seats, perSeat, year, month, saving) =>
    `Billed annually, ${plan} for ${seats} ${seats === 1 ? 'seat' : 'seats'} is **${perSeat} per seat per month**: **${year} a year** (${month} a month)${saving ? `, saving **${saving}** a year` : ''}.`,
  suggestFor: (seats, plan, summary) => `For a team of ${seats}, I'd suggest **${plan}**. ${summary}`.trimEnd(),
  needsPlan: (what, plan) => `For ${what}, you'd need **${plan}**.`,
  billedAtMinimum: (plan, min, seats) => `What you need comes with **${plan}**, which starts at ${min} seats: for your team of ${seats}, it is billed as ${min}.`,
  planAtMinimum: (plan, min, seats) => `**${plan}** starts at ${min} seats: for your team of ${seats}, it is billed as ${min}.`,
  annualPaysLess: (annual, monthly, saving) => `The way to pay less is annual billing: **${annual} per seat per month** instead of ${monthly}, saving **${saving}** a year.`,
  alreadyLowest: (plan, seats) => `**${plan}** is already our lowest-priced plan for a team of ${seats}.`,
  smallerPlanHolds: (cheaper, seats, plan) => `If budget is tight, **${cheaper}** also holds a team of ${seats}, for less than **${plan}**.`,
  startSmall: 'What keeps the first bill small is annual billing, or starting with the team that feels the pain most and adding seats as the others join.',
  aboveEvenAnnual: (cost) => `Billed annually, it comes to **${cost} a month**, still above it.`,
  cheaperStillAbove: (plan, rate) => `**${plan}** also holds your team, at **${rate} per seat per month** billed annually, though for your team that is above it too.`,
  cheaperWithin: (plan, rate, annual) => `**${plan}** also holds your team and fits that budget: **${rate} per seat per month**${annual ? ' billed annually' : ''}.`,
  planFitsYes: (plan, seats, range) => `Yes: **${plan}** covers ${range}, so it holds your team of ${seats}.`,
  budgetAbove: (budget, current, plan) => `**${current}** is above the budget you mentioned (**${budget}**). For less, there is **${plan}**:`,
  needOverBudget: (budget, current, feature, plans, cheaper, fewer) =>
    `That is above the budget you mentioned (**${budget}**). ${feature} is only on ${plans}. The trade-off:${cheaper ? ` **${cheaper}** fits the budget, without ${feature}` : ''}${cheaper && fewer ? ';' : ''}${fewer ? ` ${cheaper ? 'or ' : ''}**${current}** for fewer seats (up to ${fewer}) stays within it` : ''}${!cheaper && !fewer ? ' fewer seats, or a word with our team about the options' : ''}.`,
  farewell: (name, booking, email) =>
    `Thanks for your time${name ? `, ${name}` : ''}!${booking ? ` See you on **${booking}**.` : ''} If anything else comes up, write here any time or email ${email}.`,
  budgetFit: (fit, budget, annualCost) =>
    fit === 'within'
      ? `${annualCost ? `At **${annualCost}**, that fits` : 'That fits'} the budget you mentioned (**${budget}**).`
      : fit === 'annual-within'
        ? `Billed annually${annualCost ? `, at **${annualCost}**` : ''}, it fits the budget you mentioned (**${budget}**).`
        : `That is above the budget you mentioned (**${budget}**). Starting with fewer seats brings it down, and our team can look at the options with you.`,
  customPricing: (plan, minSeats, summary) =>
    `**${plan}** has custom pricing: our sales team puts together a quote based on your seats and requirements (${plan} starts at ${minSeats} seats). ${summary}`,
  customBudget: (plan, budget, salesEmail) => `As **${plan}** is quoted by our sales team, I can't say whether it fits the budget you mentioned (**${budget}**); they can put a quote together with it in mind (${salesEmail}).`,
  quoteOffer: "Would you like a quote or a short call with the team? If so, what's the best email to reach you?",
  overviewIntro: (company) => `${company} is priced per seat. Here are our plans:`,
  noSuchPlan: (name) => `We don't have a plan called **${name}**.`,
  mostPopular: ' (most popular)',
  compareIntro: (lower, higher) => `Here is how **${lower}** and **${higher}** compare:`,
  compareAdds: (lower, higher) => `On top of ${lower}, **${higher}** adds:`,
  compareCost: (seats) => `For ${seats} seats:`,
  perMonth: 'a month',
  perYear: 'a year',
  recommendIntro: 'Happy to help you choose. Our plans differ mainly by team size and admin needs:',
  seatRange: (min, max) => (max === null ? `from ${min} seats` : `${min}–${max.toLocaleString('en-US')} seats`),
  featuresPrice: 'Price',
  competitorIntro: (company, competitor) => `How **${company}** compares with **${competitor}**:`,
  noComparison: (company, competitor, salesEmail) => `I don't have a comparison between ${company} and **${competitor}** to give you, so I won't make claims about their product. If a side-by-side matters, our team at ${salesEmail} can walk you through it. What I can tell you is what ${company} does for you:`,
  competitorOurs: (company) => `Where ${company} is stronger:`,
  competitorEdge: (company, competitor) => `Compared with **${competitor}**, this is what ${company} gives you:`,
  competitorTheirs: (competitor) => `Where ${competitor} is strong:`,
  objectionCheck: 'Does that address your concern?',
  inviteFor: (when, email) => `Your demo on **${when}** is booked for **${email}**; the booking card above has its invite (“Add to calendar (.ics)”).`,
  meetingWho: (when, minutes, email, salesEmail) => `It's a ${minutes}-minute demo with someone from our sales team; I don't have the name of who will join, so I won't guess one. It's on **${when}**, booked for **${email}**, and the booking card above has the invite (“Add to calendar (.ics)”). If you'd like to know who it will be beforehand, ${salesEmail} can tell you.`,
  booked: (when, minutes, email, emailed) =>
    emailed
      ? `You're booked: **${when}**, a ${minutes}-minute demo with our sales team. The invite goes to **${email}**.`
      : `You're booked: **${when}**, a ${minutes}-minute demo with our sales team, for **${email}**. We don't send the invite by e-mail: add it to your calendar with the “Add to calendar (.ics)” link on the booking card above.`,
  bookingEmailChanged: (when, email, previous, emailed) =>
    `Done — your demo on **${when}** is now for **${email}** instead of ${previous}.${emailed ? ' The updated invite is on its way to that inbox.' : ' The booking card above has the updated invite (“Add to calendar (.ics)”); it replaces the old one.'}`,
  bookingMoved: (from, when, email, emailed) =>
    `Done — I've moved your demo from **${from}** to **${when}**, for **${email}**.${emailed ? ' The updated invite is on its way to your inbox.' : ' The booking card above has the updated invite (“Add to calendar (.ics)”); it replaces the old one.'}`,
  bookingAdjusted: (requested, reason, hours) =>
    reason === 'outside_hours'
      ? `“${requested}” is outside our meeting hours (${hours}, Monday to Friday), so I took the nearest free slot.`
      : reason === 'too_soon'
        ? `“${requested}” is too soon for the team to prepare, so I took the nearest free slot.`
        : `“${requested}” is already taken, so I took the nearest free slot.`,
  icsNote: 'You can also add it to your calendar with the “Add to calendar (.ics)” link on the booking card above.',
  defaultZone: (zone) => `You didn't mention a time zone, so I used ${zone} — tell me yours and I'll move it.`,
  browserZone: (zone) => `I used your time zone, ${zone}, as your browser reports it — tell me if you'd like another and I'll move it.`,
  bookingByPhone: (minutes, when) =>
    `Happy to set up a ${minutes}-minute demo${when ? ` for **${when}**` : ''}. As you'd rather not share an email, there's no invite to send: leave a phone number and our sales team will call you to confirm ${when ? 'the time' : 'a time'}.`,
  demoByPhone: (when, phone) => `No email needed: I've passed your request for a demo${when ? ` on **${when}**` : ''} to our sales team, and they'll call you at **${phone}** to confirm it.`,
  bookingEmailAgain: (when) => [`${when ? `Noted: **${when}**. ` : ''}Which email address should I send the invite to?`, `I can book ${when ? `**${when}**` : 'it'} as soon as I have your email address for the invite: what is it?`],
  bookingNeedsEmail: (minutes, when) =>
    when
      ? `Happy to set up a ${minutes}-minute demo for **${when}**. What's the best email for the invite?`
      : `Happy to set up a ${minutes}-minute demo. What's the best email for the invite, and what day and time suit you (with your time zone)?`,
  bookingNeedsTime: (minutes, zone) =>
    `Happy to set up a ${minutes}-minute demo. What day and time suit you? Tell me your time zone too (otherwise I'll use ${zone}).`,
  bookingOffer: (minutes, zone) =>
    `Would a ${minutes}-minute demo with our team help? If so, which day and time suit you, and in which time zone (otherwise I'll use ${zone})?`,
  bookingWhichDay: (phrase, first, second) => `Just to be sure before I book: by "${phrase}" do you mean **${first}** or **${second}**?`,
  bookingPast: (phrase) => `“${phrase}” has already passed, so I haven't booked anything. Which day and time would suit you instead?`,
  bookingFailed: (reason, salesEmail) => `I couldn't book that: ${reason} You can also reach the team at ${salesEmail}.`,
  bookingUnavailable: (salesEmail) => `I can't book meetings right now; please email ${salesEmail} and the team will find a time with you.`,
  meetingTimeCheck: (right, when, local, sameZone) =>
    `${right ? 'Yes' : 'Not quite'} — your demo ${sameZone ? `is on **${when}**` : `on **${when}** is **${local}**`}.${right ? '' : " If you'd like another time, tell me and I'll move it."}`,
  meetingTime: (when, local, sameZone, elsewhere) =>
    local === undefined
      ? `Your demo is on **${when}**. Tell me your time zone and I'll give you the time there.`
      : sameZone
        ? `Your demo is on **${when}**, which is already ${elsewhere ? 'in that time zone' : 'in your time zone'}.`
        : `Your demo is on **${when}**. ${elsewhere ? 'In that time zone it is' : 'For you that is'} **${local}**.`,
  cancelDone: (when, email, emailed) =>
    `Done: your demo on **${when}** is cancelled, and the sales team knows. ${
      emailed ? `A cancellation is on its way to **${email}**.` : 'If you added it to your calendar, the card above removes it.'
    } If another time would suit you, tell me and I'll book it.`,
  cancelledAlready: (when) => `Your demo on **${when}** is cancelled, so nothing is booked now. Would you like another time?`,
  cancelNotHere: (email, when, bookedFor) =>
    `I can only cancel a demo booked in this conversation, and there's none here for **${email}**: the one here is on **${when}** for **${bookedFor}**. If that's the one, just say "cancel it".`,
  cancelUnavailable: (when, salesEmail) => `I can't cancel it from here right now: please email ${salesEmail} and the team will cancel your demo on **${when}**.`,
  handoffCall: (phone, hours) => `Of course — I've asked a member of our sales team to call you at **${phone}**${hours ? `; the team works ${hours}` : ''}.`,
  handoffDone: (email, hours) =>
    email
      ? `Of course — I've asked a member of our sales team to take over. They'll reply to **${email}**${hours ? `; the team works ${hours}` : ''}.`
      : `Of course — I've asked a member of our sales team to take over.${hours ? ` They work ${hours}.` : ''}`,
  handoffWithoutEmail: (salesEmail) => `No email needed: you can write to them at **${salesEmail}** whenever it suits you, and I'm here in the chat in the meantime.`,
  handoffUnavailable: (salesEmail, hours) => `Of course — you can reach our sales team at ${salesEmail}${hours ? ` (${hours})` : ''}.`,
  pricingUnavailable: (salesEmail) => `I couldn't look that price up just now; our team at ${salesEmail} can send you a quote.`,
  priceObjection: (plan, seats, perSeat, annualTotal, monthlyYear, savings) =>
    `Billed annually, **${plan}** for ${seats} seats comes down to **${perSeat} per seat per month**: **${annualTotal} a year** instead of ${monthlyYear}, saving **${savings}**.`,
  priceAtMinimum: (plan, min) => `Those figures are for ${min} seats, the minimum on **${plan}**: tell me how many people would use it and I'll work it out for your team.`,
  furtherDiscount: (salesEmail) => `Any further discount is the sales team's call; you can ask them at ${salesEmail}.`,
  noPriceMatch: "I can't match another vendor's price myself.",
  fees: (salesEmail) =>
    `Our price list is per active seat, billed monthly or annually, and it lists no setup or other one-off fee; I can't confirm every case, though, and I'd rather not guess. The team at ${salesEmail} can give you a definite answer.`,
  erase: (salesEmail) =>
    `You can erase this conversation, and everything you told me in it, at any time: the bin button (**Delete conversation**) at the top of the chat. For anything else we hold about you, write to ${salesEmail}.`,
  notInterested: (salesEmail) => `Understood — thanks for your time. If anything changes, I'm here, or you can reach the team at ${salesEmail}.`,
  frustrated: "Sorry this hasn't been helpful. Tell me what you're looking for and I'll answer it directly — or, if you'd rather talk to a person, say so and I'll pass you to our sales team.",
  noSelfHosting: (salesEmail) => `An on-premises or self-hosted version isn't something I can confirm — the team at ${salesEmail} can tell you what is possible for you.`,
  present: "Yes, I'm here. Ask me about plans and pricing, security, integrations or a demo.",
  noQuestions: 'Of course — no more questions from me. Ask me about plans, prices, security or a demo whenever you like.',
  emailDeclined: "Of course — no email needed, and I won't ask for it again. Everything you need is right here in the chat.",
  identity: (company) =>
    `I'm ${company}'s AI assistant — an AI, not a person. I can answer questions about our plans, prices and features, and book a demo for you. If you'd rather talk to someone on our sales team, just say so and I'll pass you over.`,
  competitorPrice: (competitor) => `I can't speak to **${competitor}**'s current prices — I only quote ours, from our own price list.`,
  noFreePlan: (plan, price) => `There's no free plan: the lowest is **${plan}**, at ${price}. What is free is the trial:`,
  handoffWho: (contact, hours, ask) =>
    `A member of our sales team will get in touch${contact ? ` at **${contact}**` : ''}${hours ? `; they work ${hours}` : ''}. I can't give you a name or an exact time from here.${contact || !ask ? '' : " What's the best email or number for them to reach you?"}`,
  bookingHours: (minutes, zone, start, end, needsEmail, booked, week) =>
    booked
      ? `Your demo stays on **${booked}** for now. I can move it to any weekday${week ? ` next week (${week[0]} to ${week[1]})` : ''} from ${start} to ${end} (${zone}): which day and time would suit you better?`
      : `I can book a ${minutes}-minute demo any weekday${week ? ` next week (${week[0]} to ${week[1]})` : ''} from ${start} to ${end} (${zone}). Which day and time suit you${needsEmail ? ', and what email should the invite go to' : ''}?`,
  priceClaim: (plan, right, price, custom) =>
    custom
      ? `No, **${plan}** has no list price per seat: ${price}.`
      : right
        ? `Yes: **${plan}** is ${price}.`
        : `No, that isn't the **${plan}** price: it's ${price}.`,
  toolFrom: (tool, from, first, only, line) =>
    first
      ? `Every plan includes ${tool}, from **${from}** up (${line.charAt(0).toLowerCase()}${line.slice(1)}).`
      : `${tool} ${/ and /.test(tool) ? 'come' : 'comes'} with ${only ? `**${from}** only` : `**${from}** and above`} (${line.charAt(0).toLowerCase()}${line.slice(1)}).`,
  growthFit: (said, fresh, now, then, plan, range, outgrown) => {
    const when = said.when ? ` ${said.when}` : '';
    if (!fresh) {
      const counting = said.added ? `Counting the ${said.added} you mentioned, you'll be ${then} people` : `Since you'll be ${then} people${when}`;
      // ("Since you'll be 30 people next year, **Pro** still fits": no "and" after a "since" clause.)
      return outgrown ? `${counting}: past **${outgrown.plan}**'s ${outgrown.max} seats, so I'd go with **${plan}** (${range}).` : `${counting}, ${said.added ? 'and ' : ''}**${plan}** still fits (${range}): it's the one I'd go with.`;
    }
    const grows = said.added ? `Noted: ${said.added} takes you from ${now} to ${then} people` : `Noted: you'll go from ${now} to ${then} people${when}`;
    return outgrown
      ? `${grows}. **${outgrown.plan}** stops at ${outgrown.max} seats, so you'd outgrow it; **${plan}** covers ${range}, so I'd size for that.`
      : `${grows}, and **${plan}** still fits (it covers ${range}).`;
  },
  seatMinimum: (plan, min, team, fits) =>
    `Yes — **${plan}** has a minimum of ${min} seats, so a team of ${team} is billed for ${min}.${fits ? ` **${fits.plan}** has no such minimum (it covers ${fits.range}), so you'd pay for ${team}: ${fits.price}.` : ''}`,
  perSeatNotTeam: (plan, price, seats) =>
    `No — **${plan}** is priced per seat, not for the whole team: ${price}.${seats === undefined ? '' : ` For your team of ${seats}, that comes to:`}`,
  purchaseDone: (email, hours) =>
    email
      ? `Great — I've asked our sales team to get you set up: they send the contract and arrange billing, and they'll reply to **${email}**${hours ? `; the team works ${hours}` : ''}.`
      : `Great — I've asked our sales team to get you set up: they send the contract and arrange billing.${hours ? ` They work ${hours}.` : ''}`,
  startNow: "If you'd rather buy straight away, say so and I'll ask our sales team to set you up (contract and billing).",
  currencyNote: (currency, salesEmail) =>
    `Our prices are in ${currency} only; I can't convert them or quote another currency — the team at ${salesEmail} can tell you how billing in your currency works.`,
  colleagues: (salesEmail) =>
    `Bring whoever should be there: forward them the demo's invite (the .ics on the booking card). I can't add guests to the invite myself; if you'd like our team to invite them directly, write to ${salesEmail}.`,
  featureLinesIntro: 'Here is what our plans say about that:',
  plansBuildUp: 'Each plan includes everything in the one below it.',
  planHas: (plan, feature, yes) => `${yes ? 'Yes — ' : ''}**${plan}** includes ${feature}.`,
  planLacks: (plan, feature, from, only) => `Not on **${plan}**: ${only ? `only **${from}** includes` : `**${from}** and above include`} ${feature}.`,
  planGap: (plan, above, features) => `Compared with **${above}**, **${plan}** doesn't include: ${features}.`,
  notForTeam: (seats, range) => `not for a team of ${seats} (it takes ${range})`,
  planTooSmall: (plan, max, seats) => `**${plan}** also stops at ${max} seats, so it would not hold your team of ${seats}.`,
  grownTotal: (said, then, plan, total) => `Once you're ${then} people${said.added ? ` (${said.added})` : said.when ? ` ${said.when}` : ''}, **${plan}** would come to **${total} a month**.`,
  unconfirmedIntegration: (tool, salesEmail) =>
    `**${tool}** isn't among the integrations we list, and I'd rather not guess: the team at ${salesEmail} can tell you whether it can be connected.`,
  unconfirmedStandard: (standard, salesEmail) =>
    `${standard} ${/ and /.test(standard) ? "aren't" : "isn't"} among the certifications and standards I can confirm, and I'd rather not guess: the team at ${salesEmail} can tell you where we stand for your case.`,
  unconfirmedDetail: (detail, salesEmail) =>
    `${{ 'api-limits': "The API's rate limits aren't", 'support-languages': "Which languages our support works in isn't", 'phone-support': "Support by phone isn't", 'data-deletion': "How and when your data is deleted after you leave isn't", refund: 'A refund (whether you get money back, and how much) isn\'t', 'payment-terms': 'Payment terms such as net-30 or net-60 aren\'t', uptime: 'An uptime guarantee above our published SLA (99.95%, on Enterprise only) isn\'t', 'custom-build': 'Building a custom integration or feature for you, or a date for one, isn\'t', 'price-lock': 'A price lock or a multi-year contract isn\'t' }[detail]} something I can confirm from what I have, and I'd rather not guess: the team at ${salesEmail} can tell you.`,
  notListed: (_subject, salesEmail) =>
    `Nothing I have on our product mentions a mobile app, so I'd rather not guess or promise one — the team at ${salesEmail} will know for sure.`,
  passToTeam: 'Would you like me to pass the question on to them?',
  teamReachAt: 'Which email should our team reach you at?',
};

const es: Phrases = {
  greeting: (company, tagline) => `¡Hola! Soy el asistente comercial de ${company}. ${tagline}`,
  canHelp: 'Puedo ayudarle con planes y precios, seguridad, integraciones o reservar una demo.',
  thanks: (company) => `¡De nada! ¿Le ayudo con algo más: precios, seguridad o una demo de ${company}?`,
  smallTalk: 'Perfecto.',
  howAreYou: '¡Muy bien, gracias por preguntar!',
  howCanIHelp: '¿En qué puedo ayudarle hoy?',
  languageSwitched: 'Por supuesto, seguimos en español.',
  offTopic: (company) =>
    `Eso queda fuera de lo que puedo responder aquí: soy el asistente comercial de ${company} y me centro en el producto: planes y precios, seguridad, integraciones y demos.`,
  injectionDiscount: 'No puedo saltarme mis instrucciones ni conceder descuentos por mi cuenta.',
  injection: (company) =>
    `No puedo compartir mis instrucciones ni mi configuración, pero con gusto le ayudo con ${company}: planes, precios, seguridad o una demo.`,
  unknownQuestion: (salesEmail) =>
    `Buena pregunta: no tengo una respuesta confirmada y prefiero no adivinar. Nuestro equipo en ${salesEmail} puede darle una respuesta definitiva.`,
  unknownStatement: 'Gracias, me sirve.',
  notSure: 'No se preocupe, podemos volver a eso más adelante.',
  becauseOf: (reason) => `El motivo: ${reason}`,
  askedBefore: 'Esto es lo que me ha preguntado:',
  askedNothing: 'Todavía no me había hecho ninguna pregunta.',
  trialOf: (plan) => `La prueba gratuita es del plan **${plan}**.`,
  savingPerSeat: (plan) => (plan ? `El ahorro está en la facturación anual: **${plan.name}** cuesta **${plan.annual} por usuario al mes** con pago anual en lugar de ${plan.monthly} con pago mensual; cuánto ahorra en total depende del número de usuarios.` : 'El ahorro está en la facturación anual: baja el precio por usuario en todos los planes de pago, y cuánto ahorra en total depende del número de usuarios.'),
  bareNumber: (value) => `Para asegurarme: ¿«${value}» es el número de personas que lo usarían, o una fecha o un plazo (como «en ${value} días»)?`,
  noMeetingToCancel: 'No tiene ninguna demo reservada conmigo, así que no hay nada que cancelar. ¿Quiere reservar una?',
  handoffAgain: 'Nuestro equipo comercial ya tiene su solicitud y se pondrá en contacto con usted pronto.',
  brochure: (salesEmail) => `Desde aquí no puedo enviar archivos, pero puedo contarle ahora mismo los planes y precios, y nuestro equipo en ${salesEmail} puede enviarle material.`,
  sendByEmail: 'Yo no puedo enviar correos desde este chat, pero nuestro equipo comercial puede enviárselo.',
  sendToKnown: (email, salesEmail) => `Yo no puedo enviar correos desde este chat: todo lo que le he indicado queda aquí para copiarlo, y si escribe a ${salesEmail}, el equipo se lo enviará a **${email}**.`,
  sendWithoutEmail: (salesEmail) => `No puedo enviar correos desde este chat, y prefiere no compartir su dirección: todo lo que le he dicho queda aquí en el chat para copiarlo, y puede escribir a ${salesEmail} cuando quiera que se lo envíen.`,
  shareSummary: (forWhom) => `Desde aquí no puedo enviar archivos ni correos, pero este es un resumen de lo que le recomendaría, para copiarlo y compartirlo con ${forWhom}:`,
  writtenQuoteOffer: 'Si le sirve una cotización formal por escrito, nuestro equipo comercial puede enviársela: ¿quiere que les pase su solicitud?',
  noted: (name, items) =>
    items.length === 0 && name ? `¡Encantado, ${name}!` : `¡Gracias${name ? `, ${name}` : ''}!${items.length > 0 ? ` He anotado ${list(items, 'y')}.` : ''}`,
  notedEmail: (email) => `su correo **${email}**`,
  notedName: (name) => `su nombre, **${name}**`,
  notedPhone: (phone) => `su número **${phone}**`,
  notedCompany: (company) => `que trabaja en ${company}`,
  notedTeam: (seats) => `que son un equipo de ${seats}`,
  priceLine: (monthly, annual) =>
    [monthly && `**${monthly} por usuario al mes** con facturación mensual`, annual && `**${annual} por usuario al mes** con facturación anual`].filter(Boolean).join(', o '),
  customLine: 'precio a medida: nuestro equipo comercial prepara una propuesta',
  planIs: (plan, line) => `**${plan}** cuesta ${line}.`,
  coversSeats: (range) => `Admite ${range}.`,
  quoteMonthly: (plan, seats, perSeat, month, year) =>
    `**${plan}** para ${seats} ${seats === 1 ? 'usuario' : 'usuarios'} con facturación mensual: **${perSeat} por usuario al mes**, es decir **${month} al mes** (${year} al año).`,
  quoteAnnual: (plan, seats, perSeat, year, month, saving) =>
    `Con facturación anual, ${plan} para ${seats} ${seats === 1 ? 'usuario' : 'usuarios'} cuesta **${perSeat} por usuario al mes**: **${year} al año** (${month} al mes)${saving ? `, un ahorro de **${saving}** al año` : ''}.`,
  suggestFor: (seats, plan, summary) => `Para un equipo de ${seats}, le recomiendo **${plan}**. ${summary}`.trimEnd(),
  needsPlan: (what, plan) => `Para ${what} hace falta **${plan}**.`,
  billedAtMinimum: (plan, min, seats) => `Lo que necesitan viene con **${plan}**, cuyo mínimo es de ${min} usuarios: para su equipo de ${seats}, se facturan ${min}.`,
  planAtMinimum: (plan, min, seats) => `El mínimo de **${plan}** es de ${min} usuarios: para su equipo de ${seats}, se facturan ${min}.`,
  annualPaysLess: (annual, monthly, saving) => `La forma de pagar menos es la facturación anual: **${annual} por usuario al mes** en lugar de ${monthly}, un ahorro de **${saving}** al año.`,
  alreadyLowest: (plan, seats) => `**${plan}** ya es nuestro plan más económico para un equipo de ${seats}.`,
  smallerPlanHolds: (cheaper, seats, plan) => `Si el presupuesto es ajustado, **${cheaper}** también sirve para un equipo de ${seats}, por menos que **${plan}**.`,
  startSmall: 'Lo que mantiene baja la primera factura es la facturación anual, o empezar con el equipo que más sufre el problema e ir sumando usuarios a medida que se incorporan los demás.',
  aboveEvenAnnual: (cost) => `Con facturación anual sale a **${cost} al mes**, todavía por encima.`,
  cheaperStillAbove: (plan, rate) => `**${plan}** también cubre a su equipo, a **${rate} por usuario al mes** con facturación anual, aunque para su equipo también queda por encima.`,
  cheaperWithin: (plan, rate, annual) => `**${plan}** también cubre a su equipo y entra en ese presupuesto: **${rate} por usuario al mes**${annual ? ' con facturación anual' : ''}.`,
  planFitsYes: (plan, seats, range) => `Sí: **${plan}** admite ${range}, así que cubre a su equipo de ${seats}.`,
  budgetAbove: (budget, current, plan) => `**${current}** supera el presupuesto que mencionó (**${budget}**). Por menos, está **${plan}**:`,
  needOverBudget: (budget, current, feature, plans, cheaper, fewer) =>
    `**${current}** supera el presupuesto que mencionó (**${budget}**), y ${feature} solo está en ${plans}. La alternativa:${cheaper ? ` **${cheaper}** entra en el presupuesto, sin ${feature}` : ''}${cheaper && fewer ? ';' : ''}${fewer ? ` ${cheaper ? 'o ' : ''}**${current}** con menos usuarios (hasta ${fewer}) entra en él` : ''}${!cheaper && !fewer ? ' menos usuarios, o hablar de las opciones con nuestro equipo' : ''}.`,
  farewell: (name, booking, email) =>
    `¡Gracias por su tiempo${name ? `, ${name}` : ''}!${booking ? ` Nos vemos el **${booking}**.` : ''} Si surge cualquier otra cosa, escriba aquí cuando quiera o a ${email}.`,
  budgetFit: (fit, budget, annualCost) =>
    fit === 'within'
      ? `${annualCost ? `Con **${annualCost}**, eso entra` : 'Eso entra'} en el presupuesto que mencionó (**${budget}**).`
      : fit === 'annual-within'
        ? `Con facturación anual${annualCost ? `, a **${annualCost}**` : ''}, entra en el presupuesto que mencionó (**${budget}**).`
        : `Eso supera el presupuesto que mencionó (**${budget}**). Empezar con menos usuarios lo reduce, y nuestro equipo puede revisar las opciones con usted.`,
  customPricing: (plan, minSeats, summary) =>
    `**${plan}** tiene precio a medida: nuestro equipo comercial prepara una propuesta según sus usuarios y requisitos (${plan} empieza en ${minSeats} usuarios). ${summary}`,
  customBudget: (plan, budget, salesEmail) => `Como **${plan}** lo cotiza nuestro equipo comercial, no puedo decirle si entra en el presupuesto que mencionó (**${budget}**); ellos pueden preparar una cotización teniéndolo en cuenta (${salesEmail}).`,
  quoteOffer: '¿Quiere una propuesta o una llamada breve con el equipo? Si es así, ¿a qué correo le escribimos?',
  overviewIntro: (company) => `${company} se paga por usuario. Estos son nuestros planes:`,
  noSuchPlan: (name) => `No tenemos ningún plan llamado **${name}**.`,
  mostPopular: ' (el más popular)',
  compareIntro: (lower, higher) => `Así se comparan **${lower}** y **${higher}**:`,
  compareAdds: (lower, higher) => `Además de lo que incluye ${lower}, **${higher}** añade:`,
  compareCost: (seats) => `Para ${seats} usuarios:`,
  perMonth: 'al mes',
  perYear: 'al año',
  recommendIntro: 'Con gusto le ayudo a elegir. Los planes se diferencian sobre todo por el tamaño del equipo y la administración:',
  seatRange: (min, max) => (max === null ? `desde ${min} usuarios` : `entre ${min} y ${max.toLocaleString('es-ES')} usuarios`),
  featuresPrice: 'Precio',
  competitorIntro: (company, competitor) => `Cómo se compara **${company}** con **${competitor}**:`,
  noComparison: (company, competitor, salesEmail) => `No tengo una comparación entre ${company} y **${competitor}**, así que no voy a afirmar nada sobre su producto. Si una comparación le importa, nuestro equipo en ${salesEmail} puede ayudarle. Lo que sí puedo contarle es lo que ${company} hace por usted:`,
  competitorOurs: (company) => `Dónde ${company} es más fuerte:`,
  competitorEdge: (company, competitor) => `Frente a **${competitor}**, esto es lo que le ofrece ${company}:`,
  competitorTheirs: (competitor) => `Dónde destaca ${competitor}:`,
  objectionCheck: '¿Responde eso a su duda?',
  inviteFor: (when, email) => `Su demo del **${when}** está reservada a nombre de **${email}**; la tarjeta de la reserva, arriba, tiene la invitación («Añadir al calendario (.ics)»).`,
  meetingWho: (when, minutes, email, salesEmail) => `Es una demo de ${minutes} minutos con alguien de nuestro equipo comercial; no tengo el nombre de quién se conectará, así que no voy a inventarlo. Es el **${when}**, reservada a nombre de **${email}**, y la tarjeta de la reserva, arriba, tiene la invitación («Añadir al calendario (.ics)»). Si quiere saber de antemano quién será, puede preguntarlo en ${salesEmail}.`,
  booked: (when, minutes, email, emailed) =>
    emailed
      ? `Reserva hecha: **${when}**, una demo de ${minutes} minutos con nuestro equipo comercial. La invitación va a **${email}**.`
      : `Reserva hecha: **${when}**, una demo de ${minutes} minutos con nuestro equipo comercial, a nombre de **${email}**. No enviamos la invitación por correo: añádala a su calendario con el enlace «Añadir al calendario (.ics)» de la tarjeta de la reserva, arriba.`,
  bookingEmailChanged: (when, email, previous, emailed) =>
    `Hecho: su demo del **${when}** queda ahora a nombre de **${email}** en lugar de ${previous}.${emailed ? ' La invitación actualizada va de camino a ese correo.' : ' La tarjeta de la reserva, arriba, tiene la invitación actualizada («Añadir al calendario (.ics)»); sustituye a la anterior.'}`,
  bookingMoved: (from, when, email, emailed) =>
    `Hecho: he cambiado su demo del **${from}** al **${when}**, a nombre de **${email}**.${emailed ? ' La invitación actualizada va de camino a su correo.' : ' La tarjeta de la reserva, arriba, tiene la invitación actualizada («Añadir al calendario (.ics)»); sustituye a la anterior.'}`,
  bookingAdjusted: (requested, reason, hours) =>
    reason === 'outside_hours'
      ? `«${requested}» queda fuera de nuestro horario de reuniones (${hours}, de lunes a viernes), así que tomé el hueco libre más cercano.`
      : reason === 'too_soon'
        ? `«${requested}» es demasiado pronto para que el equipo se prepare, así que tomé el hueco libre más cercano.`
        : `«${requested}» ya está ocupado, así que tomé el hueco libre más cercano.`,
  icsNote: 'También puede añadirla a su calendario con el enlace «Añadir al calendario (.ics)» de la tarjeta de la reserva, arriba.',
  defaultZone: (zone) => `No indicó zona horaria, así que usé ${zone}; dígame la suya y la cambio.`,
  browserZone: (zone) => `Usé su zona horaria, ${zone}, según su navegador; si prefiere otra, dígamelo y la cambio.`,
  bookingByPhone: (minutes, when) =>
    `Con gusto organizo una demo de ${minutes} minutos${when ? ` para ${/^(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)\b/iu.test(when) ? 'el ' : ''}**${when}**` : ''}. Como prefiere no dar su correo, no hay invitación que enviar: déjeme un número de teléfono y nuestro equipo comercial le llamará para confirmar ${when ? 'la hora' : 'una hora'}.`,
  demoByPhone: (when, phone) => `Sin correo, por supuesto: he pasado su solicitud de demo${when ? ` para **${when}**` : ''} a nuestro equipo comercial, que le llamará al **${phone}** para confirmarla.`,
  bookingEmailAgain: (when) => [`${when ? `Anotado: **${when}**. ` : ''}¿A qué correo electrónico le envío la invitación?`, `Puedo reservar ${when ? `**${when}**` : 'la demo'} en cuanto tenga su correo para la invitación: ¿cuál es?`],
  bookingNeedsEmail: (minutes, when) =>
    when
      ? `Con gusto organizo una demo de ${minutes} minutos para ${/^(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)\b/iu.test(when) ? 'el ' : ''}**${when}**. ¿A qué correo envío la invitación?`
      : `Con gusto organizo una demo de ${minutes} minutos. ¿A qué correo envío la invitación, y qué día y hora le vienen bien (con su zona horaria)?`,
  bookingNeedsTime: (minutes, zone) =>
    `Con gusto organizo una demo de ${minutes} minutos. ¿Qué día y hora le vienen bien? Dígame también su zona horaria (si no, usaré ${zone}).`,
  bookingOffer: (minutes, zone) =>
    `¿Le ayudaría una demo de ${minutes} minutos con nuestro equipo? Si es así, ¿qué día y hora le vienen bien, y en qué zona horaria (si no, usaré ${zone})?`,
  bookingWhichDay: (phrase, first, second) => `Para reservar sin equivocarme: con «${phrase}», ¿se refiere al **${first}** o al **${second}**?`,
  bookingPast: (phrase) => `«${phrase}» ya ha pasado, así que no he reservado nada. ¿Qué otro día y hora le vendrían bien?`,
  bookingFailed: (reason, salesEmail) => `No pude hacer la reserva: ${reason} También puede escribir al equipo en ${salesEmail}.`,
  bookingUnavailable: (salesEmail) => `Ahora mismo no puedo reservar reuniones; escriba a ${salesEmail} y el equipo buscará un horario con usted.`,
  meetingTimeCheck: (right, when, local, sameZone) =>
    `${right ? 'Sí' : 'No exactamente'}: su demo ${sameZone ? `es el **${when}**` : `del **${when}** es el **${local}**`}.${right ? '' : ' Si prefiere otra hora, dígamelo y la cambio.'}`,
  meetingTime: (when, local, sameZone, elsewhere) =>
    local === undefined
      ? `Su demo es el **${when}**. Dígame su zona horaria y le digo la hora allí.`
      : sameZone
        ? `Su demo es el **${when}**, que ya es ${elsewhere ? 'esa' : 'su'} zona horaria.`
        : `Su demo es el **${when}**. ${elsewhere ? 'En esa zona horaria' : 'Para usted'} es el **${local}**.`,
  cancelDone: (when, email, emailed) =>
    `Hecho: su demo del **${when}** queda cancelada y el equipo comercial lo sabe. ${
      emailed ? `Le enviamos la cancelación a **${email}**.` : 'Si la añadió a su calendario, la tarjeta de arriba la quita.'
    } Si le va mejor otro horario, dígamelo y la reservo.`,
  cancelledAlready: (when) => `Su demo del **${when}** está cancelada, así que ahora no hay nada reservado. ¿Quiere otro horario?`,
  cancelNotHere: (email, when, bookedFor) =>
    `Solo puedo cancelar una demo reservada en esta conversación, y aquí no hay ninguna para **${email}**: la de aquí es el **${when}**, a nombre de **${bookedFor}**. Si es esa, dígame «cancélala».`,
  cancelUnavailable: (when, salesEmail) => `Ahora mismo no puedo cancelarla desde aquí: escriba a ${salesEmail} y el equipo cancelará su demo del **${when}**.`,
  handoffCall: (phone, hours) => `Por supuesto: he pedido que una persona de nuestro equipo comercial le llame al **${phone}**${hours ? `; horario del equipo: ${hours}` : ''}.`,
  handoffDone: (email, hours) =>
    email
      ? `Por supuesto: he pedido que una persona de nuestro equipo comercial continúe la conversación. Le escribirá a **${email}**${hours ? `; horario del equipo: ${hours}` : ''}.`
      : `Por supuesto: he pedido que una persona de nuestro equipo comercial continúe la conversación.${hours ? ` Su horario: ${hours}.` : ''}`,
  handoffWithoutEmail: (salesEmail) => `No hace falta ningún correo: puede escribirles a **${salesEmail}** cuando le venga bien, y mientras tanto sigo aquí en el chat.`,
  handoffUnavailable: (salesEmail, hours) => `Por supuesto: puede escribir a nuestro equipo comercial en ${salesEmail}${hours ? ` (${hours})` : ''}.`,
  handoffWho: (contact, hours, ask) =>
    `Una persona de nuestro equipo comercial se pondrá en contacto con usted${contact ? ` en **${contact}**` : ''}${hours ? `; horario del equipo: ${hours}` : ''}. Desde aquí no puedo darle un nombre ni una hora exacta.${contact || !ask ? '' : ' ¿En qué correo o número pueden contactarle?'}`,
  pricingUnavailable: (salesEmail) => `No pude consultar ese precio ahora mismo; nuestro equipo en ${salesEmail} puede enviarle una propuesta.`,
  priceObjection: (plan, seats, perSeat, annualTotal, monthlyYear, savings) =>
    `Con facturación anual, **${plan}** para ${seats} usuarios baja a **${perSeat} por usuario al mes**: **${annualTotal} al año** en lugar de ${monthlyYear}, un ahorro de **${savings}**.`,
  priceAtMinimum: (plan, min) => `Esas cifras son para ${min} usuarios, el mínimo de **${plan}**: dígame cuántas personas lo usarían y se lo calculo para su equipo.`,
  furtherDiscount: (salesEmail) => `Cualquier otro descuento lo decide nuestro equipo comercial; puede consultárselo en ${salesEmail}.`,
  noPriceMatch: 'Yo no puedo igualar el precio de otro proveedor.',
  fees: (salesEmail) =>
    `Nuestra lista de precios es por usuario activo, con facturación mensual o anual, y no incluye cuotas de alta ni otros pagos únicos; aun así, no puedo confirmarlo para cada caso y prefiero no adivinar. El equipo en ${salesEmail} puede darle una respuesta definitiva.`,
  erase: (salesEmail) =>
    `Puede borrar esta conversación, y todo lo que me ha contado en ella, cuando quiera: el botón de la papelera (**Eliminar conversación**) arriba del chat. Para cualquier otro dato que tengamos sobre usted, escriba a ${salesEmail}.`,
  notInterested: (salesEmail) => `Entendido, gracias por su tiempo. Si algo cambia, aquí estoy, o puede escribir al equipo a ${salesEmail}.`,
  frustrated: 'Siento no haberle sido de ayuda. Dígame qué busca y se lo respondo directamente; o, si prefiere hablar con una persona, dígamelo y le paso con nuestro equipo comercial.',
  noSelfHosting: (salesEmail) => `Una versión en sus propios servidores no es algo que pueda confirmar: el equipo en ${salesEmail} puede decirle qué es posible en su caso.`,
  present: 'Sí, aquí estoy. Pregúnteme por planes y precios, seguridad, integraciones o una demo.',
  noQuestions: 'Por supuesto, no le haré más preguntas. Pregúnteme por planes, precios, seguridad o una demo cuando quiera.',
  emailDeclined: 'Por supuesto: no hace falta ningún correo y no volveré a pedírselo. Todo lo que necesite se lo respondo aquí, en el chat.',
  identity: (company) =>
    `Soy el asistente de IA de ${company}: una inteligencia artificial, no una persona. Puedo responder a sus preguntas sobre planes, precios y funciones, y reservarle una demo. Si prefiere hablar con alguien de nuestro equipo comercial, dígamelo y le paso con ellos.`,
  competitorPrice: (competitor) => `No puedo hablar de los precios actuales de **${competitor}**: solo doy los nuestros, de nuestra lista de precios.`,
  noFreePlan: (plan, price) => `No tenemos un plan gratuito: el más económico es **${plan}**, a ${price}. Lo que sí es gratis es la prueba:`,
  purchaseDone: (email, hours) =>
    email
      ? `¡Estupendo! He pedido a nuestro equipo comercial que le ayude a empezar: le envían el contrato y organizan la facturación, y le escribirán a **${email}**${hours ? `; horario del equipo: ${hours}` : ''}.`
      : `¡Estupendo! He pedido a nuestro equipo comercial que le ayude a empezar: le envían el contrato y organizan la facturación.${hours ? ` Su horario: ${hours}.` : ''}`,
  startNow: 'Si prefiere contratar directamente, dígamelo y pido a nuestro equipo comercial que se lo prepare (contrato y facturación).',
  currencyNote: (currency, salesEmail) =>
    `Nuestros precios están solo en ${currency}; no puedo convertirlos ni darlos en otra moneda: el equipo en ${salesEmail} puede explicarle cómo funciona la facturación en su moneda.`,
  colleagues: (salesEmail) =>
    `Puede traer a quien deba estar: reenvíele la invitación de la demo (el .ics de la tarjeta de la reserva). Yo no puedo añadir invitados a la invitación; si prefiere que nuestro equipo los invite directamente, escriba a ${salesEmail}.`,
  featureLinesIntro: 'Esto es lo que dicen nuestros planes al respecto:',
  plansBuildUp: 'Cada plan incluye todo lo del plan anterior.',
  planHas: (plan, feature, yes) => `${yes ? 'Sí: ' : ''}**${plan}** incluye ${feature}.`,
  planLacks: (plan, feature, from, only) => `No en **${plan}**: ${only ? `solo **${from}** incluye` : `a partir de **${from}** se incluye`} ${feature}.`,
  planGap: (plan, above, features) => `Frente a **${above}**, **${plan}** no incluye: ${features}.`,
  notForTeam: (seats, range) => `no sirve para un equipo de ${seats} (admite ${range})`,
  planTooSmall: (plan, max, seats) => `Además, **${plan}** llega a un máximo de ${max} usuarios, así que no alcanzaría para su equipo de ${seats}.`,
  grownTotal: (said, then, plan, total) => `Cuando sean ${then} personas${said.added ? ` (${said.added})` : said.when ? ` ${said.when}` : ''}, **${plan}** saldría a **${total} al mes**.`,
  seatLimitNo: (plan, max, seats) => `No: **${plan}** llega hasta ${max} usuarios, así que no alcanza para ${seats}.`,
  perSeatNotTeam: (plan, price, seats) =>
    `No: **${plan}** se cobra por usuario, no por todo el equipo: ${price}.${seats === undefined ? '' : ` Para su equipo de ${seats}, queda así:`}`,
  unconfirmedIntegration: (tool, salesEmail) =>
    `**${tool}** no figura entre las integraciones que ofrecemos, y prefiero no adivinar: el equipo de ${salesEmail} puede decirle si se puede conectar.`,
  unconfirmedStandard: (standard, salesEmail) =>
    `${standard} no está entre las certificaciones y normas que puedo confirmar, y prefiero no adivinar: el equipo en ${salesEmail} puede decirle cómo estamos en su caso.`,
  unconfirmedDetail: (detail, salesEmail) =>
    `No puedo confirmarle ${{ 'api-limits': 'los límites de uso de la API', 'support-languages': 'en qué idiomas atiende nuestro soporte', 'phone-support': 'si hay soporte por teléfono', 'data-deletion': 'cómo y cuándo se borran sus datos si se van', refund: 'si hay reembolso (ni de cuánto)', 'payment-terms': 'condiciones de pago como 30 o 60 días', uptime: 'una disponibilidad garantizada por encima de nuestro SLA publicado (99,95 %, solo en Enterprise)', 'custom-build': 'que desarrollemos una integración o función a medida para ustedes, ni una fecha para ello', 'price-lock': 'un precio garantizado ni un contrato de varios años' }[detail]} con la información que tengo, y prefiero no adivinar: el equipo en ${salesEmail} se lo puede decir.`,
  notListed: (_subject, salesEmail) =>
    `En la información que tengo del producto no figura una app móvil, así que no quiero prometerle algo que no puedo confirmar: nuestro equipo en ${salesEmail} se lo aclara.`,
  bookingHours: (minutes, zone, start, end, needsEmail, booked, week) =>
    booked
      ? `Su demo sigue el **${booked}** por ahora. Puedo pasarla a cualquier día laborable${week ? ` de la semana que viene (del ${week[0]} al ${week[1]})` : ''} entre las ${start} y las ${end} (${zone}): ¿qué día y a qué hora le vendría mejor?`
      : `Puedo reservarle una demo de ${minutes} minutos cualquier día laborable${week ? ` de la semana que viene (del ${week[0]} al ${week[1]})` : ''} entre las ${start} y las ${end} (${zone}). ¿Qué día y a qué hora le viene bien${needsEmail ? ', y a qué correo le envío la invitación' : ''}?`,
  growthFit: (said, fresh, now, then, plan, range, outgrown) => {
    const when = said.when ? ` ${said.when}` : '';
    if (!fresh) {
      const counting = said.added ? `Contando las ${said.added} que me comentó, serán ${then} personas` : `Como serán ${then} personas${when}`;
      return outgrown ? `${counting}: más que los ${outgrown.max} usuarios de **${outgrown.plan}**, así que le recomiendo **${plan}** (${range}).` : `${counting}, ${said.added ? 'y ' : ''}**${plan}** le sigue sirviendo (${range}).`;
    }
    const grows = said.added ? `Anotado: con ${said.added} pasan de ${now} a ${then} personas` : `Anotado: pasan de ${now} a ${then} personas${when}`;
    return outgrown
      ? `${grows}. **${outgrown.plan}** llega hasta ${outgrown.max} usuarios y se les quedaría pequeño; **${plan}** cubre ${range}, así que le recomiendo ese.`
      : `${grows}, y **${plan}** les sigue sirviendo (cubre ${range}).`;
  },
  passToTeam: '¿Quiere que les pase su pregunta?',
  teamReachAt: '¿A qué correo puede escribirle nuestro equipo?',
};

export const PHRASES: Record<SalesLocale, Phrases> = { en, es, fr, de, ar };
