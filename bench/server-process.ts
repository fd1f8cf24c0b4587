/** The processes of the API benches (bench:api, bench:search): the real server, and the load generator. */
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../server/paths.js';

export function runNode(args: string[], env: NodeJS.ProcessEnv, onLine?: (line: string) => void): { done: Promise<string>; kill: () => void } {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const line of chunk.split('\n')) if (line) onLine?.(line);
  });
  const done = new Promise<string>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 || signal === 'SIGTERM' ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code ?? signal}`)),
    );
  });
  return { done, kill: () => child.kill('SIGTERM') };
}

/** `newsgraph serve --no-seed` on a free port against the given Neo4j; resolves with its address once ready. */
export async function startServer(neo4j: { uri: string; user: string; password: string }): Promise<{ server: ReturnType<typeof runNode>; base: string }> {
  let ready: (url: string) => void;
  const url = new Promise<string>((resolve) => (ready = resolve));
  const server = runNode(
    ['bin/newsgraph.js', 'serve', '--no-seed', '--port', '0'],
    { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, LOG_LEVEL: 'info' },
    (line) => {
      const m = /ready at (http:\/\/\S+)/.exec(line);
      if (m) ready(m[1]!);
    },
  );
  const base = await Promise.race([url, server.done.then(() => Promise.reject(new Error('the server stopped before it was ready')))]);
  return { server, base };
}
