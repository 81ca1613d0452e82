import { capitalise, listWith as list, type MemoryPhrases, type Phrases } from '@/lib/llm/offline/phrasebook';

/** The offline agent's sentences in French (vouvoiement, as a sales rep writes to a prospect). */

const yours = (label: string) => (label === 'outils' ? `vos ${label}` : `votre ${label}`);
const users = (count: number) => `${count} ${count === 1 ? 'utilisateur' : 'utilisateurs'}`;

export const fr: Phrases = {
  greeting: (company, tagline) => `Bonjour ! Je suis l’assistant commercial de ${company}. ${tagline}`.trimEnd(),
  canHelp: 'Je peux vous renseigner sur les offres et les tarifs, la sécurité, les intégrations, ou organiser une démo.',
  thanks: (company) => `Avec plaisir ! Puis-je vous aider pour autre chose — les tarifs, la sécurité ou une démo de ${company} ?`,
  smallTalk: 'Parfait.',
  howAreYou: 'Très bien, merci de demander !',
  howCanIHelp: 'Que puis-je faire pour vous aujourd’hui ?',
  languageSwitched: 'Bien sûr, continuons en français.',
  offTopic: (company) =>
    `Cela sort de ce que je peux traiter ici : je suis l’assistant commercial de ${company}, je m’en tiens donc à notre produit — offres et tarifs, sécurité, intégrations et démos.`,
  injectionDiscount: 'Je ne peux pas ignorer mes instructions ni accorder de remise moi-même.',
  injection: (company) =>
    `Je ne peux pas partager mes instructions ni ma configuration, mais je vous aide volontiers pour tout ce qui concerne ${company} : offres, tarifs, sécurité ou démo.`,
  unknownQuestion: (salesEmail) =>
    `Bonne question — je n’ai pas de réponse confirmée et je préfère ne pas deviner. Notre équipe (${salesEmail}) pourra vous répondre avec certitude.`,
  unknownStatement: 'Merci, c’est utile.',
  notSure: 'Pas de souci, nous pourrons y revenir.',
  becauseOf: (reason) => `La raison : ${reason}`,
  askedBefore: 'Voici ce que vous m’avez demandé jusqu’ici :',
  askedNothing: 'Vous ne m’aviez encore posé aucune question.',
  trialOf: (plan) => `L’essai gratuit est un essai de l’offre **${plan}**.`,
  savingPerSeat: (plan) => (plan ? `L’économie vient de la facturation annuelle : **${plan.name}** revient à **${plan.annual} par utilisateur et par mois** au lieu de ${plan.monthly} en mensuel ; ce que vous économisez dépend du nombre d’utilisateurs.` : 'L’économie vient de la facturation annuelle : elle baisse le prix par utilisateur de chaque offre payante ; ce que vous économisez dépend du nombre d’utilisateurs.'),
  bareNumber: (value) => `Pour être sûr : « ${value} », c’est le nombre de personnes qui l’utiliseraient, ou une date ou un délai (comme « dans ${value} jours ») ?`,
  noMeetingToCancel: 'Vous n’avez pas de démo réservée avec moi, il n’y a donc rien à annuler. Voulez-vous en réserver une ?',
  handoffAgain: 'Notre équipe commerciale a déjà votre demande et vous contactera bientôt.',
  brochure: (salesEmail) => `Je ne peux pas envoyer de fichiers d’ici, mais je peux vous présenter les offres et les prix tout de suite, et notre équipe à ${salesEmail} peut vous envoyer de la documentation.`,
  sendByEmail: 'Je ne peux pas envoyer d’e-mail depuis ce chat, mais notre équipe commerciale peut vous l’envoyer.',
  sendToKnown: (email, salesEmail) => `Je ne peux pas envoyer d’e-mail depuis ce chat : tout ce que je vous ai indiqué reste ici, à copier, et si vous écrivez à ${salesEmail}, l’équipe vous l’enverra à **${email}**.`,
  sendWithoutEmail: (salesEmail) => `Je ne peux pas envoyer d’e-mail depuis ce chat, et vous préférez ne pas donner d’adresse : tout ce que je vous ai dit reste ici dans le chat, à copier, et vous pouvez écrire à ${salesEmail} quand vous voudrez le recevoir.`,
  noted: (name, items) =>
    items.length === 0 && name ? `Enchanté, ${name} !` : `Merci${name ? `, ${name}` : ''} !${items.length > 0 ? ` J’ai noté ${list(items, 'et')}.` : ''}`,
  notedEmail: (email) => `votre adresse e-mail **${email}**`,
  notedName: (name) => `votre nom, **${name}**`,
  notedPhone: (phone) => `votre numéro **${phone}**`,
  notedCompany: (company) => `que vous travaillez chez ${company}`,
  notedTeam: (seats) => `que vous êtes une équipe de ${seats} personnes`,
  priceLine: (monthly, annual) =>
    [monthly && `**${monthly} par utilisateur et par mois** en facturation mensuelle`, annual && `**${annual} par utilisateur et par mois** en facturation annuelle`]
      .filter(Boolean)
      .join(', ou '),
  customLine: 'tarif sur devis — notre équipe commerciale prépare une proposition',
  planIs: (plan, line) => `L’offre **${plan}** coûte ${line}.`,
  coversSeats: (range) => `Elle convient aux équipes de ${range}.`,
  quoteMonthly: (plan, seats, perSeat, month, year) =>
    `**${plan}** pour ${users(seats)}, en facturation mensuelle : **${perSeat} par utilisateur et par mois**, soit **${month} par mois** (${year} sur un an).`,
  quoteAnnual: (plan, seats, perSeat, year, month, saving) =>
    `En facturation annuelle, ${plan} pour ${users(seats)} revient à **${perSeat} par utilisateur et par mois** : **${year} par an** (${month} par mois)${saving ? `, soit une économie de **${saving}** par an` : ''}.`,
  suggestFor: (seats, plan, summary) => `Pour une équipe de ${seats} personnes, je vous conseille **${plan}**. ${summary}`.trimEnd(),
  needsPlan: (what, plan) => `Pour ${what}, il faut **${plan}**.`,
  planAtMinimum: (plan, min, seats) => `**${plan}** commence à ${min} utilisateurs : pour votre équipe de ${seats}, ${min} sont facturés.`,
  billedAtMinimum: (plan, min, seats) => `Ce dont vous avez besoin est inclus dans **${plan}**, qui commence à ${min} utilisateurs : pour votre équipe de ${seats}, ${min} sont facturés.`,
  annualPaysLess: (annual, monthly, saving) => `Pour payer moins, choisissez la facturation annuelle : **${annual} par utilisateur et par mois** au lieu de ${monthly}, soit **${saving}** d’économie par an.`,
  alreadyLowest: (plan, seats) => `**${plan}** est déjà notre offre la moins chère pour une équipe de ${seats} personnes.`,
  smallerPlanHolds: (cheaper, seats, plan) => `Si le budget est serré, **${cheaper}** convient aussi à une équipe de ${seats} personnes, pour moins cher que **${plan}**.`,
  startSmall: 'Ce qui garde une première facture modeste, c’est la facturation annuelle, ou commencer par l’équipe qui en a le plus besoin et ajouter des utilisateurs au fur et à mesure.',
  aboveEvenAnnual: (cost) => `En facturation annuelle, cela revient à **${cost} par mois**, toujours au-dessus.`,
  cheaperStillAbove: (plan, rate) => `**${plan}** couvre aussi votre équipe, à **${rate} par utilisateur et par mois** en facturation annuelle, mais pour votre équipe c’est aussi au-dessus.`,
  cheaperWithin: (plan, rate, annual) => `**${plan}** couvre aussi votre équipe et tient dans ce budget : **${rate} par utilisateur et par mois**${annual ? ' en facturation annuelle' : ''}.`,
  planFitsYes: (plan, seats, range) => `Oui : **${plan}** accepte ${range}, donc il couvre votre équipe de ${seats} personnes.`,
  budgetAbove: (budget, current, plan) => `**${current}** dépasse le budget que vous avez indiqué (**${budget}**). Pour moins, il y a **${plan}** :`,
  needOverBudget: (budget, current, feature, plans, cheaper, fewer) =>
    `**${current}** dépasse le budget que vous avez indiqué (**${budget}**), et ${feature} n’existe que sur ${plans}. Le compromis :${cheaper ? ` **${cheaper}** tient dans le budget, sans ${feature}` : ''}${cheaper && fewer ? ' ;' : ''}${fewer ? ` ${cheaper ? 'ou ' : ''}**${current}** avec moins d’utilisateurs (jusqu’à ${fewer}) y tient` : ''}${!cheaper && !fewer ? ' moins d’utilisateurs, ou voir les options avec notre équipe' : ''}.`,
  farewell: (name, booking, email) =>
    `Merci pour votre temps${name ? `, ${name}` : ''} !${booking ? ` À bientôt, le **${booking}**.` : ''} Pour toute autre question, écrivez ici quand vous voulez ou à ${email}.`,
  budgetFit: (fit, budget, annualCost) =>
    fit === 'within'
      ? `${annualCost ? `À **${annualCost}**, cela entre` : 'Cela entre'} dans le budget que vous avez indiqué (**${budget}**).`
      : fit === 'annual-within'
        ? `En facturation annuelle${annualCost ? `, à **${annualCost}**` : ''}, cela entre dans le budget que vous avez indiqué (**${budget}**).`
        : `Cela dépasse le budget que vous avez indiqué (**${budget}**). Commencer avec moins d’utilisateurs réduit le montant, et notre équipe peut étudier les options avec vous.`,
  customPricing: (plan, minSeats, summary) =>
    `**${plan}** est proposée sur devis : notre équipe commerciale établit une proposition selon votre nombre d’utilisateurs et vos besoins (${plan} commence à ${minSeats} utilisateurs). ${summary}`.trimEnd(),
  customBudget: (plan, budget, salesEmail) => `Comme **${plan}** fait l’objet d’un devis de notre équipe commerciale, je ne peux pas dire s’il tient dans le budget que vous avez indiqué (**${budget}**) ; l’équipe peut préparer un devis en en tenant compte (${salesEmail}).`,
  quoteOffer: 'Souhaitez-vous un devis ou un court échange avec l’équipe ? Si oui, à quelle adresse e-mail pouvons-nous vous écrire ?',
  overviewIntro: (company) => `${company} est facturé par utilisateur. Voici nos offres :`,
  noSuchPlan: (name) => `Nous n’avons pas d’offre appelée **${name}**.`,
  mostPopular: ' (la plus choisie)',
  compareIntro: (lower, higher) => `Voici comment se comparent **${lower}** et **${higher}** :`,
  compareAdds: (lower, higher) => `En plus de ce que comprend ${lower}, **${higher}** apporte :`,
  compareCost: (seats) => `Pour ${users(seats)} :`,
  perMonth: 'par mois',
  perYear: 'par an',
  recommendIntro: 'Je vous aide volontiers à choisir. Nos offres se distinguent surtout par la taille de l’équipe et les besoins d’administration :',
  seatRange: (min, max) => (max === null ? `${min} utilisateurs ou plus` : `${min} à ${max.toLocaleString('fr-FR').replace(/\s/g, '\u00a0')} utilisateurs`),
  featuresPrice: 'Prix',
  competitorIntro: (company, competitor) => `Comment **${company}** se compare à **${competitor}** :`,
  noComparison: (company, competitor, salesEmail) => `Je n’ai pas de comparaison entre ${company} et **${competitor}**, je ne vais donc rien affirmer sur leur produit. Si une comparaison compte pour vous, notre équipe à ${salesEmail} peut vous aider. Ce que je peux vous dire, c’est ce que ${company} vous apporte :`,
  competitorOurs: (company) => `Là où ${company} est plus fort :`,
  competitorEdge: (company, competitor) => `Par rapport à **${competitor}**, voici ce que ${company} vous apporte :`,
  competitorTheirs: (competitor) => `Les points forts de ${competitor} :`,
  objectionCheck: 'Cela répond-il à votre préoccupation ?',
  inviteFor: (when, email) => `Votre démo du **${when}** est réservée au nom de **${email}** ; la carte de réservation ci-dessus contient l’invitation (« Ajouter au calendrier (.ics) »).`,
  meetingWho: (when, minutes, email, salesEmail) => `C’est une démo de ${minutes} minutes avec une personne de notre équipe commerciale ; je n’ai pas le nom de qui y participera, et je préfère ne pas l’inventer. Elle a lieu le **${when}**, au nom de **${email}**, et la carte de réservation ci-dessus contient l’invitation (« Ajouter au calendrier (.ics) »). Si vous souhaitez savoir à l’avance qui ce sera, ${salesEmail} pourra vous le dire.`,
  booked: (when, minutes, email, emailed) =>
    emailed
      ? `C’est réservé : **${when}**, une démo de ${minutes} minutes avec notre équipe commerciale. L’invitation part à **${email}**.`
      : `C’est réservé : **${when}**, une démo de ${minutes} minutes avec notre équipe commerciale, au nom de **${email}**. Nous n’envoyons pas l’invitation par e-mail : ajoutez-la à votre agenda avec le lien « Ajouter au calendrier (.ics) » de la carte de réservation ci-dessus.`,
  bookingEmailChanged: (when, email, previous, emailed) =>
    `C’est fait : votre démo du **${when}** est maintenant au nom de **${email}** au lieu de ${previous}.${emailed ? ' L’invitation mise à jour arrive dans cette boîte mail.' : ' La carte de réservation ci-dessus contient l’invitation mise à jour (« Ajouter au calendrier (.ics) ») ; elle remplace l’ancienne.'}`,
  bookingMoved: (from, when, email, emailed) =>
    `C’est fait : votre démo passe du **${from}** au **${when}**, au nom de **${email}**.${emailed ? ' L’invitation mise à jour arrive dans votre boîte mail.' : ' La carte de réservation ci-dessus contient l’invitation mise à jour (« Ajouter au calendrier (.ics) ») ; elle remplace l’ancienne.'}`,
  bookingAdjusted: (requested, reason, hours) =>
    reason === 'outside_hours'
      ? `« ${requested} » est en dehors de nos horaires de rendez-vous (${hours}, du lundi au vendredi) : j’ai pris le créneau libre le plus proche.`
      : reason === 'too_soon'
        ? `« ${requested} » est trop tôt pour que l’équipe se prépare : j’ai pris le créneau libre le plus proche.`
        : `« ${requested} » est déjà pris : j’ai pris le créneau libre le plus proche.`,
  icsNote: 'Vous pouvez aussi l’ajouter à votre agenda avec le lien « Ajouter au calendrier (.ics) » de la carte de réservation ci-dessus.',
  defaultZone: (zone) => `Vous n’avez pas indiqué de fuseau horaire, j’ai donc utilisé ${zone} — donnez-moi le vôtre et je déplacerai le rendez-vous.`,
  browserZone: (zone) => `J’ai utilisé votre fuseau horaire, ${zone}, tel que l’indique votre navigateur — dites-moi si vous en préférez un autre et je déplacerai le rendez-vous.`,
  bookingByPhone: (minutes, when) =>
    `Avec plaisir, organisons une démo de ${minutes} minutes${when ? ` pour **${when}**` : ''}. Comme vous préférez ne pas donner d’adresse e-mail, il n’y a pas d’invitation à envoyer : laissez-moi un numéro de téléphone et notre équipe commerciale vous appellera pour confirmer ${when ? 'l’horaire' : 'un horaire'}.`,
  demoByPhone: (when, phone) => `Pas besoin d’e-mail : j’ai transmis votre demande de démo${when ? ` pour **${when}**` : ''} à notre équipe commerciale, qui vous appellera au **${phone}** pour la confirmer.`,
  bookingEmailAgain: (when) => [`${when ? `C’est noté : **${when}**. ` : ''}À quelle adresse e-mail dois-je envoyer l’invitation ?`, `Je peux réserver ${when ? `**${when}**` : 'la démo'} dès que j’ai votre adresse e-mail pour l’invitation : quelle est-elle ?`],
  bookingNeedsEmail: (minutes, when) =>
    when
      ? `Avec plaisir, organisons une démo de ${minutes} minutes pour **${when}**. À quelle adresse e-mail dois-je envoyer l’invitation ?`
      : `Avec plaisir, organisons une démo de ${minutes} minutes. À quelle adresse e-mail dois-je envoyer l’invitation, et quel jour et quelle heure vous conviennent (avec votre fuseau horaire) ?`,
  bookingNeedsTime: (minutes, zone) =>
    `Avec plaisir, organisons une démo de ${minutes} minutes. Quel jour et quelle heure vous conviennent ? Indiquez-moi aussi votre fuseau horaire (sinon j’utiliserai ${zone}).`,
  bookingOffer: (minutes, zone) =>
    `Une démo de ${minutes} minutes avec notre équipe vous serait-elle utile ? Si oui, quel jour et quelle heure vous conviennent, et dans quel fuseau horaire (sinon j’utiliserai ${zone}) ?`,
  bookingWhichDay: (phrase, first, second) => `Juste pour être sûr avant de réserver : par « ${phrase} », voulez-vous dire **${first}** ou **${second}** ?`,
  bookingPast: (phrase) => `« ${phrase} » est déjà passé, je n’ai donc rien réservé. Quel autre jour et quelle heure vous conviendraient ?`,
  bookingFailed: (_reason, salesEmail) => `Je n’ai pas pu faire cette réservation. Vous pouvez aussi écrire à l’équipe : ${salesEmail}.`,
  bookingUnavailable: (salesEmail) => `Je ne peux pas réserver de rendez-vous pour le moment ; écrivez à ${salesEmail} et l’équipe trouvera un créneau avec vous.`,
  meetingTimeCheck: (right, when, local, sameZone) =>
    `${right ? 'Oui' : 'Pas tout à fait'} : votre démo ${sameZone ? `est prévue le **${when}**` : `du **${when}** tombe le **${local}**`}.${right ? '' : ' Si vous préférez une autre heure, dites-le-moi et je la déplace.'}`,
  meetingTime: (when, local, sameZone, elsewhere) =>
    local === undefined
      ? `Votre démo est prévue le **${when}**. Indiquez-moi votre fuseau horaire et je vous donne l’heure chez vous.`
      : sameZone
        ? `Votre démo est prévue le **${when}**, c’est déjà ${elsewhere ? 'ce' : 'votre'} fuseau horaire.`
        : `Votre démo est prévue le **${when}**. ${elsewhere ? 'Dans ce fuseau horaire' : 'Chez vous'}, cela fait **${local}**.`,
  cancelDone: (when, email, emailed) =>
    `C’est fait : votre démo du **${when}** est annulée, et l’équipe commerciale est prévenue. ${
      emailed ? `Une annulation part à **${email}**.` : 'Si vous l’avez ajoutée à votre agenda, la carte ci-dessus la retire.'
    } Si un autre créneau vous convient, dites-le-moi et je le réserve.`,
  cancelledAlready: (when) => `Votre démo du **${when}** est annulée : rien n’est réservé pour l’instant. Voulez-vous un autre créneau ?`,
  cancelNotHere: (email, when, bookedFor) =>
    `Je ne peux annuler qu’une démo réservée dans cette conversation, et il n’y en a aucune ici pour **${email}** : celle d’ici est le **${when}**, au nom de **${bookedFor}**. Si c’est celle-là, dites simplement « annulez-la ».`,
  cancelUnavailable: (when, salesEmail) => `Je ne peux pas l’annuler d’ici pour le moment : écrivez à ${salesEmail} et l’équipe annulera votre démo du **${when}**.`,
  handoffCall: (phone, hours) => `Bien sûr — j’ai demandé à un membre de notre équipe commerciale de vous appeler au **${phone}**${hours ? ` (horaires de l’équipe : ${hours})` : ''}.`,
  handoffDone: (email, hours) =>
    email
      ? `Bien sûr — j’ai demandé à un membre de notre équipe commerciale de prendre le relais. Il vous répondra à **${email}**${hours ? ` (horaires de l’équipe : ${hours})` : ''}.`
      : `Bien sûr — j’ai demandé à un membre de notre équipe commerciale de prendre le relais.${hours ? ` Horaires de l’équipe : ${hours}.` : ''}`,
  handoffWithoutEmail: (salesEmail) => `Pas besoin d’e-mail : vous pouvez leur écrire à **${salesEmail}** quand cela vous convient, et je reste ici dans le chat en attendant.`,
  handoffUnavailable: (salesEmail, hours) => `Bien sûr — vous pouvez joindre notre équipe commerciale à ${salesEmail}${hours ? ` (${hours})` : ''}.`,
  handoffWho: (contact, hours, ask) =>
    `Un membre de notre équipe commerciale vous contactera${contact ? ` à **${contact}**` : ''}${hours ? ` ; horaires de l’équipe : ${hours}` : ''}. D’ici, je ne peux pas vous donner de nom ni d’heure précise.${contact || !ask ? '' : ' À quelle adresse e-mail ou à quel numéro peut-il vous joindre ?'}`,
  pricingUnavailable: (salesEmail) => `Je n’ai pas pu consulter ce prix pour le moment ; notre équipe (${salesEmail}) peut vous envoyer un devis.`,
  priceObjection: (plan, seats, perSeat, annualTotal, monthlyYear, savings) =>
    `En facturation annuelle, **${plan}** pour ${users(seats)} revient à **${perSeat} par utilisateur et par mois** : **${annualTotal} par an** au lieu de ${monthlyYear}, soit une économie de **${savings}**.`,
  priceAtMinimum: (plan, min) => `Ces montants sont pour ${users(min)}, le minimum de **${plan}** : dites-moi combien de personnes l’utiliseraient et je le calcule pour votre équipe.`,
  fees: (salesEmail) =>
    `Notre grille tarifaire est par utilisateur actif, facturée au mois ou à l’année, et ne mentionne ni frais d’installation ni autres frais ponctuels ; je ne peux pas le confirmer pour chaque cas, et je préfère ne pas deviner. L’équipe à ${salesEmail} pourra vous répondre avec certitude.`,
  furtherDiscount: (salesEmail) => `Toute remise supplémentaire relève de notre équipe commerciale ; vous pouvez la demander à ${salesEmail}.`,
  noPriceMatch: 'Je ne peux pas m’aligner moi-même sur le prix d’un autre fournisseur.',
  erase: (salesEmail) =>
    `Vous pouvez effacer cette conversation, et tout ce que vous m’y avez dit, à tout moment : le bouton corbeille (**Supprimer la conversation**) en haut du chat. Pour toute autre donnée que nous détenons sur vous, écrivez à ${salesEmail}.`,
  notInterested: (salesEmail) => `Entendu, merci pour votre temps. Si quelque chose change, je suis là, ou écrivez à l’équipe à ${salesEmail}.`,
  frustrated: 'Désolé de ne pas vous avoir aidé. Dites-moi ce que vous cherchez et je vous réponds directement ; ou, si vous préférez parler à quelqu’un, dites-le et je vous mets en relation avec notre équipe commerciale.',
  noSelfHosting: (salesEmail) => `Une version sur site ou auto-hébergée n’est pas quelque chose que je peux confirmer : l’équipe à ${salesEmail} vous dira ce qui est possible pour vous.`,
  present: 'Oui, je suis là. Posez-moi vos questions sur les offres et les prix, la sécurité, les intégrations ou une démo.',
  noQuestions: 'Bien sûr, je ne vous pose plus de questions. Interrogez-moi sur les offres, les prix, la sécurité ou une démo quand vous voulez.',
  emailDeclined: 'Bien sûr : pas besoin d’e-mail, et je ne vous le redemanderai pas. Je réponds à tout ici, dans la conversation.',
  identity: (company) =>
    `Je suis l’assistant IA de ${company} : une intelligence artificielle, pas une personne. Je peux répondre à vos questions sur nos offres, nos prix et nos fonctionnalités, et vous réserver une démo. Si vous préférez parler à quelqu’un de notre équipe commerciale, dites-le-moi et je vous mets en relation.`,
  competitorPrice: (competitor) => `Je ne peux pas parler des prix actuels de **${competitor}** : je ne donne que les nôtres, issus de notre grille tarifaire.`,
  noFreePlan: (plan, price) => `Il n’y a pas d’offre gratuite : la moins chère est **${plan}**, à ${price}. Ce qui est gratuit, c’est l’essai :`,
  purchaseDone: (email, hours) =>
    email
      ? `Parfait ! J’ai demandé à notre équipe commerciale de vous accompagner : elle vous envoie le contrat et organise la facturation, et vous répondra à **${email}**${hours ? ` (horaires de l’équipe : ${hours})` : ''}.`
      : `Parfait ! J’ai demandé à notre équipe commerciale de vous accompagner : elle vous envoie le contrat et organise la facturation.${hours ? ` Horaires de l’équipe : ${hours}.` : ''}`,
  startNow: 'Si vous préférez souscrire tout de suite, dites-le-moi et je demande à notre équipe commerciale de tout préparer (contrat et facturation).',
  currencyNote: (currency, salesEmail) =>
    `Nos prix sont uniquement en ${currency} ; je ne peux ni les convertir ni les donner dans une autre devise : l’équipe à ${salesEmail} peut vous expliquer la facturation dans votre devise.`,
  colleagues: (salesEmail) =>
    `Venez avec qui doit être là : transférez-leur l’invitation de la démo (le .ics de la carte de réservation). Je ne peux pas ajouter d’invités moi-même ; si vous préférez que notre équipe les invite directement, écrivez à ${salesEmail}.`,
  featureLinesIntro: 'Voici ce qu’en disent nos offres :',
  plansBuildUp: 'Chaque offre comprend tout ce que contient celle du dessous.',
  planHas: (plan, feature, yes) => `${yes ? 'Oui : ' : ''}**${plan}** inclut ${feature}.`,
  planLacks: (plan, feature, from, only) => `Pas avec **${plan}** : ${feature}, c’est ${only ? `uniquement avec **${from}**` : `à partir de **${from}**`}.`,
  planGap: (plan, above, features) => `Par rapport à **${above}**, **${plan}** n’inclut pas : ${features}.`,
  notForTeam: (seats, range) => `pas pour une équipe de ${seats} (il accepte ${range})`,
  planTooSmall: (plan, max, seats) => `**${plan}** s’arrête aussi à ${max} utilisateurs : il ne suffirait pas pour votre équipe de ${seats}.`,
  grownTotal: (said, then, plan, total) => `Quand vous serez ${then}${said.added ? ` (${said.added})` : said.when ? ` ${said.when}` : ''}, **${plan}** reviendrait à **${total} par mois**.`,
  seatLimitNo: (plan, max, seats) => `Non : **${plan}** s’arrête à ${max} utilisateurs, il ne suffit donc pas pour ${seats}.`,
  perSeatNotTeam: (plan, price, seats) =>
    `Non : **${plan}** est facturé par utilisateur, pas pour toute l’équipe : ${price}.${seats === undefined ? '' : ` Pour votre équipe de ${seats}, cela donne :`}`,
  unconfirmedIntegration: (tool, salesEmail) =>
    `**${tool}** ne fait pas partie des intégrations que nous proposons, et je préfère ne pas deviner : l’équipe de ${salesEmail} peut vous dire s’il est possible de le connecter.`,
  unconfirmedStandard: (standard, salesEmail) =>
    `${standard} ne fait pas partie des certifications et normes que je peux confirmer, et je préfère ne pas deviner : l’équipe à ${salesEmail} pourra vous dire où nous en sommes pour votre cas.`,
  unconfirmedDetail: (detail, salesEmail) =>
    `Je ne peux pas vous confirmer ${{ 'api-limits': 'les limites d’utilisation de l’API', 'support-languages': 'les langues dans lesquelles notre support répond', 'phone-support': 'l’existence d’un support par téléphone', 'data-deletion': 'comment et quand vos données sont supprimées après votre départ', refund: 'un remboursement (ni son montant)', 'payment-terms': 'des délais de paiement comme 30 ou 60 jours', uptime: 'une disponibilité garantie au-delà de notre SLA publié (99,95 %, sur Enterprise uniquement)', 'custom-build': 'le développement d’une intégration ou d’une fonctionnalité sur mesure pour vous, ni une date pour cela', 'price-lock': 'un prix garanti ni un contrat pluriannuel' }[detail]} avec les informations dont je dispose, et je préfère ne pas deviner : l’équipe à ${salesEmail} pourra vous le dire.`,
  notListed: (_subject, salesEmail) =>
    `Je ne vois pas d’application mobile dans les informations dont je dispose sur le produit, donc je préfère ne rien vous promettre : notre équipe (${salesEmail}) saura vous répondre.`,
  passToTeam: 'Voulez-vous que je lui transmette la question ?',
  teamReachAt: 'À quelle adresse e-mail notre équipe peut-elle vous écrire ?',
  growthFit: (said, fresh, now, then, plan, range, outgrown) => {
    const when = said.when ? ` ${said.when}` : '';
    if (!fresh) {
      const counting = said.added ? `En comptant les ${said.added} dont vous m’avez parlé, vous serez ${then}` : `Comme vous serez ${then}${when}`;
      return outgrown ? `${counting} : au-delà des ${outgrown.max} utilisateurs de **${outgrown.plan}**, je vous conseille donc **${plan}** (${range}).` : `${counting}, ${said.added ? 'et ' : ''}**${plan}** convient toujours (${range}).`;
    }
    const grows = said.added ? `C’est noté : avec ${said.added}, vous passez de ${now} à ${then} personnes` : `C’est noté : vous passerez de ${now} à ${then} personnes${when}`;
    return outgrown
      ? `${grows}. **${outgrown.plan}** s’arrête à ${outgrown.max} utilisateurs, vous le dépasseriez ; **${plan}** couvre ${range}, je vous conseille donc celui-ci.`
      : `${grows}, et **${plan}** convient toujours (il couvre ${range}).`;
  },
  bookingHours: (minutes, zone, start, end, needsEmail, booked, week) =>
    booked
      ? `Votre démo reste prévue le **${booked}** pour l’instant. Je peux la déplacer à n’importe quel jour ouvré${week ? ` de la semaine prochaine (du ${week[0]} au ${week[1]})` : ''} entre ${start} et ${end} (${zone}) : quel jour et quelle heure vous conviendraient ?`
      : `Je peux vous réserver une démo de ${minutes} minutes n’importe quel jour ouvré${week ? ` de la semaine prochaine (du ${week[0]} au ${week[1]})` : ''} entre ${start} et ${end} (${zone}). Quel jour et quelle heure vous conviennent${needsEmail ? ', et à quelle adresse e-mail dois-je envoyer l’invitation' : ''} ?`,
};

