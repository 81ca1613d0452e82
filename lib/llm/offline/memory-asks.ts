/**
 * Questions about what the prospect told us that the recall patterns of understanding.ts did not read, in the five
 * languages: "how many are on my team?", "wie lautet meine E-Mail?", "wie heißt meine Firma?", "كم عدد أعضاء فريقي؟",
 * and the plan recommended, asked in Arabic with "ما" ("ما الباقة التي نصحتني بها؟"). The fields they ask about are
 * read by understanding.ts's RECALL_FIELDS, and answered from the sales state, never "no confirmed answer".
 */
export const MORE_RECALL: readonly RegExp[] = [
  // "How many are on my team?", "how many of us are on the team?", "how big is my team?"
  /\bhow many (?:are|were|of us are|of us were|people are|people were|seats are|users are) (?:there )?(?:on|in) (?:my|our|the) team\b|\bhow (?:big|large) (?:is|was) (?:my|our) team\b/i,
  // "Wie lautet meine E-Mail?", "wie heißt meine Firma?", "wie hieß unser Unternehmen nochmal?"
  /(?<!\p{L})wie (?:lautet|lautete|hei(?:ß|ss)t|hie(?:ß|ss)) (?:nochmal |noch mal |denn |eigentlich )?(?:mein|meine|unser|unsere) (?:e-?mail(?:-?adresse)?|firma|unternehmen|name|nachname|telefonnummer|nummer|budget|teamgr(?:ö|o)(?:ß|ss)e)(?!\p{L})/iu,
  // "كم عدد أعضاء فريقي؟", "كم شخصًا في فريقي؟", "كم عدد فريقنا؟"
  /كم (?:عدد )?(?:أعضاء|اعضاء|أفراد|افراد|موظفي|مستخدمي|شخصًا|شخصا|شخص|فرد)\s+(?:في\s+)?(?:فريقي|فريقنا|الفريق)|كم عدد (?:فريقي|فريقنا)/u,
];

/** "ما الباقة التي نصحتني بها؟", "ما هي الخطة التي اقترحتها علي؟": the plan recommended, asked again (Arabic). */
export const PLAN_RECOMMENDED_ASK = /(?:ما|ماهي|ما هي|ما هى)\s+(?:ال)?(?:باقة|خطة)\s+(?:اللي\s+|التي\s+|الذي\s+)?(?:نصحتني|نصحتنا|اقترحتها|اقترحت|أوصيت|اوصيت|رشحتها|رشحت)/u;
