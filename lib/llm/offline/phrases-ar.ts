import { listWith as list, type MemoryPhrases, type Phrases } from '@/lib/llm/offline/phrasebook';
import { formatCount } from '@/lib/sales/knowledge';

/**
 * The offline agent's sentences in Arabic (Modern Standard Arabic, addressing the prospect directly). Numbers and
 * prices stay in Western digits, as the catalogue and the page show them; counted nouns follow Arabic number agreement.
 */

/**
 * The counted noun's form by Arabic number agreement, from the number's last two digits: 3–10 take the plural, 11–99
 * the accusative singular, and a round hundred or thousand (or 101, 102…) the genitive singular ("1000 مستخدم").
 */
function counted(count: number, forms: { plural: string; accusative: string; genitive: string }): string {
  const tail = count % 100;
  // (The figure as the prices and the plan cards write it: "1,000", as "25,000".)
  const figure = formatCount(count, 'ar');
  if (tail >= 3 && tail <= 10) return `${figure} ${forms.plural}`;
  if (tail >= 11) return `${figure} ${forms.accusative}`;
  return `${figure} ${forms.genitive}`;
}

/** "مستخدم واحد", "مستخدمان", "5 مستخدمين", "25 مستخدمًا", "1000 مستخدم". */
function users(count: number): string {
  if (count === 1) return 'مستخدم واحد';
  if (count === 2) return 'مستخدمَين';
  return counted(count, { plural: 'مستخدمين', accusative: 'مستخدمًا', genitive: 'مستخدم' });
}

/** "شخص واحد", "شخصين", "5 أشخاص", "12 شخصًا", "100 شخص". */
export function people(count: number): string {
  if (count === 1) return 'شخص واحد';
  if (count === 2) return 'شخصين';
  return counted(count, { plural: 'أشخاص', accusative: 'شخصًا', genitive: 'شخص' });
}