/** "on a", "je veux", "j'aimerais" said back as "vous avez", "vous voulez", "vous aimeriez". */
const VOUS_IRREGULAR: Record<string, string> = {
  a: 'avez', ai: 'avez', est: 'êtes', suis: 'êtes', va: 'allez', vais: 'allez', veut: 'voulez', veux: 'voulez', peut: 'pouvez', peux: 'pouvez',
  doit: 'devez', dois: 'devez', fait: 'faites', fais: 'faites', sait: 'savez', sais: 'savez', perd: 'perdez', perds: 'perdez', prend: 'prenez', prends: 'prenez',
  sommes: 'êtes', faisons: 'faites', disons: 'dites',
};

/** After "que", the subjunctive: "qu'on puisse" → "que vous puissiez", "qu'on ait" → "que vous ayez". */
const VOUS_SUBJUNCTIVE: Record<string, string> = { ait: 'ayez', aie: 'ayez', soit: 'soyez', sois: 'soyez', aille: 'alliez', veuille: 'vouliez' };

/** A verb after "nous", "on" or "je", in the "vous" form: "avons" → "avez", "cherche" → "cherchez", "voudrait" → "voudriez". */
function vousVerb(verb: string, subject: string, subjunctive: boolean): string | undefined {
  const lower = verb.toLowerCase();
  if (subjunctive && subject !== 'nous') return VOUS_SUBJUNCTIVE[lower] ?? (/e$/u.test(lower) ? `${verb.slice(0, -1)}iez` : undefined);
  if (VOUS_IRREGULAR[lower]) return VOUS_IRREGULAR[lower];
  if (subject === 'nous') return /ons$/u.test(lower) ? `${verb.slice(0, -3)}ez` : undefined;
  if (/ai[st]$/u.test(lower)) return `${verb.slice(0, -2)}ez`.replace(/aez$/u, 'iez');
  if (/e$/u.test(lower)) return `${verb.slice(0, -1).replace(/è(?=\p{L}+$)/u, 'é')}ez`;
  return undefined;
}

