// Called by the BuildConsole target of src/Recommender.Api: builds the console once even when several builds ask at the
// same time (a lock directory), runs `npm ci` when node_modules is missing or older than package-lock.json, then
// `npm run build` unless another build finished one after the sources last changed.
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const lock = join(web, '.build-lock');
const stamp = join(web, 'dist', '.build-stamp');
const mtime = (p) => {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return 0;
  }
};
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

const started = Date.now();
for (;;) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    // A lock older than 15 minutes is left over from a killed build.
    if (Date.now() - mtime(lock) > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
    else if (Date.now() - started > 20 * 60_000) throw new Error(`web console build: ${lock} held for 20 minutes`);
    else sleep(500);
  }
}
try {
  if (mtime(stamp) > started) {
    console.log('web console: built by a concurrent build, nothing to do');
  } else {
    const run = (cmd) => execSync(cmd, { cwd: web, stdio: 'inherit' });
    if (mtime(join(web, 'node_modules', '.package-lock.json')) < mtime(join(web, 'package-lock.json'))) {
      run('npm ci --no-audit --no-fund');
    }
    run('npm run build');
  }
} finally {
  rmSync(lock, { recursive: true, force: true });
}
