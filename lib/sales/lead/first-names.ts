/**
 * Common first names in the site's languages (English, Spanish, French, German), lower-cased: a capitalised word said
 * before a role ("Sarah, I'm head of IT") is the prospect's name when it is one of these, and a company ("Globex, I'm
 * head of IT") otherwise. Not exhaustive: a name missing here is only read as nothing more than before. Pure and
 * client-safe.
 */
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  (
    // English
    'aaron adam aiden alan albert alex alexander alexandra alice alicia alison amanda amber amelia amy andrew andy angela anna anne anthony ashley ' +
    'barbara ben benjamin beth betty bill bob brandon brenda brian brittany bruce carl carol caroline catherine charles charlie charlotte chloe chris ' +
    'christina christine christopher claire cynthia dan daniel danielle david deborah debbie dennis diana diane donald donna dorothy doug douglas dylan ' +
    'ed edward elizabeth ella ellie emily emma eric erica ethan eve evelyn frank gary george grace greg gregory hannah harry heather helen henry isaac ' +
    'isabella jack jacob jake james jamie jane janet jason jeff jeffrey jen jennifer jeremy jerry jessica jim jo joan joe john jonathan jordan joseph josh ' +
    'joshua joyce judith judy julia julie justin karen kate katherine kathleen kathy katie kelly ken kenneth kevin kim kimberly kyle larry laura lauren ' +
    'leo liam lily linda lisa liz lucy luke madison margaret maria mark martha mary matt matthew megan melissa michael michelle mike natalie nathan ' +
    'nicholas nick nicole noah olivia oliver pamela patricia patrick paul peter phil rachel rebecca richard rob robert ron ronald rose ruth ryan ' +
    'sam samantha samuel sandra sara sarah scott sean sharon sophia sophie stephanie stephen steve steven sue susan tom thomas tim timothy tina tony ' +
    'tyler victoria vincent walter wayne william zoe priya raj rahul ravi anil sanjay neha ' +
    // Spanish
    'alejandro alejandra alberto alfonso álvaro alvaro ana andrés andres antonio beatriz carla carlos carmen cristina diego dolores eduardo elena ' +
    'enrique esther fernando francisco gabriel gloria guillermo isabel javier jesús jesus jorge josé jose juan juana julio laura lorena lucía lucia ' +
    'luis manuel marcos marta martín martin mercedes miguel mónica monica natalia pablo paloma patricia pedro pilar rafael ramón ramon raquel ricardo ' +
    'roberto rocío rocio rosa santiago sergio silvia sofía sofia teresa valentina víctor victor ' +
    // French
    'alain amélie amelie antoine arnaud aurélie aurelie benoît benoit camille céline celine chantal christophe claude clément clement delphine ' +
    'denis didier dominique élodie elodie émilie emilie éric fabien florence françois francois françoise francoise frédéric frederic gilles ' +
    'guillaume hélène helene hugo isabelle jacques jean jérôme jerome julien léa lea louis louise luc lucas manon marc marie mathieu maxime ' +
    'nathalie nicolas olivier pascal philippe pierre quentin sandrine sébastien sebastien stéphane stephane sylvie thierry valérie valerie véronique veronique vincent yves ' +
    // German
    'andreas anja birgit christian claudia dieter dirk elke felix florian frank gerhard hans heike helmut jan jana jens jörg jorg jürgen jurgen ' +
    'karin katrin klaus kerstin lars lena lukas markus martina matthias max michaela monika nina petra ralf sabine sandra silke simone stefan ' +
    'susanne thorsten tobias torsten uwe ute wolfgang'
  ).split(' '),
);