export const ar: Phrases = {
  greeting: (company, tagline) => `مرحبًا! أنا مساعد المبيعات في ${company}. ${tagline}`.trimEnd(),
  canHelp: 'يمكنني مساعدتك في الباقات والأسعار والأمان والتكاملات، أو حجز عرض توضيحي.',
  thanks: (company) => `على الرحب والسعة! هل أساعدك في شيء آخر، مثل الأسعار أو الأمان أو عرض توضيحي لـ ${company}؟`,
  smallTalk: 'رائع.',
  howAreYou: 'بخير، شكرًا على سؤالك!',
  howCanIHelp: 'كيف يمكنني مساعدتك اليوم؟',
  languageSwitched: 'بكل سرور، سنكمل بالعربية.',
  offTopic: (company) =>
    `هذا خارج ما يمكنني المساعدة فيه هنا، فأنا مساعد المبيعات في ${company} وأركّز على منتجنا: الباقات والأسعار والأمان والتكاملات والعروض التوضيحية.`,
  injectionDiscount: 'لا يمكنني تجاهل تعليماتي ولا منح خصومات بنفسي.',
  injection: (company) =>
    `لا يمكنني مشاركة تعليماتي أو إعداداتي، لكن يسعدني مساعدتك في كل ما يخص ${company}: الباقات أو الأسعار أو الأمان أو عرض توضيحي.`,
  unknownQuestion: (salesEmail) =>
    `سؤال جيد، لكن ليست لديّ إجابة مؤكدة عنه وأفضّل ألا أخمّن. يمكن لفريقنا (${salesEmail}) أن يعطيك إجابة قاطعة.`,
  unknownStatement: 'شكرًا، هذا مفيد.',
  notSure: 'لا بأس، يمكننا العودة إلى ذلك لاحقًا.',
  becauseOf: (reason) => `السبب: ${reason}`,
  askedBefore: 'هذه أسئلتك السابقة:',
  askedNothing: 'لم تسألني أي سؤال قبل هذا بعد.',
  trialOf: (plan) => `الفترة التجريبية المجانية هي لباقة **${plan}**.`,
  savingPerSeat: (plan) => (plan ? `التوفير يأتي من الدفع السنوي: **${plan.name}** بسعر **${plan.annual} لكل مستخدم شهريًا** بالدفع السنوي بدلًا من ${plan.monthly} بالدفع الشهري؛ ويعتمد مقدار ما توفره على عدد المستخدمين.` : 'التوفير يأتي من الدفع السنوي: فهو يخفض سعر المستخدم في كل الباقات المدفوعة، ويعتمد مقدار ما توفره على عدد المستخدمين.'),
  bareNumber: (value) => `للتأكد فقط: هل «${value}» هو عدد الأشخاص الذين سيستخدمونه، أم تاريخ أو مدة (مثل «خلال ${value} يومًا»)؟`,
  noMeetingToCancel: 'ليس لديك عرض توضيحي محجوز معي، فلا يوجد ما يُلغى. هل تود حجز واحد؟',
  handoffAgain: 'فريق المبيعات لديه طلبك بالفعل وسيتواصل معك قريبًا.',
  brochure: (salesEmail) => `لا أستطيع إرسال ملفات من هنا، لكن يمكنني شرح الباقات والأسعار الآن، ويمكن لفريقنا على ${salesEmail} أن يرسل لك المواد.`,
  sendByEmail: 'لا أستطيع إرسال رسائل بريد إلكتروني من هذه المحادثة، لكن يمكن لفريق المبيعات إرسالها إليك.',
  sendToKnown: (email, salesEmail) => `لا أستطيع إرسال بريد إلكتروني من هذه المحادثة: كل ما ذكرته لك يبقى هنا لتنسخه، وإن راسلت ${salesEmail} فسيرسله الفريق إلى **${email}**.`,
  sendWithoutEmail: (salesEmail) => `لا أستطيع إرسال بريد إلكتروني من هذه المحادثة، وأنت تفضّل عدم مشاركة عنوانك: كل ما قلته لك يبقى هنا في المحادثة لتنسخه، ويمكنك مراسلة ${salesEmail} متى أردت أن يُرسل إليك.`,
  noted: (name, items) =>
    items.length === 0 && name ? `تشرّفت بمعرفتك يا ${name}!` : `شكرًا${name ? ` يا ${name}` : ''}!${items.length > 0 ? ` سجّلت ${list(items, 'و')}.` : ''}`,
  notedEmail: (email) => `بريدك الإلكتروني **${email}**`,
  notedName: (name) => `اسمك **${name}**`,
  notedPhone: (phone) => `رقم هاتفك **${phone}**`,
  notedCompany: (company) => `أنك تعمل في ${company}`,
  notedTeam: (seats) => `أن فريقك يضم ${people(seats)}`,
  priceLine: (monthly, annual) =>
    [monthly && `**${monthly} لكل مستخدم شهريًا** عند الدفع الشهري`, annual && `**${annual} لكل مستخدم شهريًا** عند الدفع السنوي`].filter(Boolean).join('، أو '),
  customLine: 'سعر مخصص، إذ يُعدّ فريق المبيعات عرض سعر خاصًا بك',
  planIs: (plan, line) => `سعر باقة **${plan}**: ${line}.`,
  coversSeats: (range) => `تناسب الفرق ${range}.`,
  quoteMonthly: (plan, seats, perSeat, month, year) =>
    `باقة **${plan}** لـ ${users(seats)} بالدفع الشهري: **${perSeat} لكل مستخدم شهريًا**، أي **${month} شهريًا** (${year} في السنة).`,
  quoteAnnual: (plan, seats, perSeat, year, month, saving) =>
    `بالدفع السنوي، تكلّف باقة ${plan} لـ ${users(seats)} **${perSeat} لكل مستخدم شهريًا**: **${year} سنويًا** (${month} شهريًا)${saving ? `، بتوفير **${saving}** في السنة` : ''}.`,
  suggestFor: (seats, plan, summary) => `لفريق من ${people(seats)}، أنصحك بباقة **${plan}**. ${summary}`.trimEnd(),
  needsPlan: (what, plan) => `يتطلب ${what} باقة **${plan}**.`,
  planAtMinimum: (plan, min, seats) => `باقة **${plan}** تبدأ من ${min} مستخدمين: لفريقكم المكوّن من ${seats} يُحتسب ${min}.`,
  billedAtMinimum: (plan, min, seats) => `ما تحتاجونه متوفر في باقة **${plan}**، وحدّها الأدنى ${min} مستخدمين: لفريقكم المكوّن من ${seats} يُحتسب ${min}.`,
  annualPaysLess: (annual, monthly, saving) => `لتدفع أقل اختر الدفع السنوي: **${annual} لكل مستخدم شهريًا** بدلًا من ${monthly}، بتوفير **${saving}** في السنة.`,
  alreadyLowest: (plan, seats) => `باقة **${plan}** هي بالفعل أرخص باقاتنا لفريق من ${people(seats)}.`,
  smallerPlanHolds: (cheaper, seats, plan) => `وإذا كانت الميزانية محدودة، فباقة **${cheaper}** تناسب أيضًا فريقًا من ${people(seats)}، بسعر أقل من **${plan}**.`,
  startSmall: 'وما يُبقي الفاتورة الأولى صغيرة هو الفوترة السنوية، أو البدء بالفريق الأكثر حاجة إلى الحل ثم إضافة المستخدمين مع انضمام الآخرين.',
  aboveEvenAnnual: (cost) => `مع الفوترة السنوية تبلغ **${cost} شهريًا**، وهذا لا يزال أعلى منها.`,
  cheaperStillAbove: (plan, rate) => `باقة **${plan}** تناسب فريقك أيضًا بسعر **${rate} لكل مستخدم شهريًا** مع الفوترة السنوية، لكنها لفريقك أعلى منها أيضًا.`,
  cheaperWithin: (plan, rate, annual) => `باقة **${plan}** تناسب فريقك أيضًا وتدخل ضمن هذه الميزانية: **${rate} لكل مستخدم شهريًا**${annual ? ' مع الفوترة السنوية' : ''}.`,
  planFitsYes: (plan, seats, range) => `نعم: باقة **${plan}** تتسع ${range}، لذا تناسب فريقك من ${people(seats)}.`,
  budgetAbove: (budget, current, plan) => `باقة **${current}** أعلى من الميزانية التي ذكرتها (**${budget}**). وبتكلفة أقل هناك باقة **${plan}**:`,
  needOverBudget: (budget, current, feature, plans, cheaper, fewer) =>
    `باقة **${current}** أعلى من الميزانية التي ذكرتها (**${budget}**)، و${feature} متاح فقط في ${plans}. الخيارات:${cheaper ? ` باقة **${cheaper}** ضمن الميزانية، لكن بدون ${feature}` : ''}${cheaper && fewer ? '؛' : ''}${fewer ? ` ${cheaper ? 'أو ' : ''}باقة **${current}** بعدد أقل من المستخدمين (حتى ${fewer}) ضمن الميزانية` : ''}${!cheaper && !fewer ? ' عدد أقل من المستخدمين، أو مناقشة الخيارات مع فريقنا' : ''}.`,
  farewell: (name, booking, email) =>
    `شكرًا على وقتك${name ? ` يا ${name}` : ''}!${booking ? ` نلقاك في الموعد **${booking}**.` : ''} إن احتجت أي شيء آخر، اكتب هنا في أي وقت أو راسلنا على ${email}.`,
  budgetFit: (fit, budget, annualCost) =>
    fit === 'within'
      ? `${annualCost ? `بتكلفة **${annualCost}**، ` : ''}هذا ضمن الميزانية التي ذكرتها (**${budget}**).`
      : fit === 'annual-within'
        ? `بالدفع السنوي${annualCost ? ` (**${annualCost}**)` : ''}، يصبح ضمن الميزانية التي ذكرتها (**${budget}**).`
        : `هذا أعلى من الميزانية التي ذكرتها (**${budget}**). البدء بعدد أقل من المستخدمين يخفّض التكلفة، ويسعد فريقنا بمراجعة الخيارات معك.`,
  customPricing: (plan, minSeats, summary) =>
    `باقة **${plan}** بسعر مخصص: يُعدّ فريق المبيعات عرض سعر حسب عدد المستخدمين ومتطلباتكم (تبدأ باقة ${plan} من ${users(minSeats)}). ${summary}`.trimEnd(),
  customBudget: (plan, budget, salesEmail) => `بما أن فريق المبيعات يسعّر باقة **${plan}**، لا يمكنني القول إن كانت ضمن الميزانية التي ذكرتها (**${budget}**)؛ يمكن للفريق إعداد عرض سعر يأخذها في الاعتبار (${salesEmail}).`,
  quoteOffer: 'هل تودّ الحصول على عرض سعر أو مكالمة قصيرة مع الفريق؟ إن كان الأمر كذلك، فما أفضل بريد إلكتروني للتواصل معك؟',
  overviewIntro: (company) => `تُحتسب أسعار ${company} لكل مستخدم. هذه باقاتنا:`,
  noSuchPlan: (name) => `ليست لدينا باقة باسم **${name}**.`,
  mostPopular: ' (الأكثر طلبًا)',
  compareIntro: (lower, higher) => `إليك المقارنة بين **${lower}** و**${higher}**:`,
  compareAdds: (lower, higher) => `إضافةً إلى ما تتضمنه ${lower}، تقدّم **${higher}**:`,
  compareCost: (seats) => `لـ ${users(seats)}:`,
  perMonth: 'شهريًا',
  perYear: 'سنويًا',
  recommendIntro: 'يسعدني مساعدتك في الاختيار. تختلف باقاتنا أساسًا حسب حجم الفريق واحتياجات الإدارة:',
  seatRange: (min, max) => (max === null ? `من ${users(min)} فأكثر` : `من ${min} إلى ${users(max)}`),
  featuresPrice: 'السعر',
  competitorIntro: (company, competitor) => `مقارنة **${company}** بـ**${competitor}**:`,
  noComparison: (company, competitor, salesEmail) => `ليس لدي مقارنة بين ${company} و**${competitor}**، لذلك لن أقول شيئًا عن منتجهم. إن كانت المقارنة مهمة لك، يمكن لفريقنا على ${salesEmail} مساعدتك. ما يمكنني قوله هو ما يقدمه ${company} لك:`,
  competitorOurs: (company) => `أين تتفوّق ${company}:`,
  competitorEdge: (company, competitor) => `مقارنةً بـ**${competitor}**، هذا ما تقدّمه لك ${company}:`,
  competitorTheirs: (competitor) => `أين تتميّز ${competitor}:`,
  objectionCheck: 'هل يجيب هذا عن مخاوفك؟',
  inviteFor: (when, email) => `عرضك التوضيحي في **${when}** محجوز باسم **${email}**، وبطاقة الحجز أعلاه فيها الدعوة («إضافة إلى التقويم (.ics)»).`,
  meetingWho: (when, minutes, email, salesEmail) => `إنه عرض توضيحي مدته ${minutes} دقيقة مع أحد أعضاء فريق المبيعات؛ ليس لدي اسم الشخص الذي سينضم، ولن أخمّنه. موعده **${when}**، محجوز باسم **${email}**، وبطاقة الحجز أعلاه فيها الدعوة («إضافة إلى التقويم (.ics)»). إن أردت معرفة من سيكون مسبقًا، يمكن لفريقنا على ${salesEmail} إخبارك.`,
  booked: (when, minutes, email, emailed) =>
    emailed
      ? `تم الحجز: **${when}**، عرض توضيحي مدته ${minutes} دقيقة مع فريق المبيعات. ستصل الدعوة إلى **${email}**.`
      : `تم الحجز: **${when}**، عرض توضيحي مدته ${minutes} دقيقة مع فريق المبيعات، باسم **${email}**. لا نرسل الدعوة بالبريد الإلكتروني: أضفها إلى تقويمك عبر رابط «إضافة إلى التقويم (.ics)» في بطاقة الحجز أعلاه.`,
  bookingEmailChanged: (when, email, previous, emailed) =>
    `تم: العرض التوضيحي في **${when}** أصبح باسم **${email}** بدلًا من ${previous}.${emailed ? ' الدعوة المحدّثة في طريقها إلى ذلك البريد.' : ' بطاقة الحجز أعلاه فيها الدعوة المحدّثة («إضافة إلى التقويم (.ics)»)، وهي تحل محل القديمة.'}`,
  bookingMoved: (from, when, email, emailed) =>
    `تم: نقلت العرض التوضيحي من **${from}** إلى **${when}**، باسم **${email}**.${emailed ? ' الدعوة المحدّثة في طريقها إلى بريدك.' : ' بطاقة الحجز أعلاه فيها الدعوة المحدّثة («إضافة إلى التقويم (.ics)»)، وهي تحل محل القديمة.'}`,
  bookingAdjusted: (requested, reason, hours) =>
    reason === 'outside_hours'
      ? `«${requested}» خارج مواعيد اجتماعاتنا (${hours}، من الاثنين إلى الجمعة)، لذلك اخترت أقرب موعد متاح.`
      : reason === 'too_soon'
        ? `«${requested}» قريب جدًا ولا يتيح للفريق الاستعداد، لذلك اخترت أقرب موعد متاح.`
        : `«${requested}» محجوز بالفعل، لذلك اخترت أقرب موعد متاح.`,
  icsNote: 'يمكنك أيضًا إضافة الموعد إلى تقويمك عبر رابط «إضافة إلى التقويم (.ics)» في بطاقة الحجز أعلاه.',
  defaultZone: (zone) => `لم تذكر منطقتك الزمنية، لذا استخدمت ${zone}؛ أخبرني بمنطقتك وسأنقل الموعد إليها.`,
  browserZone: (zone) => `استخدمت منطقتك الزمنية كما يذكرها متصفحك، ${zone}؛ إن أردت منطقة أخرى فأخبرني وسأنقل الموعد إليها.`,
  bookingByPhone: (minutes, when) =>
    `يسعدني ترتيب عرض توضيحي مدته ${minutes} دقيقة${when ? ` في **${when}**` : ''}. بما أنك تفضّل عدم مشاركة بريدك الإلكتروني، فلا توجد دعوة لإرسالها: اترك لي رقم هاتف وسيتصل بك فريق المبيعات لتأكيد ${when ? 'الموعد' : 'موعد مناسب'}.`,
  demoByPhone: (when, phone) => `لا حاجة إلى بريد إلكتروني: أرسلت طلبك لعرض توضيحي${when ? ` في **${when}**` : ''} إلى فريق المبيعات، وسيتصل بك على **${phone}** لتأكيده.`,
  bookingEmailAgain: (when) => [`${when ? `تم: **${when}**. ` : ''}إلى أي بريد إلكتروني أرسل الدعوة؟`, `يمكنني حجز ${when ? `**${when}**` : 'العرض'} بمجرد أن أحصل على بريدك الإلكتروني للدعوة: ما هو؟`],
  bookingNeedsEmail: (minutes, when) =>
    when
      ? `يسعدني ترتيب عرض توضيحي مدته ${minutes} دقيقة في **${when}**. ما أفضل بريد إلكتروني لإرسال الدعوة؟`
      : `يسعدني ترتيب عرض توضيحي مدته ${minutes} دقيقة. ما أفضل بريد إلكتروني لإرسال الدعوة، وما اليوم والوقت المناسبان لك (مع منطقتك الزمنية)؟`,
  bookingNeedsTime: (minutes, zone) =>
    `يسعدني ترتيب عرض توضيحي مدته ${minutes} دقيقة. ما اليوم والوقت المناسبان لك؟ أخبرني أيضًا بمنطقتك الزمنية (وإلا فسأستخدم ${zone}).`,
  bookingOffer: (minutes, zone) =>
    `هل يفيدك عرض توضيحي مدته ${minutes} دقيقة مع فريقنا؟ إن كان كذلك، فما اليوم والوقت المناسبان لك، وفي أي منطقة زمنية (وإلا فسأستخدم ${zone})؟`,
  bookingWhichDay: (phrase, first, second) => `للتأكد قبل الحجز: هل تقصد بـ«${phrase}» **${first}** أم **${second}**؟`,
  bookingPast: (phrase) => `«${phrase}» مضى بالفعل، لذلك لم أحجز شيئًا. ما اليوم والوقت الآخران المناسبان لك؟`,
  bookingFailed: (_reason, salesEmail) => `تعذّر عليّ إتمام هذا الحجز. يمكنك أيضًا التواصل مع الفريق على ${salesEmail}.`,
  bookingUnavailable: (salesEmail) => `لا يمكنني حجز المواعيد حاليًا؛ يُرجى مراسلة ${salesEmail} وسيتفق الفريق معك على موعد.`,
  meetingTimeCheck: (right, when, local, sameZone) =>
    `${right ? 'نعم' : 'ليس تمامًا'}: عرضك التوضيحي ${sameZone ? `في **${when}**` : `المحجوز في **${when}** يوافق **${local}**`}.${right ? '' : ' إذا كنت تفضّل وقتًا آخر، أخبرني وسأنقله.'}`,
  meetingTime: (when, local, sameZone, elsewhere) =>
    local === undefined
      ? `عرضك التوضيحي في **${when}**. أخبرني بمنطقتك الزمنية وسأخبرك بالوقت عندك.`
      : sameZone
        ? `عرضك التوضيحي في **${when}**، وهذه ${elsewhere ? 'المنطقة الزمنية نفسها' : 'منطقتك الزمنية أصلًا'}.`
        : `عرضك التوضيحي في **${when}**. ${elsewhere ? 'بتوقيت تلك المنطقة' : 'بتوقيتك'} هذا **${local}**.`,
  cancelDone: (when, email, emailed) =>
    `تم: أُلغي عرضك التوضيحي في **${when}** وفريق المبيعات على علم. ${
      emailed ? `يُرسل الإلغاء إلى **${email}**.` : 'إن كنت أضفته إلى تقويمك، فالبطاقة أعلاه تزيله.'
    } إن كان وقت آخر يناسبك فأخبرني وسأحجزه.`,
  cancelledAlready: (when) => `عرضك التوضيحي في **${when}** ملغى، فلا شيء محجوز الآن. هل تريد موعدًا آخر؟`,
  cancelNotHere: (email, when, bookedFor) =>
    `لا أستطيع إلغاء إلا عرض محجوز في هذه المحادثة، ولا يوجد هنا عرض لـ **${email}**: العرض المحجوز هنا في **${when}** باسم **${bookedFor}**. إن كان هو المقصود فقل «ألغه».`,
  cancelUnavailable: (when, salesEmail) => `لا أستطيع إلغاءه من هنا الآن: راسل ${salesEmail} وسيلغي الفريق عرضك التوضيحي في **${when}**.`,
  handoffCall: (phone, hours) => `بالتأكيد، طلبت من أحد أعضاء فريق المبيعات الاتصال بك على **${phone}**${hours ? ` (ساعات عمل الفريق: ${hours})` : ''}.`,
  handoffDone: (email, hours) =>
    email
      ? `بالتأكيد، طلبت من أحد أعضاء فريق المبيعات متابعة المحادثة معك. سيرد عليك على **${email}**${hours ? ` (ساعات عمل الفريق: ${hours})` : ''}.`
      : `بالتأكيد، طلبت من أحد أعضاء فريق المبيعات متابعة المحادثة معك.${hours ? ` ساعات عمل الفريق: ${hours}.` : ''}`,
  handoffWithoutEmail: (salesEmail) => `لا حاجة إلى بريدك الإلكتروني: يمكنك مراسلة الفريق على **${salesEmail}** متى شئت، وأنا هنا في المحادثة في الأثناء.`,
  handoffUnavailable: (salesEmail, hours) => `بالتأكيد، يمكنك التواصل مع فريق المبيعات على ${salesEmail}${hours ? ` (${hours})` : ''}.`,
  handoffWho: (contact, hours, ask) =>
    `سيتواصل معك أحد أعضاء فريق المبيعات${contact ? ` على **${contact}**` : ''}${hours ? `، وساعات عمل الفريق: ${hours}` : ''}. لا يمكنني من هنا أن أعطيك اسمًا أو وقتًا محددًا.${contact || !ask ? '' : ' ما أفضل بريد إلكتروني أو رقم للتواصل معك؟'}`,
  pricingUnavailable: (salesEmail) => `تعذّر عليّ الاطلاع على هذا السعر الآن؛ يمكن لفريقنا (${salesEmail}) أن يرسل إليك عرض سعر.`,
  priceObjection: (plan, seats, perSeat, annualTotal, monthlyYear, savings) =>
    `بالدفع السنوي، تنخفض باقة **${plan}** لـ ${users(seats)} إلى **${perSeat} لكل مستخدم شهريًا**: **${annualTotal} سنويًا** بدلًا من ${monthlyYear}، بتوفير **${savings}**.`,
  priceAtMinimum: (plan, min) => `هذه الأرقام لـ ${users(min)}، وهو الحد الأدنى في **${plan}**: أخبرني كم شخصًا سيستخدمه وسأحسب السعر لفريقك.`,
  fees: (salesEmail) =>
    `قائمة أسعارنا لكل مستخدم نشط، بفوترة شهرية أو سنوية، ولا تذكر رسوم إعداد أو رسومًا أخرى لمرة واحدة؛ لكن لا أستطيع تأكيد ذلك لكل حالة ولا أريد التخمين. فريقنا على ${salesEmail} يمكنه إعطاؤك إجابة قاطعة.`,
  furtherDiscount: (salesEmail) => `أي خصم إضافي يقرّره فريق المبيعات؛ يمكنك أن تسأله عنه على ${salesEmail}.`,
  noPriceMatch: 'لا أستطيع بنفسي مطابقة سعر مورّد آخر.',
  erase: (salesEmail) =>
    `يمكنك حذف هذه المحادثة وكل ما أخبرتني به فيها في أي وقت: زر سلة المهملات (**حذف المحادثة**) أعلى الدردشة. ولأي بيانات أخرى لدينا عنك، راسل ${salesEmail}.`,
  notInterested: (salesEmail) => `مفهوم، شكرًا على وقتك. إن تغيّر شيء فأنا هنا، أو يمكنك مراسلة الفريق على ${salesEmail}.`,
  frustrated: 'آسف لأنني لم أكن مفيدًا. أخبرني بما تبحث عنه وسأجيبك مباشرة، أو إن كنت تفضّل التحدث مع شخص فأخبرني وسأحوّلك إلى فريق المبيعات.',
  noSelfHosting: (salesEmail) => `لا أستطيع تأكيد وجود نسخة تُستضاف على خوادمكم؛ يمكن لفريقنا على ${salesEmail} أن يخبرك بما هو ممكن لك.`,
  present: 'نعم، أنا هنا. اسألني عن الباقات والأسعار أو الأمان أو التكاملات أو عرض توضيحي.',
  noQuestions: 'بالطبع، لن أطرح عليك المزيد من الأسئلة. اسألني عن الباقات أو الأسعار أو الأمان أو عرض توضيحي متى شئت.',
  emailDeclined: 'بالطبع، لا حاجة إلى بريد إلكتروني ولن أطلبه منك مرة أخرى. سأجيبك عن كل ما تحتاجه هنا في المحادثة.',
  identity: (company) =>
    `أنا المساعد الذكي لـ ${company}: ذكاء اصطناعي ولست شخصًا. يمكنني الإجابة عن أسئلتك حول الباقات والأسعار والميزات، وحجز عرض توضيحي لك. إذا كنت تفضّل التحدث مع أحد أعضاء فريق المبيعات، فقط أخبرني وسأحوّلك إليهم.`,
  competitorPrice: (competitor) => `لا أستطيع التحدث عن أسعار **${competitor}** الحالية؛ أذكر أسعارنا فقط، من قائمة أسعارنا.`,
  noFreePlan: (plan, price) => `لا توجد باقة مجانية: أرخصها **${plan}** بسعر ${price}. أما المجاني فهو الفترة التجريبية:`,
  purchaseDone: (email, hours) =>
    email
      ? `رائع! طلبت من فريق المبيعات مساعدتك على البدء: سيرسلون إليك العقد ويرتّبون الفوترة، وسيردّون عليك على **${email}**${hours ? ` (ساعات عمل الفريق: ${hours})` : ''}.`
      : `رائع! طلبت من فريق المبيعات مساعدتك على البدء: سيرسلون إليك العقد ويرتّبون الفوترة.${hours ? ` ساعات عمل الفريق: ${hours}.` : ''}`,
  startNow: 'إذا كنت تفضّل الشراء مباشرة، فأخبرني وسأطلب من فريق المبيعات تجهيز كل شيء لك (العقد والفوترة).',
  currencyNote: (currency, salesEmail) =>
    `أسعارنا بعملة ${currency} فقط؛ لا أستطيع تحويلها أو تقديمها بعملة أخرى، ويمكن لفريقنا على ${salesEmail} أن يشرح لك الفوترة بعملتك.`,
  colleagues: (salesEmail) =>
    `يمكنك إحضار من ترى ضرورة حضوره: أعد توجيه دعوة العرض التوضيحي إليهم (ملف ‎.ics في بطاقة الحجز). لا أستطيع إضافة ضيوف إلى الدعوة بنفسي؛ إذا أردت أن يدعوهم فريقنا مباشرة، فاكتب إلى ${salesEmail}.`,
  featureLinesIntro: 'هذا ما تذكره باقاتنا عن ذلك:',
  plansBuildUp: 'وكل باقة تتضمن كل ما في الباقة التي قبلها.',
  planHas: (plan, feature, yes) => `${yes ? 'نعم، ' : ''}تتضمن **${plan}**: ${feature}.`,
  planLacks: (plan, feature, from, only) => `لا تتضمن **${plan}** ذلك: ${feature} متاح ${only ? `فقط في **${from}**` : `ابتداءً من **${from}**`}.`,
  planGap: (plan, above, features) => `مقارنةً بـ **${above}**، لا تتضمن **${plan}**: ${features}.`,
  notForTeam: (seats, range) => `لا تناسب فريقًا من ${seats} (تتسع لـ ${range})`,
  planTooSmall: (plan, max, seats) => `كما أن **${plan}** تتوقف عند ${max} مستخدمين، فلا تكفي فريقك المكوّن من ${seats}.`,
  grownTotal: (said, then, plan, total) => `وعندما يصبح عددكم ${then}${said.added ? ` (${said.added})` : said.when ? ` ${said.when}` : ''}، ستكون باقة **${plan}** بـ **${total} شهريًا**.`,
  seatLimitNo: (plan, max, seats) => `لا: باقة **${plan}** تتوقف عند ${max} مستخدمين، فلا تكفي ${seats} شخصًا.`,
  perSeatNotTeam: (plan, price, seats) =>
    `لا: سعر باقة **${plan}** لكل مستخدم، وليس للفريق كله: ${price}.${seats === undefined ? '' : ` ولفريقك المكوّن من ${seats}، يصبح المبلغ:`}`,
  unconfirmedIntegration: (tool, salesEmail) =>
    `**${tool}** ليس ضمن التكاملات التي نقدمها، ولا أريد التخمين: يمكن لفريقنا على ${salesEmail} أن يخبرك إن كان بالإمكان ربطه.`,
  unconfirmedStandard: (standard, salesEmail) =>
    `${standard} ليس ضمن الشهادات والمعايير التي يمكنني تأكيدها، ولا أريد التخمين: فريقنا على ${salesEmail} يمكنه إخبارك بوضعنا بالنسبة لحالتك.`,
  unconfirmedDetail: (detail, salesEmail) =>
    `لا أستطيع أن أؤكد لك ${{ 'api-limits': 'حدود استخدام واجهة API', 'support-languages': 'اللغات التي يقدَّم بها الدعم', 'phone-support': 'توفر الدعم عبر الهاتف', 'data-deletion': 'كيف ومتى تُحذف بياناتكم بعد المغادرة', refund: 'استرداد المبلغ (إن كان ممكنًا وبأي قيمة)', 'payment-terms': 'شروط دفع مثل 30 أو 60 يومًا', uptime: 'ضمان توفر أعلى من اتفاقية مستوى الخدمة المنشورة (99.95%، في باقة المؤسسات فقط)', 'custom-build': 'تطوير تكامل أو ميزة مخصصة لكم، أو موعدًا لذلك', 'price-lock': 'تثبيت السعر أو عقدًا لعدة سنوات' }[detail]} من المعلومات المتوفرة لدي، ولا أريد التخمين: فريقنا على ${salesEmail} يمكنه إخبارك.`,
  notListed: (_subject, salesEmail) =>
    `لا أجد تطبيقًا للجوال في المعلومات المتوفرة لدي عن المنتج، لذلك لا أريد أن أعدك بشيء لا أستطيع تأكيده: فريقنا (${salesEmail}) يعرف الإجابة بالتأكيد.`,
  passToTeam: 'هل تريد أن أنقل سؤالك إليهم؟',
  teamReachAt: 'على أي بريد إلكتروني يمكن لفريقنا التواصل معك؟',
  growthFit: (said, fresh, now, then, plan, range, outgrown) => {
    const when = said.when ? ` ${said.when}` : '';
    if (!fresh) {
      const counting = said.added ? `مع ${said.added} كما ذكرت، يصبح عددكم ${then} شخصًا` : `بما أن عددكم سيصبح ${then} شخصًا${when}`;
      return outgrown ? `${counting}، أي أكثر من ${outgrown.max} مستخدمين في باقة **${outgrown.plan}**، لذلك أنصح بباقة **${plan}** (${range}).` : `${counting}، ${said.added ? 'و' : ''}تبقى باقة **${plan}** مناسبة (${range}).`;
    }
    const grows = said.added ? `سجّلت ذلك: مع ${said.added} يصبح عددكم ${then} بدلًا من ${now}` : `سجّلت ذلك: سيصبح عددكم ${then} بدلًا من ${now}${when}`;
    return outgrown
      ? `${grows}. باقة **${outgrown.plan}** تتوقف عند ${outgrown.max} مستخدمين فلن تكفيكم؛ باقة **${plan}** تغطي ${range}، لذلك أنصح بها.`
      : `${grows}، وتبقى باقة **${plan}** مناسبة (تغطي ${range}).`;
  },
  bookingHours: (minutes, zone, start, end, needsEmail, booked, week) =>
    booked
      ? `يبقى العرض التوضيحي في موعده **${booked}** حاليًا. يمكنني نقله إلى أي يوم عمل${week ? ` في الأسبوع القادم (من ${week[0]} إلى ${week[1]})` : ''} بين ${start} و${end} (${zone}): أي يوم وأي ساعة تناسبك؟`
      : `يمكنني حجز عرض توضيحي مدته ${minutes} دقيقة في أي يوم عمل${week ? ` في الأسبوع القادم (من ${week[0]} إلى ${week[1]})` : ''} بين ${start} و${end} (${zone}). أي يوم وأي ساعة تناسبك${needsEmail ? '، وما البريد الإلكتروني الذي أرسل إليه الدعوة' : ''}؟`,
};

