/**
 * The part of @neo4j-cypher/codemirror 1.0.3 the console uses. The package ships typings that
 * TypeScript cannot reach through its `exports` map, and they say createCypherEditor returns the
 * editor API when its code returns `{ editor }`: these follow the code.
 */
declare module '@neo4j-cypher/codemirror' {
  import type { Extension } from '@codemirror/state';
  import type { EditorView } from '@codemirror/view';

  export interface EditorSchema {
    labels?: string[];
    relationshipTypes?: string[];
    propertyKeys?: string[];
  }

  export interface EditorApi {
    codemirror: EditorView;
    focus(): void;
    setValue(value?: string, parseOnSetValue?: boolean): void;
    setPosition(position?: number | { line: number; column: number }, scrollIntoView?: boolean): void;
    setSchema(schema?: EditorSchema): void;
    destroy(): void;
  }

  export interface EditorOptions {
    value?: string;
    autofocus?: boolean;
    autocomplete?: boolean;
    cursorWide?: boolean;
    lineNumbers?: boolean;
    lineWrapping?: boolean;
    lint?: boolean;
    placeholder?: string;
    schema?: EditorSchema;
    tabKey?: boolean;
    theme?: 'light' | 'dark' | 'auto';
    preExtensions?: Extension[];
    postExtensions?: Extension[];
  }

  export function createCypherEditor(parent: Element | DocumentFragment, options?: EditorOptions): { editor: EditorApi };
}
