/* eslint-disable @typescript-eslint/no-explicit-any -- what Framework resolves before a cell sees it has no static type */
// What Observable Framework 1.13 gives every page's cells, for type-checking them (see
// scripts/check-pages.ts). Framework resolves a promise or a generator a cell declares before other
// cells see it, which TypeScript cannot model: such values (view, Generators, Mutable) are `any`.
import type * as PlotModule from "@observablehq/plot";
import type * as d3Module from "d3";

declare global {
  interface FrameworkFileAttachment {
    readonly name: string;
    readonly mimeType: string;
    readonly href: string;
    url(): Promise<string>;
    text(encoding?: string): Promise<string>;
    json(): Promise<any>;
    arrayBuffer(): Promise<ArrayBuffer>;
    blob(): Promise<Blob>;
    stream(): Promise<ReadableStream<Uint8Array>>;
    csv(options?: {typed?: boolean | "auto"; array?: boolean}): Promise<any[]>;
    tsv(options?: {typed?: boolean | "auto"; array?: boolean}): Promise<any[]>;
    image(props?: Partial<HTMLImageElement>): Promise<HTMLImageElement>;
    arrow(): Promise<any>;
    parquet(): Promise<any>;
    xlsx(): Promise<any>;
    zip(): Promise<any>;
    html(): Promise<Document>;
    xml(): Promise<Document>;
  }
  const FileAttachment: (name: string) => FrameworkFileAttachment;
  function display<T>(value: T): T;
  function view(element: Element): any;
  const width: number;
  const dark: boolean;
  const now: number;
  const invalidation: Promise<void>;
  function visibility(): Promise<void>;
  function resize(render: (width: number, height: number) => unknown, invalidation?: Promise<void>): HTMLElement;
  function Mutable<T>(value: T): any;
  const Generators: {
    input(element: Element): any;
    observe<T>(initialize: (notify: (value: T) => void) => void | (() => void)): any;
    queue<T>(initialize: (notify: (value: T) => void) => void | (() => void)): any;
    width(element: Element): any;
    dark(): any;
    now(): any;
  };
  const html: (strings: TemplateStringsArray, ...values: unknown[]) => any;
  const svg: (strings: TemplateStringsArray, ...values: unknown[]) => any;
  const Plot: typeof PlotModule;
  const d3: typeof d3Module;
  const Inputs: any;
  const md: (strings: TemplateStringsArray, ...values: unknown[]) => any;
  const tex: any;
  const aq: any;
  const Arrow: any;
  const DuckDBClient: any;
  const sql: any;
  const katex: any;
  /** A parameterized page's parameters (src/reports/[scenario].md). */
  const observable: {params: Record<string, string>};
}
