/**
 * `npx tsx scripts/learn-questions.ts`: gathers the in-domain questions of the tuning halves (never a
 * locked half) by expected entry into bot/core/search/learned-questions.json, which the ranking adds
 * to each entry's questions (see bot/core/search/learned-questions.ts).
 */
import { writeFileSync } from 'node:fs';
import { learnedPhrasings, tuningQuestions } from '../bot/cli/eval-sets.js';
import { learnedQuestionsPath } from '../bot/core/search/learned-questions.js';

const learned = learnedPhrasings(tuningQuestions());
writeFileSync(learnedQuestionsPath, `${JSON.stringify(learned, null, 1)}\n`);
console.log(`${Object.values(learned).flat().length} questions pour ${Object.keys(learned).length} entrées : ${learnedQuestionsPath}`);
