/**
 * Starts the embedded Neo4j Community (the Java launcher in scripts/neo4j) and hands back how to reach it.
 * Maven fetches Neo4j once; after that the JVM starts straight from the cached jars, offline.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ErrorCode } from '../../common/api.js';
import { AppError } from '../errors.js';
import { LAUNCHER_DIR } from '../paths.js';

export interface EmbeddedOptions {
  /** Neo4j's home: data, logs, the generated password. */
  home: string;
  /** 0 picks a free port. */
  boltPort: number;
  heap: string;
  pageCache: string;
  /** Overrides the generated password kept in the home folder. */
  password?: string;
  onProgress?: (message: string) => void;
  /** How long to wait for the ready line. */
  startTimeoutMs?: number;
  /** Ends a start under way: the JVM is stopped before the start rejects. */
  signal?: AbortSignal;
  /**
   * Set by the supervisor: running.json names it too and outlives a JVM that dies, so that other
   * commands keep joining this Neo4j (same URI) while it is restarted rather than start their own.
   */
  supervisorPid?: number;
}

export interface EmbeddedNeo4j {
  uri: string;
  user: string;
  password: string;
  version: string;
  pid: number;
  log: string;
  /** Resolves once the JVM has exited, for whatever reason: its exit code, or the signal that ended it. */
  exited: Promise<JvmExit>;
  stop(): Promise<void>;
}

export interface JvmExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface ReadyLine {
  uri: string;
  user: string;
  version: string;
  pid: number;
  log: string;
  passwordFile: string;
}

const MIN_JAVA = 17;
/** Where a started instance says how to reach it, so other commands on the same data can join it. */
const RUNNING_FILE = 'running.json';

export interface RunningEmbedded {
  uri: string;
  user: string;
  /** The JVM's pid: it changes when a supervisor restarts the JVM. */
  pid: number;
  /** The newsgraph process that supervises it, if any. */
  supervisor?: number;
}

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The embedded Neo4j another newsgraph process runs on `home` (`npm start` in another terminal), or
 * null. Only one process may open the data, so a second command joins that one instead of failing;
 * also while its supervisor restarts it (then the joiner waits out a 503 rather than fight for the data).
 */
export function runningEmbedded(home: string): RunningEmbedded | null {
  let running: RunningEmbedded;
  try {
    running = JSON.parse(readFileSync(path.join(home, RUNNING_FILE), 'utf8')) as RunningEmbedded;
  } catch {
    return null;
  }
  // A file whose processes are gone was left by a kill before it could be removed.
  return alive(running.pid) || alive(running.supervisor) ? running : null;
}

/** Removes running.json: the embedded Neo4j on `home` is gone for good (its supervisor stopped it). */
export function removeRunningFile(home: string): void {
  rmSync(path.join(home, RUNNING_FILE), { force: true });
}

/** The password the launcher generated for `home`. */
export function embeddedPassword(home: string): string {
  return readFileSync(path.join(home, 'password'), 'utf8').trim();
}
const MAIN_CLASS = 'dev.newsgraph.neo4j.EmbeddedNeo4j';
const LAUNCHER_ERRORS: Record<string, ErrorCode> = {
  ALREADY_RUNNING: 'ALREADY_RUNNING',
  PORT_IN_USE: 'PORT_IN_USE',
  BAD_CONFIG: 'BAD_CONFIG',
  START_FAILED: 'NEO4J_START_FAILED',
};

