#!/usr/bin/env node
// The registry this project is built against serves only this machine's platform binaries of
// packages like @swc/core, so `npm install` leaves the other platforms' optional packages out of
// package-lock.json, and `npm ci` then refuses the lockfile. This adds those entries, marked
// optional with the os/cpu their names state, so `npm ci` skips them on a platform they are not
// for. Run after any dependency change: `node infra/lockfile/complete-platform-entries.js`.
const { execSync } = require('node:child_process');
const fs = require('node:fs');

const LOCK = 'package-lock.json';
const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32', 'mips64el'];

function missingEntries() {
  let output = '';
  try {
    execSync('npm ci --dry-run --ignore-scripts --no-audit --no-fund', { stdio: 'pipe' });
  } catch (error) {
    output = String(error.stderr);
  }
  return [...output.matchAll(/Missing: (\S+)@(\S*) from lock file/g)].map((m) => m[1]);
}

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  const libc = parts.some((p) => p.startsWith('musl')) ? 'musl' : parts.some((p) => p.startsWith('gnu')) ? 'glibc' : null;
  return { os, cpu, libc };
}

function versionWanted(lock, name) {
  for (const entry of Object.values(lock.packages)) {
    const wanted = entry.optionalDependencies?.[name];
    if (wanted) return wanted.replace(/^[\^~=]/, '');
  }
  throw new Error(`No package asks for ${name}`);
}

const lock = JSON.parse(fs.readFileSync(LOCK, 'utf8'));
const missing = missingEntries();
for (const name of missing) {
  const { os, cpu, libc } = platformOf(name);
  if (!os || !cpu) throw new Error(`Cannot tell the platform of ${name}; add its entry by hand`);
  lock.packages[`node_modules/${name}`] = {
    version: versionWanted(lock, name),
    cpu: [cpu],
    ...(libc ? { libc: [libc] } : {}),
    optional: true,
    os: [os],
  };
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
fs.writeFileSync(LOCK, JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${missing.length} entries for other platforms`);
