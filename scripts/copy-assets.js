/** Copies the non-TypeScript files the built apps read at run time (mail templates) into dist. */
const { cpSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const ASSETS = ['libs/mail/src/templates'];

for (const dir of ASSETS) cpSync(join(root, dir), join(root, 'dist', dir), { recursive: true });
