#!/usr/bin/env node
// The secure portal's authorisation endpoint: nginx asks it, for every request under /extracts/, whether the reader
// may have that file (`auth_request`), and where `/extracts/me/manifest.json` leads for them. Plain Node, no
// dependencies, so an intranet can run it as it is.
//
//   node authz.mjs --port 9100 --users users.json          users → scopes from a JSON file (re-read when it changes)
//   node authz.mjs --port 9100 --lookup /usr/local/bin/atliq-scopes
//                                                          users → scopes from a command: it gets the user name as its
//                                                          only argument and prints one scope per line (see README:
//                                                          an LDAP group lookup)
//
// The identity is the X-Remote-User header, which only the SSO proxy in front of nginx may set (it must overwrite
// whatever a browser sends). No identity, an unknown user, a user without the scope: 403. Nothing is ever widened:
// the full extract (everything under /extracts/ outside scopes/) needs the scope `all`.
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const USER = /^[A-Za-z0-9._@-]{1,128}$/;
const SCOPE = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** The scope that may read the full extract (and every scope). */
const ALL = 'all';
const LOOKUP_TTL_MS = 60_000;

function fail(message) {
  process.stderr.write(`authz: ${message}\n`);
  process.exit(2);
}

let options;
try {
  options = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      users: { type: 'string' },
      lookup: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (error) {
  fail(`${error.message}. Run: node authz.mjs --port 9100 --users users.json`);
}
if (options.help) {
  process.stdout.write('node authz.mjs --port PORT (--users users.json | --lookup COMMAND) [--host 127.0.0.1]\n');
  process.exit(0);
}
const port = Number(options.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail('--port must be a TCP port, e.g. --port 9100.');
if (Boolean(options.users) === Boolean(options.lookup)) {
  fail('give either --users FILE (a JSON map of user to scopes) or --lookup COMMAND, not both or neither.');
}

/** The users file, re-read when its modification time changes. */
let usersFile = { mtime: -1, map: new Map() };
async function scopesFromFile(user) {
  const { mtimeMs } = await stat(options.users);
  if (mtimeMs !== usersFile.mtime) {
    const json = JSON.parse(await readFile(options.users, 'utf8'));
    const map = new Map();
    for (const [name, scopes] of Object.entries(json)) {
      if (Array.isArray(scopes))
        map.set(
          name,
          scopes.filter((s) => typeof s === 'string' && SCOPE.test(s)),
        );
    }
    usersFile = { mtime: mtimeMs, map };
  }
  return usersFile.map.get(user) ?? [];
}

const looked = new Map();
function scopesFromCommand(user) {
  const hit = looked.get(user);
  if (hit && hit.until > Date.now()) return hit.scopes;
  const scopes = new Promise((resolve) => {
    // execFile: the user name is an argument, never parsed by a shell.
    execFile(options.lookup, [user], { timeout: 5_000 }, (error, stdout) => {
      resolve(
        error
          ? []
          : stdout
              .split('\n')
              .map((s) => s.trim())
              .filter((s) => SCOPE.test(s)),
      );
    });
  });
  looked.set(user, { until: Date.now() + LOOKUP_TTL_MS, scopes });
  return scopes;
}

/** The reader's scopes, in the order the file or command gives them; empty for no or an invalid identity. */
async function scopesOf(user) {
  if (!user || !USER.test(user)) return [];
  try {
    return await (options.users ? scopesFromFile(user) : scopesFromCommand(user));
  } catch (error) {
    process.stderr.write(`authz: could not read the scopes of ${user}: ${error.message}\n`);
    return [];
  }
}

/** Whether `scopes` may read `path` (a decoded path under /extracts/, without its query). */
function allowed(path, scopes) {
  if (!path.startsWith('/extracts/') || path.split('/').some((s) => s === '..' || s === '.')) return false;
  if (scopes.includes(ALL)) return true;
  const scoped = /^\/extracts\/scopes\/([^/]+)\//.exec(path);
  return scoped !== null && scopes.includes(scoped[1]);
}

/** Where `/extracts/me/manifest.json` leads: the full extract for `all`, else the reader's first scope. */
const mine = (scopes) =>
  scopes.includes(ALL) ? '/extracts/manifest.json' : scopes[0] && `/extracts/scopes/${scopes[0]}/manifest.json`;

function answer(response, status, headers = {}) {
  response.writeHead(status, { 'Cache-Control': 'private, no-store', ...headers });
  response.end();
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://authz');
  if (url.pathname === '/health') return answer(response, 204);
  const user = request.headers['x-remote-user'];
  const scopes = await scopesOf(typeof user === 'string' ? user : '');
  if (url.pathname === '/me') {
    const target = mine(scopes);
    return target ? answer(response, 302, { Location: target }) : answer(response, 403);
  }
  if (url.pathname === '/authz') {
    let path = '';
    try {
      path = decodeURIComponent(new URL(request.headers['x-original-uri'] ?? '', 'http://portal').pathname);
    } catch {
      return answer(response, 403);
    }
    return answer(response, allowed(path, scopes) ? 204 : 403);
  }
  return answer(response, 404);
});
server.listen(port, options.host, () => {
  process.stdout.write(`authz: listening on http://${options.host}:${port}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