/**
 * The prospect's words said back to them: "nous avons besoin du SSO" → "vous avez besoin du SSO", "on a besoin de" →
 * "vous avez besoin de", "il nous faut" → "il vous faut", "notre CRM" → "votre CRM", "j'aimerais" → "vous aimeriez".
 */
export function frYourWords(text: string): string {
  const subject = /(?<!\p{L})(nous\s+|on\s+|je\s+|j['’]\s*)((?:ne\s+|n['’])?(?:(?:nous|me|m['’]|y|en)(?:\s+|(?<=['’])))?)(\p{L}+)(?!['’\p{L}])/giu;
  return text
    .replace(/(?<!\p{L})qu['’](?=on\s)/giu, 'que ')
    .replace(subject, (whole, who: string, middle: string, verb: string, at: number, all: string) => {
      const person = who.toLowerCase().startsWith('j') ? 'je' : who.trim().toLowerCase();
      const conjugated = vousVerb(verb, person, /(?<!\p{L})que\s+$/iu.test(all.slice(0, at)));
      if (!conjugated) return person === 'nous' ? `vous${whole.slice(4)}` : whole;
      const objects = middle.replace(/(?<!\p{L})(?:nous|me)(?!\p{L})|(?<!\p{L})m['’]/giu, (object) => (/['’]$/u.test(object) ? 'vous ' : 'vous'));
      // ("on n'a pas" → "vous n'avez pas": the elided "ne" stays elided before the vowel of "avez".)
      const negated = /^n['’]/iu.test(objects) && !/^[aeiouyéèêh]/iu.test(conjugated) ? `ne ${objects.slice(2)}` : objects;
      return `vous ${negated}${conjugated}`;
    })
    .replace(/(?<!\p{L})(?:nous|moi)(?!\p{L})/giu, 'vous')
    .replace(/(?<!\p{L})(?:me(?!\p{L})|m['’])/giu, (object) => (/['’]$/u.test(object) ? 'vous ' : 'vous'))
    .replace(/(?<!\p{L})(notre|nos|mon|ma|mes|nôtre|nôtres)(?!\p{L})/giu, (word) => ({ notre: 'votre', nos: 'vos', mon: 'votre', ma: 'votre', mes: 'vos', nôtre: 'vôtre', nôtres: 'vôtres' })[word.toLowerCase()] ?? word)
    .replace(/\s{2,}/gu, ' ');
}

/** A need said as a sentence ("nous avons besoin…", "il nous faut…", "nos projets prennent du retard"), not a thing. */
const FR_NEED_CLAUSE = /^(?:j['’]|(?:nous|on|je|il (?:nous|me|m['’])|(?:notre|nos|mon|ma|mes|les|la|le|l['’])\s*[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:est|sont|c['’]est|prennent|dérapent|glissent|se))(?!\p{L}))/iu;

export const frMemory: MemoryPhrases = {
  labels: {
    name: 'nom',
    email: 'adresse e-mail',
    company: 'entreprise',
    role: 'poste',
    phone: 'numéro de téléphone',
    teamSize: 'taille d’équipe',
    growth: 'croissance de l’équipe',
    budget: 'budget',
    authority: 'décision',
    need: 'objectif',
    timeline: 'calendrier',
    tools: 'outils',
  },
  recallFact: (label, value) => `Vous m’avez indiqué ${yours(label)} : **${value}**.`,
  // ("On est combien déjà ?": "vous étiez 120 dans l'équipe", not "votre taille d'équipe : 120".)
  notedGrowth: (said) => `${capitalise(said)} : c’est noté, j’en tiendrai compte pour choisir l’offre.`,
  recallGrowth: (said, then) => `Vous m’avez dit que l’équipe s’agrandit : **${said}**${then === undefined ? '' : `, soit **${then} personnes** ensuite`}.`,
  recallTeam: (seats) => `Vous m’avez dit que vous étiez **${seats}** dans l’équipe.`,
  recallTeamGrowing: (now, then, when) => `Vous m’avez dit que vous étiez **${now}** dans l’équipe aujourd’hui, et que vous serez **${then}** ${when ?? 'par la suite'}.`,
  // "nous avons besoin du SSO": "Vous m’avez dit que vous avez besoin du SSO", not "votre objectif : nous avons besoin…".
  recallNeed: (need) => {
    const yourWords = frYourWords(need);
    if (!FR_NEED_CLAUSE.test(need)) return `Vous m’avez indiqué votre objectif : **${yourWords}**.`;
    return /^[aeiouyéèh]/iu.test(yourWords) ? `Vous m’avez dit qu’**${yourWords}**.` : `Vous m’avez dit que **${yourWords}**.`;
  },
  recallTools: (tools) => `Vous m’avez dit utiliser **${tools}**.`,
  recallMissing: (label) => `Vous ne m’avez pas encore indiqué ${yours(label)}.`,
  recallAuthority: (decides) => (decides ? 'Vous m’avez dit que c’est vous qui décidez.' : 'Vous m’avez dit que la décision doit être validée par quelqu’un d’autre.'),
  recallAll: 'Voici ce que vous m’avez dit jusqu’ici :',
  recallNothing: 'Vous ne m’avez encore rien dit sur vous ni sur votre équipe.',
  emailIncomplete: (address, meant) => (meant ? `L’adresse **${address}** semble mal saisie : vouliez-vous dire **${meant}** ?` : `L’adresse **${address}** semble incomplète : pourriez-vous la vérifier et me la renvoyer ?`),
  decisionMaker: 'c’est vous qui décidez',
  needsApproval: 'la décision doit être validée par quelqu’un d’autre',
  notedTimeline: (timeline) => `${capitalise(timeline)} — c’est noté.`,
  notedBudget: 'Budget noté.',
  notedAuthority: (decides) => (decides ? 'Bon à savoir, la décision vous revient.' : 'Entendu — quelqu’un d’autre doit aussi valider.'),
  notedNeed: 'Merci, cela m’aide à comprendre votre besoin.',
  notedTools: (tools) => `${tools} — c’est noté.`,
  itemTimeline: (timeline) => `votre échéance (${timeline})`,
  itemBudget: 'votre budget',
  itemTools: (tools) => `que vous utilisez ${tools}`,
  rivalNotIntegration: (tool) => `**${tool}** est un outil comme le nôtre, et il ne fait pas partie des intégrations que nous proposons.`,
  importsFrom: (tool) => `Et si vous venez de ${tool}, nos outils d’import reprennent vos projets.`,
  integratesWith: (company, tools) => `${company} se connecte à ${tools} : votre équipe continue d’y travailler.`,
  notOnPlan: (tools, many, plan, from, fromLast) => `${tools} ${many ? 'ne sont pas inclus' : 'n’est pas inclus'} dans **${plan}** : il faut **${from}**${fromLast ? '' : ' ou une offre supérieure'}.`,
  alongside: (tool, company) => `${company} ne remplace pas **${tool}** : il fonctionne avec, grâce à notre intégration ${tool} native.`,
  unclear: ['Désolé, je n’ai pas bien compris.', 'Je ne suis pas sûr de vous suivre — pourriez-vous le formuler autrement ?', 'Je n’ai pas saisi ce que vous vouliez dire.'],
  unclearPrompt: [
    'Je peux vous dire combien coûterait une offre pour votre équipe, comment nous nous comparons à un outil que vous utilisez, ou organiser une démo.',
    'Par exemple, interrogez-moi sur les tarifs pour votre équipe, la sécurité, les intégrations ou une démo.',
    'Essayez de me poser une question sur une offre, une intégration dont vous avez besoin, ou un appel avec l’équipe.',
  ],
  asMentioned: ['Comme je vous le disais,', 'Pour récapituler,', 'Encore une fois,'],
  objectionCheck: ['Cela répond-il à votre préoccupation ?', 'Est-ce que cela lève votre inquiétude ?', 'Est-ce rassurant, ou autre chose vous retient-il ?'],
  unknownQuestion: [
    (salesEmail) => `Bonne question — je n’ai pas de réponse confirmée et je préfère ne pas deviner. Notre équipe (${salesEmail}) pourra vous répondre avec certitude.`,
    (salesEmail) => `Je préfère ne pas deviner sur ce point ; l’équipe (${salesEmail}) vous le confirmera.`,
    (salesEmail) => `C’est une question pour notre équipe (${salesEmail}) : je n’ai pas de réponse confirmée.`,
  ],
  englishOnly: (topic, salesEmail) =>
    `Je n’ai le détail${topic ? ` sur ${topic}` : ''} qu’en anglais ; notre équipe (${salesEmail}) peut vous l’expliquer en français.`,
  objectionHeard: 'Je comprends votre préoccupation.',
  and: 'et',
};
