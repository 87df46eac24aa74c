/**
 * The IndexedDB stores of earlier releases, as each declared them with Dexie: a database such a
 * release left is seeded with these (in jsdom and in Chromium) and opened by the current one.
 * Copied, not imported from renderer/db/db.ts: they are what was released.
 */
export const VERSION_4_STORES = {
  projects: 'id, createdAt',
  appeals:
    '[projectId+id], [projectId+order], [projectId+meta.region], [projectId+meta.date], [projectId+meta.addressee]',
  codebooks: '[projectId+version], projectId',
  coders: 'id',
  codings:
    '[projectId+coderId+appealId+variableId], [projectId+coderId], [projectId+coderId+appealId], [projectId+appealId], [projectId+variableId], updatedAt',
  consensus: '[projectId+appealId+variableId], projectId, [projectId+variableId]',
  imports: 'id, projectId, [projectId+fileHash]',
  importMappings: 'layout',
  reviews: '[projectId+appealId+variableId], projectId',
  trainingSets: '[projectId+id], projectId',
};

/** Version 5, the release before the backups table (version 6): cleared codings in their own table. */
export const VERSION_5_STORES = {
  ...VERSION_4_STORES,
  clearedCodings: '[projectId+coderId+appealId+variableId], [projectId+coderId+appealId]',
};

/** Version 6, the release before the answer blocks (version 7): the backups table. */
export const VERSION_6_STORES = { ...VERSION_5_STORES, backups: 'projectId' };

/** Version 8, the release before the codings lost the indexes a key range serves (version 9). */
export const VERSION_8_STORES = {
  ...VERSION_6_STORES,
  answerBlocks: '[projectId+variableId+block]',
  codings:
    '[projectId+coderId+appealId+variableId], [projectId+coderId], [projectId+coderId+appealId], [projectId+appealId], [projectId+variableId], updatedAt, [projectId+coderId+updatedAt]',
};

/** Version 9, the release before version 10: one coding a row (then coding blocks), appeals with metadata indexes (then their columns). */
export const VERSION_9_STORES = {
  ...VERSION_8_STORES,
  codings: '[projectId+coderId+appealId+variableId], [projectId+variableId]',
  coderEdits: '[projectId+coderId]',
};

/** Version 11: the codings in each coder's blocks, the appeals one to a row beside their columns. */
export const VERSION_11_STORES = {
  ...VERSION_9_STORES,
  codings: null,
  clearedCodings: null,
  codingBlocks: '[projectId+coderId+block]',
  appeals: '[projectId+id], [projectId+order]',
  appealColumns: '[projectId+chunk]',
};

/** Version 13: the appeals in blocks of orders, counted over their `keys` index. */
export const VERSION_13_STORES = {
  ...VERSION_11_STORES,
  appeals: null,
  appealBlocks: '[projectId+block], &*keys',
};
