import { callout } from './callout.ts';
import { check } from './check.ts';
import { figure } from './figure.ts';
import type { BlockKind } from './kind.ts';
import { popup } from './popup.ts';
import { reflect } from './reflect.ts';
import { regulation } from './regulation.ts';
import { video } from './video.ts';

// biome-ignore lint/suspicious/noExplicitAny: each kind has its own attribute type
export const blockKinds: ReadonlyArray<BlockKind<any>> = [
  popup,
  figure,
  video,
  regulation,
  callout,
  check,
  reflect,
];

// biome-ignore lint/suspicious/noExplicitAny: each kind has its own attribute type
export const blockKindByDirective: ReadonlyMap<string, BlockKind<any>> = new Map(
  blockKinds.map((kind) => [kind.directive, kind]),
);