/** The present-tense verbs a need is said with, without their person prefix ("نحتاج", "أريد", "نبحث عن"). */
const AR_NEED_VERBS = 'حتاج|ريد|بحث|ضيع|فقد|ستخدم|ود|رغب|حب|عمل|خطط|حاول|دير|تابع|تعامل|فضل';
/** The same in the first person singular, where "أ" + stem is not a noun or an adjective ("أفضل" is "better"). */
const AR_MY_VERBS = 'حتاج|ريد|بحث|ستخدم|ود|رغب|عاني|حاول';
/** Words ending in "نا" that are not "our …" ("هنا", "أحيانا", "مجانا"). */
const AR_NOT_OURS = /^(?:هنا|ههنا|أحيانا|احيانا|مجانا|حسنا|أنا|انا|ممكنا|آمنا|امنا|معينا|متزامنا|زمنا|سنا|ضمنا|علنا|لبنا)$/u;

/**
 * The prospect's words said back to them: "نحتاج تسجيل دخول موحد" → "تحتاجون تسجيل دخول موحد", "مشاريعنا" →
 * "مشاريعكم", "أريد" → "تريد", "نحن" → "أنتم".
 */
export function arYourWords(text: string): string {
  return text
    .replace(new RegExp(`(?<!\\p{L})([وف]?)ن(${AR_NEED_VERBS})(?!\\p{L})`, 'gu'), '$1ت$2ون')
    .replace(/(?<!\p{L})([وف]?)نعاني(?!\p{L})/gu, '$1تعانون')
    .replace(new RegExp(`(?<!\\p{L})([وف]?)[أا](${AR_MY_VERBS})(?!\\p{L})`, 'gu'), '$1ت$2')
    .replace(/(?<!\p{L})([وف]?)محتاجين(?!\p{L})/gu, '$1محتاجون')
    .replace(/(?<!\p{L})([وف]?)نحن(?!\p{L})/gu, '$1أنتم')
    .replace(/(?<!\p{L})([وف]?)كنا(?!\p{L})/gu, '$1كنتم')
    .replace(/(?<!\p{L})(\p{L}{2,}?)نا(?!\p{L})/gu, (word, stem: string) => (AR_NOT_OURS.test(word) ? word : `${stem}كم`));
}

