/** The Azurite starter the tests share (bot/dev/azurite.ts: a temporary folder per test file). */
export { freePort, startAzurite, type Azurite } from '../../bot/dev/azurite.js';
