/**
 * The query editor: CodeMirror 6 with Neo4j's Cypher support (highlighting from its ANTLR lexer and
 * parser, keyword/label/type completion). Loaded on first use, as its own chunk: the Cypher parser
 * is most of the client's weight and most visits never open the console.
 */
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import { autocompletion, closeCompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { createCypherEditor } from '@neo4j-cypher/codemirror';
import { CypherEditorSupport, type EditorSupportSchema } from '@neo4j-cypher/editor-support';

export interface QueryEditor {
  readonly value: string;
  setValue(query: string): void;
  focus(): void;
  /** Labels, types and keys the completion offers. */
  setSchema(schema: { labels: string[]; relationshipTypes: string[]; propertyKeys: string[] }): void;
}

/** After these, only some kinds fit: `(n:` takes a label or type, `n.` a property key. */
const AFTER: Record<string, ReadonlySet<string>> = {
  ':': new Set(['label', 'relationshipType']),
  '.': new Set(['propertyKey']),
};

/**
 * Completion from the package's parser. Its own completion source replaces from the character before
 * the word, so that choosing a label after `(n:` ate the colon (`(nPerson)`); this one replaces the
 * word only, and lets CodeMirror filter by it.
 */
function cypherCompletions(support: CypherEditorSupport) {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/\w*/)!;
    const only = AFTER[context.state.sliceDoc(word.from - 1, word.from)];
    if (word.from === word.to && !context.explicit && !only) return null;
    support.update(context.state.doc.toString());
    const line = context.state.doc.lineAt(context.pos);
    // Lines count from 1, columns from 0.
    const { items } = support.getCompletion(line.number, context.pos - line.from, false);
    const options: Completion[] = items
      // A word already typed in full is no suggestion: the list would only hide what is below.
      .filter((item) => (!only || only.has(item.type)) && (context.explicit || item.view !== word.text))
      .map((item) => ({ label: item.view, apply: item.content, type: item.type, ...(item.postfix ? { detail: item.postfix } : {}) }));
    return options.length ? { from: word.from, options, validFor: /^\w*$/ } : null;
  };
}

export function createQueryEditor(parent: HTMLElement, { run, value = '' }: { run: () => void; value?: string }): QueryEditor {
  const completionSupport = new CypherEditorSupport('');
  const { editor } = createCypherEditor(parent, {
    value,
    autofocus: false,
    // Tab leaves the editor, as everywhere else on the page; indenting Cypher is not worth a keyboard trap.
    tabKey: false,
    lineWrapping: true,
    // A thin caret, as in the page's other fields (the package defaults to a block).
    cursorWide: false,
    // The package's parser knows Cypher 4: its lint flags valid Cypher 5 (COUNT { }, CALL (x) { }) as errors.
    lint: false,
    // Its completion source is replaced by cypherCompletions, below.
    autocomplete: false,
    placeholder: 'MATCH (p:Person)-[r]-(q) RETURN p, r, q LIMIT 25',
    preExtensions: [
      // Above the default keymap, where Mod-Enter would insert a line.
      Prec.highest(
        keymap.of([
          {
            key: 'Mod-Enter',
            run: (view) => {
              closeCompletion(view);
              run();
              return true;
            },
            preventDefault: true,
          },
        ]),
      ),
      EditorView.contentAttributes.of({ 'aria-label': 'Cypher query', 'aria-multiline': 'true' }),
    ],
    postExtensions: [autocompletion({ override: [cypherCompletions(completionSupport)] })],
  });
  const codemirror = editor.codemirror;
  return {
    get value() {
      return codemirror.state.doc.toString();
    },
    setValue(query) {
      editor.setValue(query);
      editor.setPosition(query.length);
    },
    focus: () => editor.focus(),
    setSchema: (schema: EditorSupportSchema) => {
      editor.setSchema(schema);
      completionSupport.setSchema(schema);
    },
  };
}
