/**
 * The danger screen's vocabulary, on folded text (lower case, no accents, « ' » apostrophes,
 * after the SMS expansions of sms-french.ts). Written from the kinds of emergencies the Table
 * names (violence in progress, confinement, drugged or unconscious, suicide and self-harm,
 * imminent transport or client meeting, threats to kill, weapons, a youth calling for help) and
 * from how French, Québec colloquial French and English say them; not copied from a test set.
 * Each list says what a match means; danger-screen.ts decides the tier.
 */

/** A life is at risk: suicide, self-harm, overdose or unconsciousness, threats to kill, weapons, strangling. */
export const lifeCues: readonly RegExp[] = [
  /\bsuicid/, /\bse (tuer|pendre|suicider|tirer)\b/, /\bme (tuer|pendre|suicider)\b/, /\btentative de suicide\b/, /\ba mort\b/,
  /\b(veut|veux|veulent|voulait|va|vais|allait|envie de|pret[e]? a|prete a) mourir\b/, /\ben finir\b/, /\bfinir (ses|mes|sa|ma) (jours|vie)\b/,
  /\bmettre fin a (ses|mes|sa|ma|leur) (jours|vie)\b/, /\b(veut|veux|voulait) (pas|plus|pu) vivre\b/, /\b(plus|pu|pas) (envie|le gout|capable) de vivre\b/,
  /\b(se|s'est|s'etait|me) (scarifi|mutil|couper|coupe|coupee|taillad|brul)/, /\bscarifi/, /\bautomutil/, /\bse fait du mal\b/, /\bse (faire|fait) mal\b/,
  /\b(sauter|se jeter|se lancer) (du|d'un|de la|en bas|devant|par la fenetre|dans le vide|sous)\b/,
  /\b(pris|prendre|avale|avaler|gobe|gober|bu|boire|took|taken|swallowed)\b.{0,25}\b(pilules|medicaments|comprimes|pills|tylenol|somniferes|bouteille)\b/,
  /\b(overdos|surdos)/, /\b(fait|faire|fait une) (une )?od\b/, /\bintox(ication|iquee?)? (grave|severe)\b/,
  /\binconscien/, /\b(ne )?respire (pas|plus|pu|mal|presque pas|difficilement)\b/, /\b(perdu|perd) connaissance\b/, /\bsans connaissance\b/,
  /\bevanou/, /\bconvuls/, /\blevres bleues\b/, /\b(reagit|bouge|se reveille|reveille) (pas|plus|pu)\b/,
  /\b(tuer|tuee?s?)\b/, /\bmenace(s)? de mort\b/, /\bmort\b.{0,20}\b(menace|va)\b/,
  /\b(armes?|gun|guns|fusil|pistolet|revolver|couteau|couteaux|knife|knives|machette|shotgun|firearm|weapon|weapons|carabine)\b/,
  /\betrangl/, /\bstrangl/, /\bchok(e|es|ed|ing) (her|him|them)\b/, /\bsaign/, /\bbleeding\b/,
  /\bkill(s|ed|ing)?\b/, /\bwants? to die\b/, /\b(end|ending) (it|it all|her life|his life|my life|their life)\b/, /\bself[- ]?harm/, /\bcutting (herself|himself|themselves|myself)\b/,
  /\bunconscious\b/, /\bunresponsive\b/, /\bnot breathing\b/, /\b(isn't|is not|stopped|can't|cannot) breath/, /\bpassed out\b/, /\b(won't|will not|can't|cannot) wake\b/,
  /\b(jump|jumping) (off|from|in front)\b/,
  /\b(pas|plus|pu) reveillable\b/, /\b(arrive|arrivent|arrivons|reussit|reussis) (pas|plus|pu) a (la|le|les|l') ?reveiller\b/, /\bpouls\b/, /\bfentanyl\b/, /\bopio[iï]?d/,
  /\b(trop|beaucoup trop) (de|d') ?(drogue|pilules|fentanyl|alcool|medicaments|speed|coke|pot)\b/, /\bcollaps/, /\beffondre/, /\bnot respond/, /\bpulse\b/,
  /\b(va|veut|vais|menace de|parle de|pret[e]? a|prete a) sauter\b/, /\b(sur le |au )?bord (du|de la|d'un|d'une) (toit|pont|fleuve|balcon|quai|falaise|riviere|viaduc|precipice)\b/,
  /\badieu/, /\b(veut|veux|voulait) (pu|plus|pas) exister\b/, /\bplus (jamais|la) (demain|pour personne)\b/,
  /\bs'(enlever|oter) la vie\b/, /\bidees? (noires|suicidaires|de mort)\b/, /\b(pendre|pendaison|corde au cou)\b/, /\blames?\b.{0,20}\b(poignets?|bras|cuisses?)\b/,
  /\b(donne|donner|distribue) (toutes )?ses affaires\b/, /\bdernier (message|texto|au revoir)\b/, /\b(plan|planifie|planifier) (pour|de) (mourir|se tuer|en finir)\b/, /\bdisparaitre pour (toujours|de bon)\b/,
  /\b(veut|veux) (pu|plus|pas) etre (la|ici|en vie)\b/, /\bkill (my|her|him|them)sel/, /\bkms\b/, /\bunalive/, /\bcut (her|him|them|my)sel/, /\b(od'?d|overdosed)\b/,
  /\b(naloxone|narcan)\b/, /\b(bleue|bleu|blanche|grise|froide) (et|pis)? ?(respire|bouge|reagit)/, /\b(ronfle|gargouill|vomit) (bizarre|etrange|en dormant)\b/,
  /\bdormir pour (toujours|de bon|l'eternite)\b/, /\bsleep forever\b/, /\bcombien de (comprimes|pilules|medicaments|cachets)\b.{0,30}\b(trop|mourir|mortel|fatal|pour ne plus)\b/, /\bhow many (pills|tablets)\b.{0,30}\b(too many|to die|lethal|kill)\b/,
  /\bbrul\w* vive?\b/, /\btir\w* (sur|dessus)\b/, /\bpoignard/, /\begorg/, /\b(shoot|stab)(s|ed|ing)?\b/, /\bserr\w* (le|son|sa) (cou|gorge)\b/,
];

/** A child is being harmed, held or forced: an emergency when it is happening now. */
export const harmCues: readonly RegExp[] = [
  /\bsequestr/, /\benferm/, /\b(barree?|barre) (dans|a cle)\b/, /\ba cle\b/, /\bprisonniere?\b/, /\botage\b/,
  /\b(la|le|les|l'|me|nous|te) (retient|retiennent|retenait|garde|gardent) (de force|enfermee?|prisonniere?|la-bas|chez (lui|eux))\b/,
  /\b(la|le|les|l'|me|nous|te) (retient|retiennent)\b/, /\bretenue?s? (contre|de force|par|chez)\b/,
  /\b(peut|peux|peuvent|pourra|pourrait|capable) (pas|plus|pu|jamais) (sortir|partir|s'en aller|s'enfuir|quitter|s'echapper|fuir)\b/,
  /\b(pas|plus|pu|jamais) capable de (sortir|partir|s'en aller|s'enfuir|quitter|fuir)\b/,
  /\b(l'|la |le |les |m'|nous |t')?empech\w* de (sortir|partir|quitter|s'en aller|appeler|parler|fuir|texter|rentrer)\b/,
  /\b(pris|prend|confisque|garde|enleve|casse|brise|volé|vole|cache|took|takes|taken|smashed)\b.{0,12}\b(son|ses|le|mon|mes|her|his|leur) (cell|cellulaire|telephone|phone|passeport|papiers|cartes?)\b/,
  /\bkidnap/, /\b(a ete|est|se fait|s'est fait) enlevee?\b/, /\benlevement\b/, /\b(cachee?|se cache|cachent|hiding|hides|hid)\b/,
  /\blocked (in|up|inside)\b/, /\b(being )?held (captive|against|hostage|by|in)\b/, /\btrapped\b/, /\b(can't|cannot|won't let (her|him|them)|doesn't let (her|him)) (leave|get out|go|escape)\b/,
  /\b(se fait|se faisait|est en train de se faire|s'est fait|vient de se faire|se font) (battre|frapper|violer|agresser|tabasser|etrangler|brutaliser|menacer|attaquer|pogner|taper)/,
  /\b(bat|battent|battre|battu|battue|frappe|frappent|frapper|frappee|tabass|brutalis|cogne|cognent|coups de (poing|pied)|fesse dessus|fessent dessus|varge|vargent)\b/,
  /\b(viol|violee?s?|violer|violent (la|le|les|l')|la violent|le violent)\b/, /\b(agress(e|ee|er|ent|ion))\b/,
  /\b(la|le|les|l'|me|nous|te) ?(forc|oblig)(e|ee|es|ees|ent|er|eait|eaient)\b.{0,10}\b(a|de)\b/, /\b(est|sont|etre|se fait|se font) (forcee?s?|obligee?s?) (a|de)\b/, /\bde force\b/,
  /\b(rape|raped|raping|rapes)\b/, /\bbeat(s|en|ing)? (her|him|them|up|the)\b/, /\b(hit|hits|hitting|punch|punching|punched|hurting|hurts) (her|him|them)\b/,
  /\bassault/, /\bforc(e|ed|es|ing) (her|him|them) (to|into)\b/, /\babus(e|es|ing) (her|him)\b/,
  /\b(est|sont|etre|is|are) en danger\b/, /\bin danger\b/, /\bdanger de mort\b/, /\b(pas|pu) en securite\b/, /\bn'est (plus|pas) en securite\b/, /\bnot safe\b/, /\bunsafe\b/,
  /\bau secours\b/, /\ba l'aide\b(?! de)/, /\baide[z]?[- ]moi\b(?! (a|avec|pour) )/, /\bhelp me\b(?! (with|to|find|understand|figure|out|on|get))/, /\bplease help\b/, /\bsos\b/, /\b(appel|crie|hurle)\w* (a|au|pour) (l'aide|du secours|secours|de l'aide)\b/,
  /\b(a|ai|avons|ont) (tres |vraiment |tellement )?peur (pour sa vie|de mourir|qu'il la tue|qu'il revienne)\b/, /\bterrifi/, /\ben panique\b/, /\bpaniqu/, /\ben pleurs\b/,
  /\b(droguee|drogue (a son insu|par)|drogue du viol|ghb|(l'|la |les |m')a drogu|(a|ont) ete drogu|pas dans son etat|defoncee|quelque chose dans (son|sa|mon) (verre|drink|consommation))\b/,
  /\b(drugged|roofied|spiked)\b/,
  /\b(gifl|claqu|tabass|cogn|varg|brass|bouscul|etrangl|empoign|agripp)\w*\b/, /\b(sacr|donn|cri|met|mett)\w* (une|des|la) (volee|raclee|claque|gifle|beigne|taloche)\b/, /\b(volee|raclee)\b/,
  /\bcoups? de (poing|pied|tete|couteau|batte|ceinture)\b/, /\broue?e? de coups\b/, /\b(donne|donnent|recoit|mange) des coups\b/, /\b(traine|tire) (par|les) (les )?cheveux\b/,
  /\bs'en (prend|prennent) a (elle|lui|eux|la jeune)\b/, /\b(lui|leur) (saute|sautent) dessus\b/, /\b(abuse|abusent) (d'elle|de lui|d'eux)\b/, /\battouchement/, /\b(se faire|se fait) passer dessus\b/,
  /\brelations? (sexuelles? )?(forcees?|de force|non consenties?)\b/, /\b(marques?|bleus|ecchymoses?|blessures?) (sur|au|aux|dans) (le |la |les |son |sa |ses )?(cou|visage|gorge|bras|corps|poignets?)\b/,
  /\bentend\w* (des |les )?(coups|cris|hurlements|pleurs)\b/, /\b(crie|hurle|pleure) (a l'aide|au secours|fort|dans le telephone)\b/,
  /\b(verrouill|barr)(e|ee|er|ent|ait)\b.{0,15}\b(porte|chambre|salle de bain|toilettes?|appart|dedans)\b/, /\bcaptiv/, /\bpiegee?\b/, /\bpris(e)? au piege\b/, /\bcoincee?s? (chez|dans|avec|la-bas)\b/,
  /\b(tient|tiennent|garde|gardent) (enfermee?|captive|prisonniere|sous cle|chez (lui|eux))\b/, /\b(pas le droit|interdit) de (sortir|partir|appeler|texter)\b/,
  /\b(laisse|laissent) (pas|plus|pu) (sortir|partir|s'en aller)\b/, /\b(se sauver|s'enfuir|s'echapper)\b/, /\bcachette\b/,
  /\b(salle de bain|toilettes?|bathroom|closet|garde-robe)\b.{0,30}\b(barre|cache|enferm|lock|hid|hiding)/, /\b(barre|cache|enferm|lock|hid|hiding)\w*\b.{0,30}\b(salle de bain|toilettes?|bathroom|closet|garde-robe)\b/,
  /\b(est|super|completement|full|ben|trop|vraiment) (gelee|buzzee|stone|defoncee|paquetee|saoule|soule|chaudasse|intoxiquee|confuse|desorientee|etourdie)\b/, /\bsous (l')?influence\b/,
  /\b(beat|beats|beating|punch|punched|punching|slap|slapped|slapping|kick|kicked|kicking|choke|choked|choking|strangl|molest|grab|grabbed)\w*\b/, /\b(screaming|yelling|crying for help)\b/,
  /\b(won't|doesn't|will not|does not) let (her|him|them|me) (go|leave|out)\b/, /\bkeeps? (her|him|them) (locked|inside|there|from)\b/, /\b(captive|hostage|trapped|stuck)\b/,
  /\b(wasted|high as|out of it|blacked out|barely conscious|confused and)\b/,
  /\b(elle|il|ils|elles|la jeune|le jeune|l'ado|la fille|ma jeune|she|he)( ne| n')? ?(repond|reagit|retourne|answers?|responds?)( pas| plus| pu| not| no more)\b/, /\b(va|vont|veut|veulent|allait|allaient) (lui|me|la|le|les|leur) faire (du |tres )?mal\b/, /\bpeur de ce qu/,
  /\b(vene[sz]|viens|venir) me chercher\b/, /\bcome (get|pick up|and get) me\b/, /\bappel\w* (la police|le 911|911|les flics|les policiers)\b/, /\bcall (the police|911|the cops)\b/,
  /\b(veut|veulent|voulait|voulaient|laisse|laissent) (pas|plus|pu) (la|le|me|les|l') ?(laisser )?(partir|sortir|aller|s'en aller)\b/, /\bwants? (out|to leave|to get out|to escape)\b/,
  /\b(chuchot|whisper)/, /\bsai[st] (pas|plus|pu) (ou|where) (elle|il|je|she|he|i) (est|suis|is|am)\b/, /\b(la|le|les|me|nous) (suit|suivent)\b/, /\b(being )?follow(ed|ing) (her|him|me)\b/,
  /\block(ed|s)? (her|him|them|me)\b/, /\bentend\w* (crier|des cris|pleurer|hurler|frapper)\b/,
];

/** A move, a pick-up, a meeting or a disappearance: an emergency only when it is now or imminent. */
export const harmIfNowCues: readonly RegExp[] = [
  /\b(amen|emmen|transport|deplac|embarqu)(e|ee|es|ees|er)\b/, /\b(conduite?s?|shipped|taken|driven|moved|brought|driving (her|him))\b/,
  /\b(autobus|bus|train|avion|char|auto|voiture|taxi|uber)\b.{0,25}\b(pour|vers|to)\b/, /\b(scared|afraid|terrified)\b/, /\b(a|ai|j'ai|avait) (tres |vraiment |tellement )?peur\b/,
  /\bs'en (va|vont|vient|viennent|allait)\b/, /\b(part|partent|partir|va partir|doit partir|depart)\b.{0,20}\b(pour|vers|a|avec|to)\b/,
  /\b(vient|viennent|passe|passent|va|vont|doit|devait|s'en vient) (la|le|les|me|te|nous) (chercher|prendre|ramasser|rejoindre|rencontrer|voir|pogner)\b/,
  /\b(client|clients|john|homme|hommes|gars|monsieur|adulte|pimp|proxenete|buyer|man|guy|men)\b.{0,40}\b(rendez-vous|rencontre|rencontrer|rejoindre|booke|booking|date|arrive|arrivent|en route|on (his|the|their) way|coming|meet|meeting|pick(ing)? (her|him) up|attend|attendent)\b/,
  /\b(rendez-vous|rencontre|date|booking|meet|meeting|hookup|call)\b.{0,30}\b(client|homme|gars|adulte|monsieur|man|guy|john)\b/,
  /\bmenac\w* de (publier|mettre|envoyer|partager|diffuser|poster|montrer|publie|coller)\b/, /\bthreaten\w* to (post|share|send|leak|publish|show)\b/,
  /\b(disparu|disparue|introuvable|missing|gone|manque a l'appel)\b/, /\b(fugue|fuguee|en fugue|ran away|runaway)\b/,
  /\bavec (un|son|le|des|deux|trois|un vieux|un autre) (homme|hommes|client|clients|adulte|adultes|gars|pimp|proxenete|inconnu|inconnus|monsieur)\b/,
  /\bwith (a|an|her|his|the|two|some) (man|men|client|john|pimp|older man|adult|stranger|guy|guys)\b/,
  /\b(client|homme|adulte|pimp|proxenete|gars)s? (est|sont) avec\b/, /\b(dans|in) (son|le|un|his|a|the) (char|auto|voiture|car|van|truck)\b/,
  /\b(chambre|hotel|motel|appart|appartement|party|after|airbnb)\b/,
  /\b(faire|fait|faire une|faire des|faire un) (client|clients|run|job|call|date)\b/, /\b(outcall|incall|escorte)\b/, /\benvoy\w* (a|au|en|vers|to)\b/, /\b(valise|valises|billet|billets)\b/,
  /\b(pas|jamais) (rentree?|revenue?|rentre)\b/, /\bsans nouvelles?\b/, /\b(vue?|seen) (pour la derniere fois|last)\b/, /\b(plus vieux|plus age|older)\b/,
  /\b(encore|toujours|still) (la|la-bas|chez|dans|avec|enfermee|there|with|in|at)\b/, /\b(s'en vient|arrive|arrivent|debarque|debarquent)\b/,
];

/** Words of danger that are not a present emergency by themselves: they earn the safety band. */
export const bandCues: readonly RegExp[] = [
  /\bviolen(ce|t|te|ts|tes)\b/, /\bmenac/, /\bthreat/, /\bdanger/, /\burgen/, /\bdrogu/, /\bdrug/, /\bdisparu/, /\bmissing\b/,
  /\bgangs? de rue\b/, /\bforce\b/, /\bsecurite\b/, /\bsafety\b/, /\bmort\b/, /\bdeath\b/, /\bdie\b/, /\bblesse/, /\binjur/, /\bhurt\b/,
];

/** Signs that the danger is happening as the person writes: they outweigh every frame, « what if » included. */
export const presentMarkers: readonly RegExp[] = [
  /\ben ce moment\b/, /\bpresentement\b/, /\bla (elle|il|ils|elles|on|je|j'|y|c'est|ca|chu|tout|le gars|son|sa|ses|et)\b/, /\bla la\b/, /\bmaintenant,? (elle|il|ils|elles|on|y|le|la|son|sa|ses)\b/,
  /\bvien[st]? de\b/, /\ben train de\b/, /\bcomme on se parle\b/, /\bpendant qu'on se parle\b/, /\bau (bout du fil|telephone)\b/,
  /\bright now\b/, /\bas we speak\b/, /\bon the (line|phone)\b/, /\bjust now\b/,
];

/** Sure signs that the danger is now or imminent: they outweigh a past, safe or general frame, not a « what if ». */
export const strongNowMarkers: readonly RegExp[] = [
  ...presentMarkers,
  /\btout de suite\b/, /\bce soir\b/, /\bcette nuit\b/, /\ba minuit\b/, /\bdans (\d+|une|deux|trois|quelques|cinq|dix|quinze|vingt|trente|moins d'une) ?(minutes?|min|mins|heures?|h|hrs?)\b/,
  /\bd'une minute a l'autre\b/, /\ben route\b/, /\btonight\b/, /\bon (his|her|their|the) way\b/, /\bin (\d+|an|a few|ten|twenty|thirty|fifteen) (minutes?|mins|hours?)\b/, /\bwithin the hour\b/,
];

/** A hypothesis (« que faire si », « what if »): only a sign of the present outweighs it. */
export const hypotheticalMarkers: readonly RegExp[] = [
  /\b(que|quoi) faire (si|quand|lorsqu|en cas)\b/, /\bsi jamais\b/, /\badvenant\b/, /\bdans l'eventualite\b/, /\bhypothetiquement\b/, /\bdans le cas (ou|d')\b/, /\bau cas ou\b/,
  /\b(admettons|mettons|disons|supposons|imaginons) qu/, /\bsi un jour\b/, /\bsi (je|j'|on|tu|nous|vous) (soupconne|pense|crois|vois|remarque|constate|trouve|apprend|apprends|recois)\b/,
  /\bcomment (reagir|intervenir|agir)\b.{0,40}\b(si|quand|lorsqu)\b/, /\b(je fais|on fait|qu'on fait) quoi si\b/,
  /\bwhat (if|should i do if|to do if|do i do if|do we do if|should we do if)\b/, /\bhow (do|can|should|would) (i|we|you|one) (react|respond|handle)\b.{0,40}\bif\b/, /\bin case\b/, /\bif (a|an|the|my|our) (youth|teen|teenager|kid|girl|boy|child|student|client|minor|victim)\b/,
];

/** The danger is happening now or is imminent (the strong markers and weaker ones, « maintenant », « aujourd'hui »). */
export const nowMarkers: readonly RegExp[] = [
  ...strongNowMarkers, /\bminuit\b/, /\b(encore|toujours|still) (la|la-bas|chez|dans|avec|enfermee|there|with|in|at)\b/,
  /\bdepuis (\d+|une|deux|trois|quelques|dix|vingt|trente) ?(minutes?|min|heures?|h)\b/, /\bca fait (\d+|une|deux|trois|quelques|dix|vingt|trente) ?(minutes?|min|heures?|h)\b/,
  /\bau moment (ou|ou je)\b/, /\ben direct\b/, /\b(is|are) being\b/, /\b(for|since) (\d+|an|a few|two|ten|twenty|thirty) (minutes?|mins|hours?)\b/, /\bje fais quoi\b/, /\bqu'est-ce que je fais\b/, /\bwhat do i do\b/,
  // The weaker signs of now, which only count outside a frame (the sure ones are above).
  /\bmaintenant\b/, /\bla (elle|il|ils|elles|on|je|j'|y|c'est|ca|chu|tout|le gars|son|sa|ses|pis)\b/, /\ba soir\b/, /\bcet (apres-midi|aprem)\b/, /\bce matin\b/,
  /\baujourd'hui\b/, /\btantot\b/, /\bd'ici (\d+|une|deux|quelques|la fin|ce soir|demain|minuit)\b/, /\bbientot\b/, /\bs'en (vient|viennent)\b/, /\bimmediatement\b/, /\bdemain\b/,
  /\burgent/, /\bvite\b/, /\basap\b/, /\ba \d{1,2} ?h\b/, /\b\d{1,2}h\d{0,2}\b/, /\blive\b/, /\bnow\b/, /\bcurrently\b/, /\bat the moment\b/, /\btoday\b/, /\btomorrow\b/,
  /\bthis (evening|afternoon|morning)\b/, /\bis coming\b/,
];

/** The events are over: a past time, or the youth is safe and the suspect held. */
export const pastMarkers: readonly RegExp[] = [
  /\bl'(an|annee) (derniere?|passee)\b/, /\bla (semaine|fin de semaine|fds) (passee|derniere)\b/, /\ble (mois|printemps) (passe|dernier)\b/, /\bl'(ete|hiver|automne) (passe|dernier)\b/,
  /\bhier\b/, /\bavant-hier\b/, /\bil y a (\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|quelques|plusieurs|longtemps|des) ?(ans?|annees?|mois|semaines?|jours|lunes)\b/,
  /\ben (19|20)\d\d\b/, /\bdans le passe\b/, /\bautrefois\b/, /\bdans le temps\b/, /\bquand (elle|il) (avait|etait)\b/, /\ba l'epoque\b/, /\bauparavant\b/,
  /\b(en|au mois de|depuis) (janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b/, /\bc'etait (en|il y a|l'an|la semaine|le mois|quand)\b/,
  /\bca fait (\d+|un|une|deux|trois|quatre|cinq|six|quelques|plusieurs) ?(ans?|annees?|mois|semaines)\b/, /\b(back )?in (19|20)\d\d\b/,
  /\blast (year|month|week|night|summer|winter|fall|spring)\b/, /\b(years|months|weeks|days) ago\b/, /\byesterday\b/, /\bback then\b/, /\bused to\b/,
];

/** The youth is safe or the suspect is held: the danger is over. */
export const safeMarkers: readonly RegExp[] = [
  /\b(maintenant |now |desormais |depuis )?((elle|il|ils|elles|she|he|they|la jeune|le jeune) )?(est|sont|etait|etaient|rendue?s?|is|are|'s|va|vont|went) (maintenant |desormais |enfin |deja |rendue? |now |back |revenue? )?(en securite|safe|hors de danger|hors de sa portee|a l'abri|correcte?s?|mieux|bien|better|fine|okay|ok|en famille d'accueil|en centre jeunesse|au centre jeunesse|en centre de readaptation|en hebergement|chez (sa mere|son pere|ses parents|nous|moi|sa tante|sa grand-mere)|home)\b( maintenant| now| depuis)?/, /\bca va (bien|mieux)\b/, /\brevenue? (chez|a la maison|home)\b/,
  /\b(a|ont|avait|avaient) ete (arrete|arretes|arretee|accuse|accuses|condamne|condamnes|detenu|interpelle|interpelles|incarcere|mis en accusation)\b/,
  /\b(arrete|arretes|arretee|detenu|detenus|en detention|en prison|incarcere|condamne|condamnes|sous les verrous|derriere les barreaux)\b/,
  /\b(arrested|in custody|charged|convicted|in jail|in prison|behind bars|locked up for)\b/,
  /\b(est|sont) (avec|chez) (nous|moi|la police|les policiers|sa mere|son pere|ses parents|sa famille|la dpj)\b/, /\bpris(e)? en charge\b/,
  /\b(a ete |l'a |l'ont |ont |on l'a |la police l'a |ils l'ont )?retrouvee?s?\b/, /\b(est |sont )?(revenue?s?|de retour) (de sa fugue|de fugue|chez|a la maison|au centre)\b/, /\b(was |were )?found\b/,
  /\b(en lieu sur|hebergee?s?|sous surveillance|centre de crise|a l'urgence|avec (eux|les patrouilleurs|les policiers|la police))\b/, /\b(dpj|police|sq|spvq) (est|a ete|sont) (avisee?s?|informee?s?|appelee?s?|sur place)\b/,
  /\bs'est fait (pogner|arreter|ramasser|arreter)\b/, /\b(and|now|is|she's|he's) safe\b/,
  /\b(au|a l'|a la) (chul|hopital|urgence|centre jeunesse|poste de police|famille d'accueil)\b/, /\b(at|in) (the )?(hospital|er|shelter|police station)\b/,
];

/** A general, training, legal or « what if » question: danger words about no one in particular now. */
export const generalMarkers: readonly RegExp[] = [
  /\ben general\b/, /\bstatisti/, /\bformations?\b/, /\bsimulation\b/, /\btravail (de session|scolaire|de recherche|d'equipe)\b/, /\bcours (de|sur)\b/, /\bfacteurs? de risque\b/, /\best-ce normal\b/, /\bpourquoi (on|est-ce)\b/, /\b(ca|ça) marche comment\b/, /\bcomment (ca|ça) marche\b/, /\bcomment parler\b/, /\batelier\b/, /\b(suivre|suivi|donner|donne) (un|le|ce) cours\b/, /\bconference\b/, /\bcapsule\b/, /\bfictif\b/, /\bfictive\b/,
  /\bmise en situation\b/, /\bscenario\b/, /\bexercice\b/, /\bjeu de role\b/, /\bvignette\b/, /\betude de cas\b/, /\bfilm\b/, /\bdocumentaire\b/,
  /\bserie\b/, /\broman\b/, /\blivre\b/, /\bbalado\b/, /\bpodcast\b/, /\btheori/, /\bquiz\b/, /\bexamen\b/, /\bpresentation\b/, /\brecherche\b/,
  /\btraining\b/, /\bcourse\b/, /\bworkshop\b/, /\bcase study\b/, /\brole[- ]?play\b/, /\bhypothetical\b/, /\bmovie\b/, /\bdocumentary\b/, /\bin general\b/,
  /\bcode criminel\b/, /\bhow (do|can|should) (you|i|we|one|staff) (use|give|administer|get)\b/, /\b(get|be|being|are) trained\b/, /\bcomment (utiliser|administrer|donner|se servir|on utilise|on donne)\b/, /\bcomment (aborder|en parler|parler de)\b/, /\ble sujet (du|de la|des|de l')\b/, /\bprevention (du|de la|des|de l')\b/, /\baccusee?s? de\b/, /\b(peut|peuvent|pourrait|pourraient) etre (accuse|condamne|poursuivi|arrete)/, /\bformat(rice|eur|eurs|rices)\b/, /\bparticipants?\b/, /\bcriminal code\b/, /\binfraction/, /\bpeines?\b/, /\bpassible\b/, /\bsentences?\b/, /\bloi\b/, /\blegal/, /\billegal/, /\bcrimes?\b/,
  /\bcriminel/, /\baccusation/, /\barticle \d/, /\bart\. ?\d/, /\bjurisprudence\b/, /\blpj\b/, /\bdefinition\b/, /\bc'est quoi (la|le|l'|les|un|une)\b/,
  /\bqu'est-ce (que|qu'|qui)\b/, /\bpenalt/, /\bcharged with\b/, /\bthe law\b/, /\boffen[cs]e/, /\bwhat is (a|an|the)\b/,
  /\b(que|quoi) faire (si|quand|lorsqu|en cas|face)\b/, /\bcomment (reagir|intervenir|agir|reconnaitre|savoir|detecter|reperer|identifier|aider|faire|reagit|on fait|parler|aborder)\b.{0,40}\b(si|quand|lorsqu|face)\b/,
  /\bcomment (on |je |tu |nous |vous )?(reconnai|detect|repere|identifi|savoir|voir|sait|distingu)/, /\bsignes?\b/, /\bsigns?\b/, /\bsymptomes?\b/, /\bdifference entre\b/,
  /(^|[.?!;] )si\b/, /\b(admettons|mettons|disons|supposons|imaginons) qu/, /\bsi un jour\b/, /\bsi (je|j'|on|tu|nous|vous) (soupconne|pense|crois|vois|remarque|constate|trouve|apprend|apprends|suis|etais|recois|recevais)\b/,
  /\b(je fais|on fait|qu'on fait|que je fais|je dois faire) quoi si\b/, /\bqu'on fait si\b/, /\bsi\b.{0,100}\b(je fais quoi|on fait quoi|que faire|quoi faire|what do i do)\b/,
  /\bsi jamais\b/, /\badvenant\b/, /\bdans l'eventualite\b/, /\bhypothetiquement\b/, /\bdans le cas (ou|d')\b/, /\bau cas ou\b/, /\ben cas d[e']\b/, /\bsupposons\b/, /\bimaginons\b/, /\bhypothese\b/,
  /\bsi (une|un|la|le|l'|mon|ma|nos|des) (jeune|ado|adolescente?|fille|gars|eleve|victime|client|enfant|cliente|usager|usagere|mineure?)\b/,
  /\bwhat (if|should i do if|to do if|do i do if|do we do if|should we do if)\b/, /\bhow (do|can|should|would) (i|we|you|one) (recognize|recognise|spot|tell|react|respond|know|handle|identify)\b/,
  /\bif (a|an|the|my|our) (youth|teen|teenager|kid|girl|boy|child|student|client|minor|victim)\b/, /\bsigns of\b/, /\bin case\b/,
];

/**
 * Everyday idioms that borrow a danger word (« ce dossier me tue », « mort de fatigue », « en finir
 * avec ce rapport », « on s'est fait battre au hockey »): removed before the cues are looked for.
 */
export const idioms: readonly RegExp[] = [
  /\bmorte?s? de (fatigue|rire|faim|peur|honte|froid|chaleur|stress|ennui)\b/, /\bmourir de (rire|faim|honte|fatigue|chaleur|froid|ennui)\b/,
  /\b(je suis|chu|j'suis|on est) (mort|morte|morts|mortes|crevee?|brulee?|videe?)\b/, /\bca me tue\b/, /\bca va me tuer\b/,
  /\b(ce|cette|mon|ma|le|la|mes|ces|son|sa|les|cet|notre|nos|leur) [\w'-]+ (me|nous|va me|vont me|m'a|m'ont|nous a|nous ont|va nous|vont nous|me fait) (tue|tuer|tuent|achever|mourir)\b/,
  /\btuer le temps\b/, /\b(tue|tuer|tues|tuent|killed|kill) (le|la|les|un|une|ce|cette|the|a) (projet|boss|jeu|niveau|idee|game|mood|ambiance|moustique|mouche|plante|budget|project|vibe)\w*\b/,
  /\benferm\w* (dehors|a l'exterieur)\b/, /\blocked out\b/, /\btuer dans l'oeuf\b/, /\b(j'|on |je |nous |tu )(en )?(ai|a|as|avons) (enfin )?fini avec\b/,
  /\b(en )?finir avec (ce|cette|le|la|les|mon|ma|mes|ces|son|notre|nos|un|une|l') [\w'-]+/,
  /\bbattre (un|le|son|mon|notre|leur|des) (record|score|fer)\b/, /\bbattre le fer\b/,
  /\b(se |s'est |se sont |on s'est |on se |nous sommes )?(fait |faire |fait )?(battre|planter|laver|lancer)\b.{0,15}\b(au|en|par|contre) (hockey|soccer|badminton|volley|volleyball|baseball|football|basket|tennis|ballon|balle|ringuette|match|finale|quiz|cartes)\b/,
  /\b(se |me |nous |on se |je me )?(bat|battre|bats|battons|battent|battu|battue)s? (pour|contre|avec) (le|la|les|des|un|une|nos|notre|mon|ma|l'|teams|excel|outlook|l'imprimante|la photocopieuse|le systeme|le budget)\b/,
  /\b(killing (it|me))\b/, /\b(this|that|the|my) [\w'-]+ is killing me\b/, /\bi'?m dead\b/, /\bdead tired\b/, /\bto death\b/, /\bkill (some )?time\b/, /\bto die for\b/,
  /\ba armes egales\b/, /\barmes? (de|d') (seduction|manipulation|persuasion|destruction massive)\b/, /\barme a double tranchant\b/, /\bcouteau (entre les dents|suisse|dans la plaie)\b/,
  /\bpas de danger\b/, /\bdanger public\b/, /\bs'enferm\w* dans\b/, /\benferm\w* dans (le|la|un|une|son|sa|ses|leur|ce|cette) (silence|mutisme|role|cycle|pattern|deni|honte|mensonge|dynamique|bulle)\b/,
  /\bforcee?s? de (constater|reconnaitre|admettre)\b/, /\bfrapp\w* (a la porte|a la bonne porte|a toutes les portes|l'imaginaire|fort)\b/, /\b(m'|nous |t')a frapp\w*\b/,
  /\bfrapp\w* par (la|le|les|son|sa|ses|cette|ce)\b/, /\bchoked up\b/, /\bsmoking gun\b/, /\bjump(ed)? the gun\b/, /\bheart ?beat\b/, /\bbeat (the|a) (deadline|traffic|record)\b/,
  /\b(se|s'est|s'etait|s'etaient|se sont|s') ?coupee?s? (de|des|du|d') ?(tout|toutes?|tous|ses|sa|son|leurs?|la|le|les|l'|amis|amies|famille|monde|proches|gang|groupe|reseau)\b/,
  /\b(dossier|cas|histoire|situation|image|affaire|souvenir|pensee)s?( la|-la)? (me|nous|la|le|les) (suit|suivent|hante|hantent|poursuit)\b/,
  /\bcomme une (bombe|tonne de briques)\b/, /\bpeur (de|du|des|d') (manquer|oublier|deranger|me tromper|mal faire|l'echec)\b/,
];
