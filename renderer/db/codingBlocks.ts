import type { Coding } from '../../shared/model/index.ts';
import { blockOf, groupCodings } from './answerBlocks.ts';

export type CodingBlockKey = [projectId: string, coderId: string, block: number];

/**
 * One coder's codings of the appeals whose id falls in `block` (see `blockOf`): answers and
 * cleared ones (tombstones) together, by appeal, then variable (code-unit order). IndexedDB's
 * time goes by rows, not bytes: a merge of 1.2 M codings writes 768 of these where one row a
 * coding took minutes.
 */
export interface CodingBlock {
  projectId: string;
  coderId: string;
  block: number;
  codings: Coding[];
}

export const codingBlockKeyOf = (c: Pick<Coding, 'projectId' | 'coderId' | 'appealId'>): CodingBlockKey => [
  c.projectId,
  c.coderId,
  blockOf(c.appealId),
];

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The fixed order of a block's codings: by appeal, then variable. */
export const byUnit = (a: Coding, b: Coding) =>
  byCodeUnit(a.appealId, b.appealId) || byCodeUnit(a.variableId, b.variableId);

/** A block while codings are applied to it: appeal and variable → coding (a later one wins). */
export class OpenCodingBlock {
  private readonly codings = new Map<string, Coding>();

  constructor(
    readonly key: CodingBlockKey,
    row?: CodingBlock,
  ) {
    for (const coding of row?.codings ?? []) this.add(coding);
  }

  /** Puts a coding in place of the one of its unit: an answer replaces a clearing and vice versa. */
  add(coding: Coding): void {
    this.codings.set(`${coding.appealId}\u0000${coding.variableId}`, coding);
  }

  close(): CodingBlock {
    const [projectId, coderId, block] = this.key;
    return { projectId, coderId, block, codings: [...this.codings.values()].sort(byUnit) };
  }
}

/** Groups codings by their coder's block, in the order given (a later one wins). */
export const groupByBlock = (codings: Iterable<Coding>) => groupCodings(codings, codingBlockKeyOf);

/** Builds blocks from codings given one at a time (the version-10 upgrade). */
export class CodingBlockBuilder {
  private readonly blocks = new Map<string, OpenCodingBlock>();

  add(coding: Coding): void {
    const key = codingBlockKeyOf(coding);
    const id = key.join('\u0000');
    let block = this.blocks.get(id);
    if (!block) this.blocks.set(id, (block = new OpenCodingBlock(key)));
    block.add(coding);
  }

  build(): CodingBlock[] {
    return [...this.blocks.values()].map((block) => block.close());
  }
}