export function javaCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Fails with JAVA_MISSING unless a Java of at least MIN_JAVA answers. */
export function checkJava(env: NodeJS.ProcessEnv = process.env): number {
  const java = javaCommand(env);
  const result = spawnSync(java, ['-version'], { encoding: 'utf8', env });
  const advice =
    `Install Java ${MIN_JAVA} or newer (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME, ` +
    'or set NEO4J_URI to use a Neo4j of your own instead of the embedded one.';
  if (result.error || result.status !== 0) {
    throw new AppError('JAVA_MISSING', `The embedded Neo4j needs Java ${MIN_JAVA}+, but '${java}' could not be run. ${advice}`);
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : NaN;
  if (!(major >= MIN_JAVA)) {
    throw new AppError(
      'JAVA_MISSING',
      `The embedded Neo4j needs Java ${MIN_JAVA}+, but '${java}' is Java ${Number.isNaN(major) ? '(unknown version)' : major}. ${advice}`,
    );
  }
  return major;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// Written after each successful Maven build: Maven leaves unchanged outputs untouched, so their times say nothing.
const BUILD_STAMP = path.join(LAUNCHER_DIR, 'target', 'newsgraph-build.stamp');

function launcherClasspath(): string | null {
  const classpathFile = path.join(LAUNCHER_DIR, 'target', 'classpath.txt');
  const classes = path.join(LAUNCHER_DIR, 'target', 'classes');
  if (!existsSync(classpathFile) || !existsSync(classes) || !existsSync(BUILD_STAMP)) return null;
  const sources = Math.max(statSync(path.join(LAUNCHER_DIR, 'pom.xml')).mtimeMs, newestMtime(path.join(LAUNCHER_DIR, 'src')));
  if (statSync(BUILD_STAMP).mtimeMs < sources) return null;
  const jars = readFileSync(classpathFile, 'utf8').trim().split(path.delimiter);
  // A cleaned Maven cache leaves a classpath that points nowhere: rebuild then.
  if (jars.some((jar) => !existsSync(jar))) return null;
  return [classes, ...jars].join(path.delimiter);
}

/** Compiles the launcher and resolves Neo4j's jars through Maven when they are missing or stale. */
export async function ensureLauncherBuilt(onProgress: (m: string) => void = () => {}): Promise<string> {
  const ready = launcherClasspath();
  if (ready) return ready;
  onProgress('Fetching Neo4j Community from Maven Central and building its launcher (first run only)…');
  const mvn = process.env.MAVEN_CMD ?? 'mvn';
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(mvn, ['-B', '-q', 'package', '-DskipTests'], { cwd: LAUNCHER_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
    child.on('error', () => resolve(-1));
    child.on('close', resolve);
  });
  if (code === -1) {
    throw new AppError(
      'LAUNCHER_BUILD_FAILED',
      `Maven ('${mvn}') is needed once to fetch Neo4j, but it could not be run. Install Maven (Debian: apt-get install maven), or set NEO4J_URI to use a Neo4j of your own.`,
    );
  }
  if (code === 0) writeFileSync(BUILD_STAMP, `${new Date().toISOString()}\n`);
  const classpath = code === 0 ? launcherClasspath() : null;
  if (!classpath) {
    const tail = output.join('').trim().split('\n').slice(-15).join('\n');
    throw new AppError('LAUNCHER_BUILD_FAILED', `Building the Neo4j launcher in ${LAUNCHER_DIR} failed (mvn exit ${code}):\n${tail}`);
  }
  return classpath;
}

function jvmArgs(heap: string, classpath: string): string[] {
  return [
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    // No -XX:+ExitOnOutOfMemoryError: one query's allocation must not take the whole database down; the
    // per-transaction memory limit turns it into that query's error, and a JVM that dies anyway is restarted.
    // What Neo4j's own server start script passes on Java 17, so the page cache and Netty run at full speed.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '-cp',
    classpath,
    MAIN_CLASS,
  ];
}

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const progress = options.onProgress ?? (() => {});
  checkJava();
  const classpath = await ensureLauncherBuilt(progress);
  progress(`Starting embedded Neo4j in ${options.home}…`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEWSGRAPH_NEO4J_HOME: options.home,
    NEO4J_BOLT_PORT: String(options.boltPort),
    NEO4J_PAGECACHE: options.pageCache,
    NEWSGRAPH_NEO4J_WATCH_STDIN: '1',
  };
  if (options.password) env.NEO4J_PASSWORD = options.password;
  else delete env.NEO4J_PASSWORD;

  if (options.signal?.aborted) throw stoppedBeforeReady();
  // Own process group: a terminal's Ctrl-C reaches us, and we stop Neo4j in order after the HTTP server.
  // Umask 077: the store, logs and password are the user's alone (0600 files, 0700 folders).
  const umask = process.umask(0o077);
  let child: ChildProcess;
  try {
    child = spawn(javaCommand(), jvmArgs(options.heap, classpath), { env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  } finally {
    process.umask(umask);
  }
  const exited = new Promise<JvmExit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const stderrTail: string[] = [];
  child.stderr?.on('data', (d: Buffer) => {
    stderrTail.push(...d.toString().split('\n').filter(Boolean));
    stderrTail.splice(0, Math.max(0, stderrTail.length - 20));
  });

  const ready = await waitForReady(child, exited, stderrTail, options);
  const password = options.password ?? readFileSync(ready.passwordFile, 'utf8').trim();
  const running: RunningEmbedded = { uri: ready.uri, user: ready.user, pid: ready.pid, supervisor: options.supervisorPid };
  writeFileSync(path.join(options.home, RUNNING_FILE), JSON.stringify(running), { mode: 0o600 });
  if (!options.supervisorPid) void exited.then(() => removeRunningFile(options.home));
  return {
    uri: ready.uri,
    user: ready.user,
    password,
    version: ready.version,
    pid: ready.pid,
    log: ready.log,
    exited,
    stop: () => stopChild(child, exited),
  };
}

function stoppedBeforeReady(): AppError {
  return new AppError('NEO4J_START_FAILED', 'The embedded Neo4j was stopped before it was ready.');
}

function waitForReady(child: ChildProcess, exited: Promise<JvmExit>, stderrTail: string[], options: EmbeddedOptions): Promise<ReadyLine> {
  const logPath = path.join(options.home, 'logs', 'debug.log');
  return new Promise<ReadyLine>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      fn();
    };
    const abort = () => {
      if (settled) return;
      void stopChild(child, exited).then(() => settle(() => reject(stoppedBeforeReady())));
    };
    options.signal?.addEventListener('abort', abort);
    const timeoutMs = options.startTimeoutMs ?? 180_000;
    const timer = setTimeout(() => {
      settle(() => {
        void stopChild(child, exited);
        reject(new AppError('NEO4J_START_FAILED', `Embedded Neo4j did not become ready within ${timeoutMs / 1000} s; see ${logPath}.`));
      });
    }, timeoutMs);

    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const [tag, ...rest] = line.split(' ');
      if (tag === 'NEWSGRAPH_NEO4J_READY') settle(() => resolve(JSON.parse(rest.join(' ')) as ReadyLine));
      if (tag === 'NEWSGRAPH_NEO4J_ERROR') {
        const body = JSON.parse(rest.join(' ')) as { code: string; message: string };
        settle(() => reject(new AppError(LAUNCHER_ERRORS[body.code] ?? 'NEO4J_START_FAILED', body.message)));
      }
    });
    child.on('error', (err) => settle(() => reject(new AppError('NEO4J_START_FAILED', `Could not start Java for the embedded Neo4j: ${err.message}`))));
    void exited.then(({ code, signal }) =>
      settle(() =>
        reject(
          options.signal?.aborted
            ? stoppedBeforeReady()
            : new AppError(
                'NEO4J_START_FAILED',
                `Embedded Neo4j exited (${signal ?? `code ${code}`}) before it was ready. Its log: ${logPath}` +
                  (stderrTail.length ? `\n${stderrTail.slice(-10).join('\n')}` : ''),
              ),
        ),
      ),
    );
  });
}

async function stopChild(child: ChildProcess, exited: Promise<JvmExit>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
