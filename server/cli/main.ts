#!/usr/bin/env node
/** The `newsgraph` command. Each capability adds its subcommand here. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { packageVersion } from '../paths.js';
import { EXPORT_FORMATS } from '../../common/export.js';
import { ROLES, type Role } from '../auth/roles.js';
import type { ExportCommandOptions } from './export.js';
import type { LoadCommandOptions } from './load.js';
import type { QueryFormat } from './query.js';
import { reportError } from './output.js';

// Each command's modules load when it runs: the extractor's language model alone adds ~150 MB and a
// second of start-up that `export` or `query` would carry for nothing (bench:export measured it).

function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number from 0 to 65535.');
  return n;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1.');
  return n;
}

export function buildProgram(): Command {
  const program = new Command('newsgraph')
    .description('Turn news articles into an evidence-linked Neo4j graph and explore it in the browser.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError()
    .addHelpText(
      'after',
      `
Neo4j: with NEO4J_URI unset, newsgraph starts an embedded Neo4j Community (Java 17+) with its data in
$NEWSGRAPH_DATA/neo4j (default .data/neo4j). Set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use your own.
Access control: NEWSGRAPH_AUTH=on (or serve --auth) asks every API call for a token (see \`newsgraph tokens\`);
it is required to listen on an address other machines can reach.`,
    );

  program
    .command('serve')
    .description('start Neo4j (unless NEO4J_URI is set), apply the schema and serve the explorer and API')
    .option('-p, --port <port>', 'HTTP port (default: $PORT or 3000; 0 picks a free one)', portNumber)
    .option('--host <host>', 'address to bind (default: $HOST or 127.0.0.1)')
    .option('--no-seed', 'do not load the example articles in seeds/ into an empty database')
    .option('--init', "use a Neo4j that holds other data: add newsgraph's schema (on its :Newsgraph label only); the examples are never loaded there")
    .option('--auth', 'turn access control on, as NEWSGRAPH_AUTH=on: every API call needs a token (see `newsgraph tokens`)')
    .addHelpText(
      'after',
      `
Off this machine only with access control: a non-loopback --host (0.0.0.0, ::, a LAN address) without
--auth or NEWSGRAPH_AUTH=on refuses to start (error AUTH_REQUIRED). Then create a token:
  newsgraph tokens create --role admin
Requests must name this server by a known Host: the loopback names, the address it listens on, and
NEWSGRAPH_ALLOWED_HOSTS (comma-separated names; * for any).`,
    )
    .action(async (options: { port?: number; host?: string; seed: boolean; auth?: boolean; init?: boolean }) => (await import('./serve.js')).serve(options));

  program
    .command('neo4j')
    .description('run only the embedded Neo4j and print how to connect to it, until Ctrl-C')
    .option('--port <port>', 'Bolt port (default: $NEO4J_BOLT_PORT or 7687; 0 picks a free one)', portNumber)
    .option('--data <dir>', 'data folder (default: $NEWSGRAPH_DATA or .data)')
    .action(async (options: { port?: number; data?: string }) => (await import('./neo4j.js')).runNeo4j(options));

  program
    .command('extract')
    .description('extract people, institutions, places, interactions and allegations from articles (no database needed)')
    .argument('<paths...>', 'article files (.txt, .md, .html) or folders of them')
    .option('--json', 'print the result as JSON ({"documents":[…],"errors":[…]})')
    .addHelpText('after', '\nExtracts on one thread per core, in the order given; NEWSGRAPH_EXTRACT_WORKERS sets how many (0: one thread).')
    .action(async (paths: string[], options: { json?: boolean }) => (await import('./extract.js')).extractCommand(paths, options));

  program
    .command('load')
    .description('extract articles and write them into Neo4j; reloading changes nothing, a changed file replaces its own data')
    .argument('<paths...>', 'article files (.txt, .md, .html) or folders of them')
    .option('--dry-run', 'extract and resolve, print what would be written, write nothing')
    .option('--reset', "delete newsgraph's nodes first, never other data (asks for confirmation)")
    .option('--init', "use a Neo4j that holds other data: add newsgraph's schema (on its :Newsgraph label only) and load beside that data")
    .option('-y, --yes', 'do not ask before --reset')
    .option('--batch-size <n>', 'documents per transaction (default 200)', positiveInteger)
    .option('--json', 'print the summary as JSON')
    .action(async (paths: string[], options: LoadCommandOptions) => (await import('./load.js')).loadCommand(paths, options));

  program
    .command('query')
    .description('run a read-only Cypher query (the same guard as the API: writes, LOAD CSV and admin commands are refused; 5 s, 10,000 rows, 50 MB)')
    .argument('<cypher>', 'the query')
    .option('--param <name=value>', 'a query parameter; repeat for more (JSON values allowed)', (v: string, all: string[] = []) => [...all, v])
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .action(async (cypher: string, options: { param?: string[]; format?: QueryFormat }) => (await import('./query.js')).queryCommand(cypher, options));

  program
    .command('export')
    .description('export a subgraph: the whole graph, a neighbourhood, a path or a query result, as a file for other tools')
    .addOption(
      new Option(
        '--format <format>',
        'json (newsgraph JSON), evidence (JSON with evidence and documents), graphml, gexf, csv (zip for neo4j-admin import), cypher (script)',
      )
        .choices([...EXPORT_FORMATS])
        .makeOptionMandatory(),
    )
    .option('--all', 'the whole graph, documents included')
    .option('--around <name>', 'an entity (name, alias or id) and its neighbourhood')
    .option('--depth <n>', 'with --around: links away from it, 1 to 3 (default 1)', positiveInteger)
    .option('--from <name>', 'with --to: the shortest paths between two entities')
    .option('--to <name>', 'the other end of the paths')
    .option('--max-length <n>', 'with --from/--to: the longest path, in links (default 4, at most 6)', positiveInteger)
    .option('--cypher <query>', 'what a read-only Cypher query returns (same guard as `query`)')
    .option('--param <name=value>', 'with --cypher: a query parameter; repeat for more', (v: string, all: string[] = []) => [...all, v])
    .option('--out <file>', 'where to write; - for stdout (default: a file named after the scope, in this folder)')
    .addHelpText(
      'after',
      `
Examples:
  newsgraph export --format graphml --around "Antony Blinken" --depth 1 --out blinken.graphml
  newsgraph export --format csv --all --out graph.csv.zip
  newsgraph export --format cypher --cypher "MATCH p=(:Person)-[:MET]->() RETURN p" --out met.cypher`,
    )
    .action(async (options: ExportCommandOptions) => (await import('./export.js')).exportCommand(options));

  const tokens = program
    .command('tokens')
    .description('manage the access tokens of a server with access control on (NEWSGRAPH_AUTH=on or serve --auth)')
    .addHelpText(
      'after',
      `
Roles: reader (every read: search, graph, documents, Cypher console, export) < editor (also writes) < admin.
Tokens are stored in Neo4j as SHA-256 hashes: a token is shown once, when created, and never again.
They reach Neo4j as the other commands do: the running newsgraph's embedded Neo4j, or NEO4J_URI.`,
    );
  tokens
    .command('create')
    .description('create a token and print it, once')
    .addOption(new Option('--role <role>', 'what the token may do').choices([...ROLES]).makeOptionMandatory())
    .option('--name <name>', 'who or what the token is for, shown by `tokens list`')
    .option('--json', 'print {"token","id","role","name"} as JSON')
    .action(async (options: { role: Role; name?: string; json?: boolean }) => (await import('./tokens.js')).createTokenCommand(options));
  tokens
    .command('list')
    .description('list the tokens: id, name, role, created, last used, revoked (never the tokens themselves)')
    .option('--json', 'print {"tokens":[…]} as JSON')
    .action(async (options: { json?: boolean }) => (await import('./tokens.js')).listTokensCommand(options));
  tokens
    .command('revoke')
    .description('revoke a token at once: it no longer signs in, and sessions made with it end')
    .argument('<id>', "the token's id, from `tokens list`")
    .action(async (id: string) => (await import('./tokens.js')).revokeTokenCommand(id));

  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    reportError(err);
  }
}
