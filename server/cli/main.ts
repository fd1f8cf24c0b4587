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
    .argument('<paths...>', 'article files (.txt, .md, .html), folders of them, or http(s) URLs of pages')
    .option('--dry-run', 'extract and resolve, print what would be written, write nothing')
    .option('--reset', "delete newsgraph's nodes first, never other data (asks for confirmation)")
    .option('--init', "use a Neo4j that holds other data: add newsgraph's schema (on its :Newsgraph label only) and load beside that data")
    .option('-y, --yes', 'do not ask before --reset')
    .option('--batch-size <n>', 'documents per transaction (default 200)', positiveInteger)
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nAn http(s) URL is fetched (15 s, 10 MB, HTML or text only) and read as its article, the page around it left out.\n' +
        'Private, loopback and link-local addresses are refused unless NEWSGRAPH_FETCH_ALLOW names them (hosts or networks,\n' +
        'comma-separated, e.g. NEWSGRAPH_FETCH_ALLOW=127.0.0.1,intranet.example,10.0.0.0/8). Quote URLs with ? or &.',
    )
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
    .option('--since <date>', 'any scope: only links with evidence published on or after this day (YYYY-MM-DD) or instant, and what they reach')
    .option('--until <date>', "any scope: the same, on or before this day or instant (--from/--to name a path's ends)")
    .option('--out <file>', 'where to write; - for stdout (default: a file named after the scope, in this folder)')
    .addHelpText(
      'after',
      `
Examples:
  newsgraph export --format graphml --around "Antony Blinken" --depth 1 --out blinken.graphml
  newsgraph export --format csv --all --out graph.csv.zip
  newsgraph export --format gexf --all --since 2024-02-01 --until 2024-02-29 --out february.gexf
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

  const curate = program
    .command('curate')
    .description('correct the graph: merge, split, edit, reject and restore entities and links; every correction is logged and kept across reloads')
    .addHelpText(
      'after',
      `
Entities are named by id (person:sergei-lavrov) or by a name as written ("Sergei Lavrov"). Every
correction needs --reason, is recorded with who made it and when, and is applied again by every load.
They reach Neo4j as the other commands do: the running newsgraph's embedded Neo4j, or NEO4J_URI.

Examples:
  newsgraph curate duplicates --category person
  newsgraph curate merge "Sergei Lavrov" "Sergey Lavrov" --reason "one minister, two spellings"
  newsgraph curate split person:sergei-lavrov --alias "Sergey Lavrov" --reason "two people after all"
  newsgraph curate reject place:unknown --reason "not a place"
  newsgraph curate log
  newsgraph curate revert c-1a2b3c4d5e6f --reason "merged by mistake"`,
    );
  const reason = () => new Option('--reason <text>', 'why: kept in the corrections log').makeOptionMandatory();
  curate
    .command('duplicates')
    .description('suggested duplicates: entities of one kind likely the same, best first, with the reasons')
    .addOption(new Option('--category <category>', 'only this kind').choices(['person', 'institution', 'place']))
    .option('--limit <n>', 'suggestions at most (default 50)', positiveInteger)
    .option('--json', 'print {"suggestions":[…]} as JSON')
    .action(async (options: { category?: 'person' | 'institution' | 'place'; limit?: number; json?: boolean }) =>
      (await import('./curate.js')).duplicatesCommand(options),
    );
  curate
    .command('merge')
    .description('merge entities of one kind into the first: every name, mention and link with its evidence kept')
    .argument('<entities...>', 'two or more ids or names')
    .addOption(reason())
    .option('--name <name>', "the merged entity's name (default: the first one's)")
    .option('--json', 'print the correction as JSON')
    .action(async (entities: string[], options: { reason: string; name?: string; json?: boolean }) =>
      (await import('./curate.js')).mergeCommand(entities, options),
    );
  curate
    .command('split')
    .description('split names off an entity into a new one, with the mentions and evidence written with them')
    .argument('<entity>', 'id or name')
    .addOption(new Option('--alias <name...>', 'a name that leaves (repeatable)').makeOptionMandatory())
    .addOption(reason())
    .option('--name <name>', "the new entity's name (default: the first alias)")
    .option('--json', 'print the correction as JSON')
    .action(async (entity: string, options: { alias: string[]; reason: string; name?: string; json?: boolean }) =>
      (await import('./curate.js')).splitCommand(entity, options),
    );
  curate
    .command('edit')
    .description("change an entity's canonical name, category or institution kind")
    .argument('<entity>', 'id or name')
    .option('--name <name>', 'the new canonical name (the old one stays as an alias)')
    .addOption(new Option('--category <category>', 'person, institution or place').choices(['person', 'institution', 'place']))
    .option('--kind <kind>', "an institution's kind; an empty string clears it")
    .addOption(reason())
    .option('--json', 'print the correction as JSON')
    .action(async (entity: string, options: { name?: string; category?: 'person' | 'institution' | 'place'; kind?: string; reason: string; json?: boolean }) =>
      (await import('./curate.js')).editCommand(entity, options),
    );
  curate
    .command('reject')
    .description('hide a false entity, allegation or link from the graph (never deleted; `restore` brings it back)')
    .argument('<target>', "an entity's id or name, an allegation's id, or a link's key from the API")
    .addOption(reason())
    .option('--json', 'print the correction as JSON')
    .action(async (target: string, options: { reason: string; json?: boolean }) => (await import('./curate.js')).rejectCommand(target, options));
  curate
    .command('restore')
    .description('undo the reject of an entity, allegation or link')
    .argument('<target>', 'as for reject')
    .addOption(reason())
    .option('--json', 'print the correction as JSON')
    .action(async (target: string, options: { reason: string; json?: boolean }) => (await import('./curate.js')).restoreCommand(target, options));
  curate
    .command('distinct')
    .description('two entities are not the same: the pair is never suggested again')
    .argument('<a>', 'id or name')
    .argument('<b>', 'id or name')
    .addOption(reason())
    .option('--json', 'print the correction as JSON')
    .action(async (a: string, b: string, options: { reason: string; json?: boolean }) => (await import('./curate.js')).distinctCommand(a, b, options));
  curate
    .command('log')
    .description('the corrections, newest first: id, when, who, what, why')
    .option('--limit <n>', 'corrections at most (default 50)', positiveInteger, 50)
    .option('--json', 'print {"total","corrections":[…]} as JSON')
    .action(async (options: { limit: number; json?: boolean }) => (await import('./curate.js')).logCommand(options));
  curate
    .command('revert')
    .description('revert a correction: the graph as if it had not been made (it stays in the log, marked)')
    .argument('<id>', "the correction's id, from `curate log`")
    .addOption(reason())
    .option('--json', 'print the correction as JSON')
    .action(async (id: string, options: { reason: string; json?: boolean }) => (await import('./curate.js')).revertCommand(id, options));

  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    reportError(err);
  }
}
