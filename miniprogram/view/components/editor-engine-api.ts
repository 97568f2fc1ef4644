/**
 * What the separately loaded Quill bundle (editor-engine.ts, built to /__wx/runtime/editor.js) gives the view:
 * one engine per <editor>. This file holds types only, so view.js never pulls Quill in; Quill is parsed only
 * on pages that show an <editor>.
 */

/** a Quill Delta as plain data (what WeChat's editor hands to the logic layer) */
export interface DeltaData {
  ops: Array<Record<string, unknown>>;
}

/** getContents' result and the detail of bindinput / bindfocus / bindblur */
export interface EditorContents {
  html: string;
  text: string;
  delta: DeltaData;
}

/** insertImage's options once the view has resolved `src` to a URL */
export interface EditorImage {
  src: string;
  alt?: string;
  width?: string;
  height?: string;
  extClass?: string;
  /** `data` serialised as WeChat documents it: name=value;name1=value2 (the img's data-custom) */
  custom?: string;
  nowrap?: boolean;
}

export interface EditorEngineEvents {
  /** the content changed (typing, a paste, or a context method) */
  change(): void;
  /** the formats at the cursor may differ (the cursor moved or the content around it changed) */
  selection(): void;
  focus(): void;
  blur(): void;
}

export interface EditorEngine {
  contents(): EditorContents;
  /** the formats at the current selection, WeChat's statuschange detail; {} when nothing is selected */
  formats(): Record<string, unknown>;
  setPlaceholder(text: string): void;
  setReadOnly(readOnly: boolean): void;
  /** WeChat's format(name, value): setting a format the selection already has removes it */
  format(name: string, value: unknown): void;
  insertDivider(): void;
  insertImage(image: EditorImage): void;
  insertText(text: string): void;
  setDelta(delta: unknown): void;
  /** HTML already sanitised by the view */
  setHtml(html: string): void;
  clear(): void;
  removeFormat(): void;
  undo(): void;
  redo(): void;
  blur(): void;
  scrollIntoView(): void;
  selectionText(): string;
}

export interface EditorEngineFactory {
  create(container: HTMLElement, options: { placeholder: string; readOnly: boolean }, events: EditorEngineEvents): EditorEngine;
}

/** the global the bundle sets when it has run */
export const EDITOR_ENGINE_GLOBAL = '__wxEditorEngine';