export const arMemory: MemoryPhrases = {
  labels: {
    name: 'اسمك',
    email: 'بريدك الإلكتروني',
    company: 'شركتك',
    role: 'منصبك',
    phone: 'رقم هاتفك',
    teamSize: 'حجم فريقك',
    growth: 'نمو الفريق',
    budget: 'ميزانيتك',
    authority: 'القرار',
    need: 'هدفك',
    timeline: 'موعدك المستهدف',
    tools: 'أدواتك',
  },
  recallFact: (label, value) => `${label} كما ذكرت لي: **${value}**.`,
  notedGrowth: (said) => `${said}: سجّلت ذلك، وسآخذه في الحسبان عند اختيار الباقة.`,
  recallGrowth: (said, then) => `ذكرت أن فريقكم سيكبر: **${said}**${then === undefined ? '' : `، أي **${then} شخصًا** بعد ذلك`}.`,
  recallTeam: (seats) => `ذكرت لي أن فريقكم يضم **${seats}** شخصًا.`,
  recallTeamGrowing: (now, then, when) => `ذكرت لي أن فريقكم يضم الآن **${now}** شخصًا، وسيصبح **${then}** شخصًا ${when ?? 'لاحقًا'}.`,
  // "نحتاج تسجيل دخول موحد": "ذكرت لي أنكم تحتاجون تسجيل دخول موحد", not "هدفك كما ذكرت لي: نحتاج…".
  recallNeed: (need) => {
    const yourWords = arYourWords(need).replace(/^أنتم\s+/u, '');
    if (/^(?:ت\S+ون|محتاجون)(?!\p{L})/u.test(yourWords)) return `ذكرت لي أنكم **${yourWords}**.`;
    if (new RegExp(`^ت(?:${AR_MY_VERBS})(?!\\p{L})`, 'u').test(yourWords)) return `ذكرت لي أنك **${yourWords}**.`;
    if (/^(?:\p{L}+كم|المشاريع|المواعيد|العملاء)\s+\S/u.test(yourWords)) return `ذكرت لي أن **${yourWords}**.`;
    return `هدفك كما ذكرت لي: **${yourWords}**.`;
  },
  recallTools: (tools) => `ذكرت لي أنكم تستخدمون **${tools}**.`,
  recallMissing: (label) => `لم تخبرني بعد عن ${label}.`,
  recallAuthority: (decides) => (decides ? 'ذكرت لي أنك صاحب القرار.' : 'ذكرت لي أن القرار يحتاج إلى موافقة شخص آخر.'),
  recallAll: 'هذا ما أخبرتني به حتى الآن:',
  recallNothing: 'لم تخبرني بعد بأي شيء عنك أو عن فريقك.',
  emailIncomplete: (address, meant) => (meant ? `يبدو أن العنوان **${address}** مكتوب بخطأ: هل تقصد **${meant}**؟` : `يبدو أن العنوان **${address}** غير مكتمل: هل يمكنك التحقق منه وإرساله مجددًا؟`),
  decisionMaker: 'أنت صاحب القرار',
  needsApproval: 'القرار يحتاج إلى موافقة شخص آخر',
  notedTimeline: (timeline) => `${timeline}: سجّلت ذلك.`,
  notedBudget: 'سجّلت الميزانية.',
  notedAuthority: (decides) => (decides ? 'جميل أن أعرف أن القرار بيدك.' : 'فهمت، هناك شخص آخر يوافق أيضًا.'),
  notedNeed: 'شكرًا، هذا يساعدني على فهم ما تحتاجونه.',
  notedTools: (tools) => `${tools}: سجّلت ذلك.`,
  itemTimeline: (timeline) => `الإطار الزمني (${timeline})`,
  itemBudget: 'ميزانيتك',
  itemTools: (tools) => `أنكم تستخدمون ${tools}`,
  rivalNotIntegration: (tool) => `**${tool}** أداة مثل أداتنا، وليست ضمن التكاملات التي نقدمها.`,
  importsFrom: (tool) => `وإن كنت قادمًا من ${tool}، فأدوات الاستيراد لدينا تنقل مشاريعك.`,
  integratesWith: (company, tools) => `تتكامل ${company} مع ${tools}، فيواصل فريقك العمل فيها.`,
  notOnPlan: (tools, many, plan, from, fromLast) => `${tools} غير ${many ? 'مشمولة' : 'مشمول'} في باقة **${plan}**: ${many ? 'تتوفر' : 'يتوفر'} في باقة **${from}**${fromLast ? '' : ' وما فوقها'}.`,
  alongside: (tool, company) => `لا تحلّ ${company} محل **${tool}**، بل تعمل إلى جانبها عبر تكاملنا المدمج مع ${tool}.`,
  unclear: ['عذرًا، لم أفهم ذلك تمامًا.', 'لست متأكدًا من أنني فهمتك، هل يمكنك صياغة ذلك بطريقة أخرى؟', 'لم أستوعب ما تقصده.'],
  unclearPrompt: [
    'يمكنني أن أخبرك بتكلفة باقة لفريقك، أو كيف نقارن بأداة تستخدمها، أو أن أرتّب لك عرضًا توضيحيًا.',
    'اسألني مثلًا عن الأسعار لفريقك، أو الأمان، أو التكاملات، أو عرض توضيحي.',
    'جرّب أن تسألني عن باقة، أو تكامل تحتاجه، أو مكالمة مع الفريق.',
  ],
  asMentioned: ['كما ذكرت،', 'للتلخيص،', 'مرة أخرى،'],
  objectionCheck: ['هل يجيب هذا عن مخاوفك؟', 'هل يساعدك هذا في تبديد قلقك؟', 'هل يطمئنك هذا، أم أن هناك أمرًا آخر يمنعك؟'],
  unknownQuestion: [
    (salesEmail) => `سؤال جيد، لكن ليست لديّ إجابة مؤكدة عنه وأفضّل ألا أخمّن. يمكن لفريقنا (${salesEmail}) أن يعطيك إجابة قاطعة.`,
    (salesEmail) => `أفضّل ألا أخمّن في هذا؛ سيؤكد لك الفريق (${salesEmail}) الإجابة.`,
    (salesEmail) => `هذا سؤال لفريقنا (${salesEmail})، فليست لديّ إجابة مؤكدة.`,
  ],
  englishOnly: (topic, salesEmail) =>
    `التفاصيل${topic ? ` عن ${topic}` : ''} متوفرة لديّ بالإنجليزية فقط؛ يمكن لفريقنا (${salesEmail}) أن يشرحها لك بالعربية.`,
  objectionHeard: 'أتفهّم قلقك.',
  and: 'و',
};
