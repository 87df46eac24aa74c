import { describe, expect, it } from 'vitest';
import { createDemoProject, DEMO_CODERS } from '../../../shared/demo/index.ts';
import { buildCoderFile, serializeCoderFile } from '../../../shared/formats/coderFile.ts';
import {
  demoCoderFiles,
  mergeCoderFiles,
  problemText,
  type FileReport,
  type MergeTarget,
} from '../../../shared/merge/index.ts';
import { codebookHash, type Codebook, type Coding } from '../../../shared/model/index.ts';

const demo = createDemoProject();
const target: MergeTarget = {
  projectId: demo.project.id,
  codebooks: [demo.codebook],
  appealIds: new Set(demo.appeals.map((a) => a.id)),
};
const [aigerimFile, dmitryFile] = demoCoderFiles();
const AT = '2026-11-27T10:00:00.000Z';

function fileOf(codings: Coding[], codebook: Codebook = demo.codebook, coder = DEMO_CODERS[0]!) {
  return { name: 'x.json', text: serializeCoderFile(buildCoderFile(coder, codebook, codings, AT)) };
}
const refused = (report: FileReport | undefined) => (report?.status === 'refused' ? report.problem : null);

describe('mergeCoderFiles', () => {
  it('merges the two demo coder files into an empty project: 4 variables × (68 overlap + own share) appeals each', () => {
    const outcome = mergeCoderFiles(target, [], [aigerimFile!, dmitryFile!]);
    expect(outcome.reports).toEqual([
      {
        fileName: 'aigerim.kodtau-coder.json',
        status: 'merged',
        coder: DEMO_CODERS[0],
        added: 820,
        updated: 0,
        unchanged: 0,
      },
      {
        fileName: 'dmitry.kodtau-coder.json',
        status: 'merged',
        coder: DEMO_CODERS[1],
        added: 816,
        updated: 0,
        unchanged: 0,
      },
    ]);
    expect(outcome.changed).toHaveLength(1636);
    expect(outcome.coders).toEqual([...DEMO_CODERS]);
  });

  it('changes nothing when the same files come again, in any order', () => {
    const first = mergeCoderFiles(target, [], [aigerimFile!, dmitryFile!]).changed;
    const again = mergeCoderFiles(target, first, [dmitryFile!, aigerimFile!, aigerimFile!]);
    expect(again.changed).toEqual([]);
    expect(again.reports.map((r) => (r.status === 'merged' ? r.unchanged : -1))).toEqual([816, 820, 820]);
  });

  it('lets a later edit win and reports it as updated, flagging a changed answer', () => {
    const own = demo.codings.filter((c) => c.coderId === DEMO_CODERS[0]!.id);
    const edited = own.map((c, i) => (i === 0 ? { ...c, values: ['other'], updatedAt: AT } : c));
    const outcome = mergeCoderFiles(target, demo.codings, [fileOf(edited)]);
    expect(outcome.reports[0]).toMatchObject({ status: 'merged', added: 0, updated: 1, unchanged: 819 });
    expect(outcome.changed).toEqual([edited[0]]);
    expect(outcome.revised).toEqual([{ before: own[0], after: edited[0] }]);
  });

  it('knows a coder by id: a renamed coder’s codings are theirs, under the new name', () => {
    const own = demo.codings.filter((c) => c.coderId === DEMO_CODERS[0]!.id);
    const renamed = { id: DEMO_CODERS[0]!.id, name: 'Әйгерім Н.' };
    const outcome = mergeCoderFiles(target, demo.codings, [fileOf(own, demo.codebook, renamed)]);
    expect(outcome.reports[0]).toMatchObject({ status: 'merged', added: 0, unchanged: 820 });
    expect(outcome.coders).toEqual([renamed]);
  });

  it('merges a file coded under an older codebook through the recorded category merges', () => {
    // Version 2 merges body "bailiffs" into "courts" and retires nothing else.
    const v2Content = {
      variables: demo.codebook.variables.map((v) =>
        v.id === 'body' ? { ...v, categories: v.categories.filter((c) => c.code !== 'bailiffs') } : v,
      ),
      merges: [{ variableId: 'body', from: 'bailiffs', into: 'courts', version: 2 }],
    };
    const v2: Codebook = { ...demo.codebook, version: 2, hash: codebookHash(v2Content), ...v2Content };
    const withBailiffs: Coding = {
      ...demo.codings[0]!,
      appealId: demo.appeals[100]!.id,
      variableId: 'body',
      values: ['bailiffs', 'courts', 'police'],
    };
    const oldFile = fileOf([withBailiffs]);
    const outcome = mergeCoderFiles({ ...target, codebooks: [demo.codebook, v2] }, [], [oldFile]);
    expect(outcome.changed).toEqual([{ ...withBailiffs, values: ['courts', 'police'] }]);
    // The same file against a project that knows only version 2: an unknown codebook.
    const unknown = mergeCoderFiles({ ...target, codebooks: [v2] }, [], [oldFile]);
    expect(refused(unknown.reports[0])).toEqual({
      code: 'unknown-codebook',
      version: 1,
      hash: demo.codebook.hash,
    });
    expect(problemText(refused(unknown.reports[0])!)).toMatch(
      /codebook this project does not know \(version 1/,
    );
  });

  it('keeps codes of retired categories: they are hidden from coding, not removed from the data', () => {
    const retiredContent = {
      variables: demo.codebook.variables.map((v) =>
        v.id === 'response'
          ? { ...v, categories: v.categories.map((c, i) => (i === 0 ? { ...c, retired: true } : c)) }
          : v,
      ),
      merges: [],
    };
    const v2: Codebook = {
      ...demo.codebook,
      version: 2,
      hash: codebookHash(retiredContent),
      ...retiredContent,
    };
    const code = v2.variables.find((v) => v.id === 'response')!.categories[0]!.code;
    const coding: Coding = {
      ...demo.codings[0]!,
      appealId: demo.appeals[100]!.id,
      variableId: 'response',
      values: [code],
    };
    const outcome = mergeCoderFiles({ ...target, codebooks: [demo.codebook, v2] }, [], [fileOf([coding])]);
    expect(outcome.changed).toEqual([coding]);
  });

  it('refuses a whole file, changing nothing, for another project, an unknown appeal or category, damage', () => {
    const own = demo.codings.filter((c) => c.coderId === DEMO_CODERS[0]!.id);
    const notHers = demo.appeals.find((a) => !own.some((c) => c.appealId === a.id))!;
    const other = { ...demo.codebook, projectId: 'another' };
    const cases: [{ name: string; text: string }, string][] = [
      [
        fileOf(
          own.map((c) => ({ ...c, projectId: 'another' })),
          other,
        ),
        'other-project',
      ],
      [fileOf([...own, { ...own[0]!, appealId: 'nope' }]), 'unknown-appeal'],
      [fileOf([...own, { ...own[0]!, variableId: 'nope' }]), 'unknown-variable'],
      [fileOf([...own, { ...own[0]!, appealId: notHers.id, values: ['nope'] }]), 'unknown-category'],
      [{ name: 'cut.json', text: aigerimFile!.text.slice(0, 500) }, 'not-json'],
    ];
    for (const [file, code] of cases) {
      const outcome = mergeCoderFiles(target, [], [file, dmitryFile!]);
      expect(refused(outcome.reports[0])?.code).toBe(code);
      // The good file next to it still merges; nothing of the refused one does.
      expect(outcome.changed.every((c) => c.coderId === DEMO_CODERS[1]!.id)).toBe(true);
      expect(outcome.changed).toHaveLength(816);
    }
  });
});
