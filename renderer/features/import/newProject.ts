import type { Project } from '../../../shared/model/index.ts';

/** A new, empty project for appeals imported from a file; its codebook is written later. */
export function newProjectFor(name: string): Project {
  return {
    id: `p-${crypto.randomUUID()}`,
    name,
    languages: ['kk', 'ru', 'en'],
    createdAt: new Date().toISOString(),
    demo: false,
  };
}
