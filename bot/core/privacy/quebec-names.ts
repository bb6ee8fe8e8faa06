/**
 * Common given names and surnames in Québec, for the personal-data check. Not exhaustive, and need
 * not be: a capitalised word before a known surname, or after a cue (« mon élève », « sa cousine »),
 * is caught without being listed. Compound given names (Marie-Ève) are matched part by part.
 * Compiled by hand from common Québec usage (not an official list): given names frequent among
 * youths born 1995-2015 and frequent Québec surnames, spelled as families write them. Add to them
 * freely; `npm run privacy:measure` shows the effect.
 */

/** Given names (each part of a compound counts: "Marie-Ève" is "Marie" and "Ève"). */
export const givenNames: readonly string[] = `
Léa Emma Olivia Florence Alice Charlotte Zoé Rosalie Juliette Béatrice Chloé Maëlie Maélie Mia Jade Laurence Lily Éléonore Clara
Camille Sofia Sophia Livia Victoria Mila Romy Ève Émilie Megan Mégane Mégan Noémie Naomie Naomy Océane Sarah Sara Marie Laurie Lorie
Audrey Jessica Kelly Ann Anne Annie Kayla Kaylee Maïka Maika Coralie Émy Emy Justine Gabrielle Sophie Catherine Alexandra Amélie Ariane
Arianne Mélodie Mélody Mélissa Melissa Vanessa Stéphanie Valérie Isabelle Julie Nathalie Karine Mélanie Caroline Geneviève Pier Maude
Jasmine Maya Mya Lili Léanne Léane Léonie Élodie Élisabeth Elizabeth Ariel Alexia Anaïs Angélique Annabelle Aurélie Brittany Britany
Cassandra Cassandre Kassandra Cindy Claudia Daphnée Delphine Elsa Estelle Eva Éva Fanny Frédérique Gabriella Inès Jordane Joanie Joannie
Josiane Judith Julianne Juliane Katherine Kathleen Laura Lou Loïka Lucie Maëva Maéva Magalie Marianne Marilou Marilyn Mélina Nora Noa
Rachel Rebecca Roxanne Sabrina Samantha Sandrine Shanny Tania Vicky Virginie Yasmine Lynn Rose Alyssa Ashley Jennifer Jenny Joëlle
Jolyane Ketsia Lydia Malia Maria Mariane Mathilde Nadia Ophélie Raphaëlle Sasha Tiffany Tina Véronique Alicia Amanda Amy Andréanne
Andrée Chanelle Élie Émilia Emmanuelle Érika Erika Flavie Jessie Jeanne Julia Karolanne Lorianne Maggie Mariève Maryse Mélia Myriam
Naïma Rosemarie Sandra Sonia Kim Kimberly Alexane Alexanne Marie-Pier Mégan Léa-Rose Ellie Élyse Évelyne Eveline Gabryelle Jolianne
Laurianne Lauriane Leïla Leila Marika Mégane Mikaela Noély Rosie Sabrina Sarah-Jeanne Stella Talia Thalia Yara Zara Jordyn Alexa
William Liam Noah Thomas Jacob Léo Nathan Logan Édouard Félix Samuel Gabriel Olivier Alexis Émile Charles Raphaël Raphael Arthur Louis
Zachary Zack Xavier Antoine Mathis Mathys Matis Jérémy Jeremy Kevin Keven Kaven Dylan Jordan Jordy Maxime Vincent Alexandre Nicolas
Simon Philippe Justin Tristan Anthony Benjamin Christopher David Étienne Francis Frédéric Guillaume Hugo Isaac Jonathan Julien Laurent
Loïc Lucas Marc André Antoine Mathieu Matthew Michael Mickaël Nathaniel Noé Patrick Pierre Luc Rémi Sébastien Steven Tommy Victor
Jayden Jay Adam Cédric Danny Dave Derek Éric Eric Ethan Evan Jake Jason Jimmy Joey Josh Joshua Killian Mohamed Ryan Shawn Tyler
Wilfrid Yanick Yannick Jean François Michel Daniel Denis Mario Serge Stéphane Sylvain Yves Bruno Carl Christian Claude Dominic
Dominique Mathias Alex Anthony Brandon Bryan Cédrick Charles-Antoine Christophe Damien Elliot Émeric Enzo Fabrice Florian Jacob
Jérôme Joël Jonathan Josué Justin Kylian Malik Marco Marcus Maxim Mickael Nolan Owen Pascal Raphaël Ricardo Robin Sacha Samy Théo
Tobie Ulrich Valentin Wiliam Yohan Zakary Gabrielle Danika Shayna Kiana Makayla Maddie Madison Mackenzie Brooke Chelsea Destiny
`.split(/\s+/).filter(Boolean);

/** Frequent surnames (each part of a compound surname counts). */
export const surnames: readonly string[] = `
Tremblay Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin Gagné Ouellet Ouellette Pelletier Bélanger Lévesque Bergeron Leblanc
Paquette Girard Simard Boucher Caron Beaulieu Cloutier Dubé Poirier Fournier Lapointe Leclerc Lefebvre Poulin Thibault St-Pierre
Nadeau Martin Landry Martel Bédard Grenier Lessard Bernier Richard Michaud Hébert Desjardins Couture Turcotte Lachance Parent Blais
Gosselin Savard Proulx Beaudoin Demers Perron Boudreau Cyr Gilbert Lemieux Mercier Dion Vachon Labbé Dufour Rousseau Allard Roberge
Hamel Tardif Drolet Lemay Moreau Deschênes Brassard Harvey Lepage Fontaine Gingras Lacroix Nolet Paradis Bolduc Boivin Chabot
Champagne Charest Dumont Dupuis Émond Fortier Fréchette Gaudreault Giroux Godin Goulet Guay Jobin Labrecque Lafontaine Laflamme
Lajoie Lalonde Lambert Langlois Laplante Larouche Lauzon Lavallée Leduc Lemire Létourneau Marcoux Ménard Mongeau Nault Paquet
Pépin Picard Plante Poitras Pouliot Provencher Racine Rioux Robitaille Rodrigue Samson Sirois Thériault Tessier Trudel Vaillancourt
Veilleux Villeneuve Bernard Bertrand Bilodeau Blouin Bourque Brisson Carrier Chouinard Coulombe Daigle Dallaire Desrosiers Doyon
Duchesne Filion Forget Fradette Gariépy Gendron Grégoire Hudon Jacques Julien Laberge Lacasse Lachapelle Lamontagne Laroche
Leclair Lemelin Levasseur Marchand Massé Maltais Ouimet Pageau Patry Poirier Quirion Renaud Rheault Ruel Sauvé Tanguay Turgeon
Vézina Beaudry Bélisle Côté-Roy Fillion Fournel Gaudreau Lapierre Paré Pouliot Rochette Tardif Lachance Boulanger Breton Castonguay
Dumas Giguère Hamelin Labonté Lamarre Morneau Ouellet Pelchat Potvin Rivard Rochefort Thibodeau Vallée
`.split(/\s+/).filter(Boolean);
