import fs from 'node:fs';

/** The product's version: package.json's, read once. */
export const VERSION = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version as string;
