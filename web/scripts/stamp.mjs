// Marks a finished build: MSBuild's Outputs compares the web sources with this file's time.
import { writeFileSync } from 'node:fs';
writeFileSync(new URL('../dist/.build-stamp', import.meta.url), `${new Date().toISOString()}\n`);
