/**
 * Every key of the web message files (messages/web*.ts) is used by some code in src/ or web/src/: a text nobody
 * shows any more is removed rather than shipped. A key counts as used when it is written out in quotes or
 * backquotes, or when it starts with the fixed part of a key built in code (`web.appointment.status.${status}`,
 * 'web.x.' + kind). Tests do not count as users.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../config/config.ts';

const messagesDir = path.join(projectRoot, 'src', 'platform', 'i18n', 'messages');

/** The source files under `dir`, without tests, builds and the message files themselves. */
function codeFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (full !== messagesDir) codeFiles(full, out);
    } else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) out.push(full);
  }
  return out;
}

/** The fixed beginnings of keys built in code: `prefix.${…}` and 'prefix.' + … */
function builtKeyPrefixes(code: string): string[] {
  const templates = [...code.matchAll(/`([a-z][\w-]*(?:\.[\w-]+)*[._-])\$\{/g)].map((match) => match[1]!);
  const concatenations = [...code.matchAll(/['"]([a-z][\w-]*(?:\.[\w-]+)*\.)['"]\s*\+/g)].map((match) => match[1]!);
  return [...new Set([...templates, ...concatenations])];
}

describe('web message files', () => {
  let code = '';
  let prefixes: string[] = [];
  const keysByFile = new Map<string, string[]>();
  before(async () => {
    code = [...codeFiles(path.join(projectRoot, 'src')), ...codeFiles(path.join(projectRoot, 'web', 'src'))]
      .map((file) => readFileSync(file, 'utf8')).join('\n');
    prefixes = builtKeyPrefixes(code);
    for (const file of readdirSync(messagesDir).filter((name) => /^web.*\.ts$/.test(name))) {
      const module = await import(pathToFileURL(path.join(messagesDir, file)).href) as Record<string, { fr: Record<string, string> }>;
      keysByFile.set(file, Object.values(module).flatMap((source) => Object.keys(source.fr)));
    }
  });

  it('hold no key that no code uses', () => {
    assert.ok(keysByFile.size >= 4, 'the web message files were found');
    const written = (key: string) => code.includes(`'${key}'`) || code.includes(`"${key}"`) || code.includes(`\`${key}\``);
    const unused = [...keysByFile].flatMap(([file, keys]) =>
      keys.filter((key) => !written(key) && !prefixes.some((prefix) => key.startsWith(prefix))).map((key) => `${file}: ${key}`));
    assert.deepEqual(unused, []);
  });
});
