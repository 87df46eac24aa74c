import type { Appeal, Codebook, Coding, Consensus, Project } from '../../../shared/model/index.ts';

/** A small project written straight to the tables, independent of the demo generator. */
export function project(id: string): Project {
  return { id, name: `Project ${id}`, languages: ['en'], createdAt: '2019-08-01T00:00:00.000Z', demo: false };
}

export function appeal(projectId: string, id: string, order: number): Appeal {
  return { projectId, id, text: `Text of ${id}`, meta: { region: 'almaty_city' }, order };
}

export function codebook(projectId: string, version: number): Codebook {
  return {
    projectId,
    version,
    hash: String(version).repeat(64).slice(0, 64),
    variables: [],
    merges: [],
    updatedAt: '2019-08-01T00:00:00.000Z',
  };
}

export function coding(
  projectId: string,
  coderId: string,
  appealId: string,
  variableId: string,
  values: string[],
): Coding {
  return {
    projectId,
    coderId,
    appealId,
    variableId,
    values,
    unsure: false,
    updatedAt: '2019-08-02T00:00:00.000Z',
    codebookVersion: 1,
  };
}

export function consensus(projectId: string, appealId: string, variableId: string): Consensus {
  return {
    projectId,
    appealId,
    variableId,
    values: ['x'],
    method: 'agreed',
    by: 'me',
    at: '2019-08-03T00:00:00.000Z',
  };
}
