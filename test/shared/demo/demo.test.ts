import { describe, expect, it } from 'vitest';
import {
  createDemoProject,
  DEMO_OVERLAP_SHARE,
  DEMO_PROJECT_ID,
  DEMO_PROJECT_NAMES,
  DEMO_SUPERVISOR,
} from '../../../shared/demo/index.ts';
import { countSentences } from '../../../shared/demo/appeals.ts';
import { KK_FRAGMENTS } from '../../../shared/demo/fragments.kk.ts';
import { RU_FRAGMENTS } from '../../../shared/demo/fragments.ts';
import { DEMO_REGIONS } from '../../../shared/demo/regions.ts';
import { SCENARIOS } from '../../../shared/demo/scenarios.ts';
import { frequencyTable } from '../../../shared/tables/frequencyTable.ts';
import { percentHalfUp } from '../../../shared/tables/roundHalfUp.ts';
import { finalStatusCounts, sourceValues } from '../../../shared/tables/tableSource.ts';
import {
  appealSchema,
  codebookHash,
  codebookSchema,
  codingSchema,
  consensusSchema,
  LANGS,
  projectSchema,
  type Coding,
} from '../../../shared/model/index.ts';

const demo = createDemoProject();
const { project, codebook, appeals, coders, codings, adjudication } = demo;

/** Appeals per region in the study's Table 2, as quoted in DESIGN.md (Almaty city 61 … Akmola 5; total 341). */
const TABLE_2: Record<string, number> = {
  'Almaty city': 61,
  'Astana city': 47,
  'Almaty region': 44,
  'Shymkent city': 29,
  'East Kazakhstan': 22,
  Turkestan: 22,
  Kyzylorda: 21,
  Karaganda: 17,
  Pavlodar: 15,
  'North Kazakhstan': 14,
  Atyrau: 9,
  Zhambyl: 8,
  Aktobe: 8,
  Kostanay: 7,
  Mangistau: 6,
  'West Kazakhstan': 6,
  Akmola: 5,
};

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;

/** Words that name each body (every one but "other"), in Russian or Kazakh. */
const BODY_WORDS: Record<string, RegExp> = {
  police: /полиц|участков|следовател|тергеуш|допрос|жауап алу/i,
  health:
    /больниц|поликлиник|врач|скорая|медсестр|операци|инвалидност|аурухана|емхана|дәрігер|жедел жәрдем|мейірбике|мүгедек/i,
  tax: /налог|доход|салық|кіріс/i,
  bailiffs: /исполнител|орындаушы/i,
  courts: /суд|сот/i,
  quasi_monopoly: /энерго|газ|ЦОН|водоканал|тепл|свет|ХҚКО|электр|су арнасы|жылу|жарық/i,
  akimat: /аким|әкім/i,
};

function variable(id: string) {
  const found = codebook.variables.find((v) => v.id === id);
  if (!found) throw new Error(`no variable ${id}`);
  return found;
}

describe('demo project', () => {
  it('is the synthetic Open Dialogue project, named in kk, ru and en', () => {
    expect(projectSchema.parse(project)).toEqual(project);
    expect(project).toMatchObject({ id: DEMO_PROJECT_ID, demo: true, languages: ['kk', 'ru', 'en'] });
    expect(DEMO_PROJECT_ID).toBe('demo-open-dialogue');
    expect(project.name).toBe('Open Dialogue: appeals to the Anti-Corruption Agency (synthetic)');
    expect(DEMO_PROJECT_NAMES.en).toBe(project.name);
    expect(DEMO_PROJECT_NAMES.kk).toMatch(KAZAKH_LETTERS);
    expect(DEMO_PROJECT_NAMES.ru).not.toMatch(KAZAKH_LETTERS);
  });

  it('is deterministic: every call builds equal, fresh data', () => {
    const again = createDemoProject();
    expect(again).toEqual(demo);
    expect(again.appeals).not.toBe(demo.appeals);
    expect(again.codebook.variables[0]).not.toBe(demo.codebook.variables[0]);
  });
});

describe('demo codebook', () => {
  it('is valid and carries its own hash, version 1', () => {
    expect(codebookSchema.parse(codebook)).toEqual(codebook);
    expect(codebook.version).toBe(1);
    expect(codebook.projectId).toBe(DEMO_PROJECT_ID);
    expect(codebook.hash).toBe(codebookHash(codebook));
  });

  it("has the study's four variables (DESIGN.md)", () => {
    expect(codebook.variables.map((v) => [v.id, v.kind, v.categories.length])).toEqual([
      ['reason', 'multi', 7],
      ['region', 'single', 17],
      ['body', 'multi', 8],
      ['response', 'single', 5],
    ]);
    expect(variable('reason').categories.map((c) => c.code)).toEqual([
      'corruption',
      'incompetence',
      'red_tape',
      'court',
      'abuse',
      'proposal',
      'other',
    ]);
    expect(
      variable('region')
        .categories.map((c) => c.label.en)
        .sort(),
    ).toEqual(Object.keys(TABLE_2).sort());
  });

  it('has a label and a definition in kk, ru and en for every variable and category', () => {
    for (const v of codebook.variables) {
      for (const lang of LANGS) {
        expect(v.label[lang], `${v.id} label ${lang}`).toBeTruthy();
        expect(v.definition[lang], `${v.id} definition ${lang}`).toBeTruthy();
      }
      for (const c of v.categories) {
        for (const lang of LANGS) {
          expect(c.label[lang], `${v.id}.${c.code} label ${lang}`).toBeTruthy();
          expect(c.definition[lang], `${v.id}.${c.code} definition ${lang}`).toBeTruthy();
          // Regions are told apart by their definitions; every other category has an example.
          if (v.id !== 'region') expect(c.examples[lang], `${v.id}.${c.code} example ${lang}`).toBeTruthy();
        }
        expect(c.label.kk).toMatch(/\S/);
        expect(c.label.ru).not.toMatch(KAZAKH_LETTERS);
      }
    }
  });

  it('gives each category a unique code, value 1..n, shortcut and colour within its variable', () => {
    for (const v of codebook.variables) {
      const unique = (values: readonly unknown[]) => new Set(values).size === values.length;
      expect(unique(v.categories.map((c) => c.code)), v.id).toBe(true);
      expect(v.categories.map((c) => c.value)).toEqual(v.categories.map((_, i) => i + 1));
      const shortcuts = v.categories.map((c) => c.shortcut);
      expect(
        shortcuts.every((s) => typeof s === 'string' && /^[1-9a-z]$/.test(s)),
        v.id,
      ).toBe(true);
      expect(unique(shortcuts), v.id).toBe(true);
      const colours = v.categories.map((c) => c.colour?.toLowerCase());
      expect(
        colours.every((c) => c !== undefined && /^#[0-9a-f]{6}$/.test(c)),
        v.id,
      ).toBe(true);
      expect(unique(colours), v.id).toBe(true);
    }
    expect(
      variable('region')
        .categories.map((c) => c.shortcut)
        .join(''),
    ).toBe('123456789abcdefgh');
  });
});

describe('demo fragments', () => {
  const languages = [
    ['ru', RU_FRAGMENTS, ['loc', 'gen', 'sum', 'period']],
    ['kk', KK_FRAGMENTS, ['loc', 'attr', 'gen', 'sum', 'period']],
  ] as const;
  const strings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : Object.values(value as object).flatMap(strings);

  it.each(languages)('in %s use their own letters and known placeholders only', (lang, fragments, slots) => {
    for (const text of strings(fragments)) {
      if (lang === 'kk' && text.length > 40) expect(text).toMatch(KAZAKH_LETTERS);
      if (lang === 'ru') expect(text).not.toMatch(KAZAKH_LETTERS);
      for (const [, slot] of text.matchAll(/\{(\w+)\}/g)) {
        expect([...slots, 'target'] as string[], text).toContain(slot);
      }
    }
  });

  it.each(languages)('in %s name the body each situation is about', (_, fragments) => {
    for (const scenario of SCENARIOS) {
      for (const core of fragments.core[scenario.id]) {
        for (const body of scenario.bodies)
          if (BODY_WORDS[body]) expect(core, body).toMatch(BODY_WORDS[body]);
      }
    }
  });
});

describe('demo appeals', () => {
  it('are 341 valid appeals with unique ids in source order', () => {
    expect(appeals).toHaveLength(341);
    for (const appeal of appeals) expect(appealSchema.parse(appeal)).toEqual(appeal);
    expect(new Set(appeals.map((a) => a.id)).size).toBe(341);
    expect(appeals.map((a) => a.order)).toEqual(appeals.map((_, i) => i));
    expect(appeals[0]?.id).toBe('OD-2019-0001');
    expect(appeals[340]?.id).toBe('OD-2019-0341');
    expect(appeals.every((a) => a.projectId === DEMO_PROJECT_ID)).toBe(true);
  });

  it("come from the regions exactly as in the study's Table 2 (DESIGN.md), not sorted by region", () => {
    const counts: Record<string, number> = {};
    for (const appeal of appeals) {
      const region = appeal.meta.region ?? '';
      counts[region] = (counts[region] ?? 0) + 1;
    }
    expect(counts).toEqual(TABLE_2);
    expect(Object.values(TABLE_2).reduce((a, b) => a + b, 0)).toBe(341);
    expect(appeals.slice(0, 61).every((a) => a.meta.region === 'Almaty city')).toBe(false);
  });

  it('are dated 1 August – 31 October 2019, in source order', () => {
    const dates = appeals.map((a) => a.meta.date ?? '');
    for (const date of dates) {
      expect(date).toMatch(/^2019-(08|09|10)-\d{2}$/);
      expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
    }
    expect([...dates].sort()).toEqual(dates);
    expect(dates[0]! >= '2019-08-01' && dates[340]! <= '2019-10-31').toBe(true);
  });

  it('are about 60 % Russian and 40 % Kazakh, each written in its own letters', () => {
    const ru = appeals.filter((a) => a.meta.language === 'ru');
    const kk = appeals.filter((a) => a.meta.language === 'kk');
    expect(ru.length + kk.length).toBe(341);
    expect(ru.length / 341).toBeCloseTo(0.6, 1);
    for (const appeal of kk) {
      expect(appeal.text, appeal.id).toMatch(KAZAKH_LETTERS);
      expect(appeal.meta.addressee).toMatch(KAZAKH_LETTERS);
      if (appeal.meta.reply) expect(appeal.meta.reply, appeal.id).toMatch(KAZAKH_LETTERS);
    }
    for (const appeal of ru) {
      expect(appeal.text, appeal.id).not.toMatch(KAZAKH_LETTERS);
      expect(appeal.meta.reply, appeal.id).not.toMatch(KAZAKH_LETTERS);
      expect(appeal.meta.addressee).toBe('Председатель Агентства по противодействию коррупции');
    }
  });

  it('are written by men and women (Russian verbs agree) and greet the Chairman', () => {
    const ru = appeals.filter((a) => a.meta.language === 'ru').map((a) => a.text);
    const kk = appeals.filter((a) => a.meta.language === 'kk').map((a) => a.text);
    // Forms only a woman writes of herself, and only a man.
    const hers = ru.filter((t) =>
      /я (подала|оплатила|записала|узнала|слышала)|соглас(на)|жительница|вынуждена|готова|благодарна/.test(t),
    );
    // (JavaScript's \b knows only Latin letters: the end of a Cyrillic word is "no letter follows".)
    const his = ru.filter((t) =>
      /(я (подал|оплатил|записал|узнал|слышал)|согласен|житель|вынужден|готов|благодарен)(?![а-яё])/.test(t),
    );
    expect(hers.length).toBeGreaterThan(5);
    expect(his.length).toBeGreaterThan(5);
    expect(ru.some((t) => /Председатель/.test(t))).toBe(true);
    expect(kk.some((t) => /Төраға/.test(t))).toBe(true);
    expect([...ru, ...kk].some((t) => /руководитель Агентства|Агенттік басшысы/.test(t))).toBe(false);
    // Kazakh as a native writes it: revenge is taken «менен» (ablative), a body camera is «бейнетіркегіш»,
    // «отношение» is not «көзқарас» (a point of view), «на совещании» is «жиналыста», and «не хватает
    // подписи» is not «қол жетпейді» (out of reach).
    expect(kk.some((t) => /маған кек|кеудеше|көзқарас|кеңесте отыр|қол жетпейді|азғыру/.test(t))).toBe(false);
  });

  it('have unique texts of 2–6 sentences, some in paragraphs, with every placeholder filled', () => {
    expect(new Set(appeals.map((a) => a.text)).size).toBe(341);
    for (const { id, text } of appeals) {
      const sentences = countSentences(text);
      expect(sentences, id).toBeGreaterThanOrEqual(2);
      expect(sentences, id).toBeLessThanOrEqual(6);
      expect(text, id).not.toMatch(/[{}]|\n{3}|^\s|\s$| {2}/);
      expect(text.charAt(0), id).toBe(text.charAt(0).toLocaleUpperCase());
    }
    expect(appeals.filter((a) => a.text.includes('\n\n')).length).toBeGreaterThan(50);
  });

  it('share no sentence between more than two appeals', () => {
    const appealsOf = new Map<string, string[]>();
    for (const { id, text } of appeals) {
      const sentences = text.split(/[.!?]/).map((s) => s.trim().toLocaleLowerCase());
      for (const sentence of new Set(sentences.filter((s) => s.length > 0)))
        appealsOf.set(sentence, [...(appealsOf.get(sentence) ?? []), id]);
    }
    const shared = [...appealsOf].filter(([, ids]) => ids.length > 2);
    expect(shared.map(([sentence, ids]) => `${ids.join(', ')}: ${sentence}`)).toEqual([]);
    // …and they are not bare: most have three sentences or more.
    expect(appeals.filter((a) => countSentences(a.text) >= 3).length).toBeGreaterThan(250);
    expect(appealsOf.size).toBeGreaterThan(900);
  });

  it('name bribes that fit the situation: thousands on the road, millions for land or a court', () => {
    const tenge = (sentence: string) =>
      [...sentence.matchAll(/(\d{1,3}(?: \d{3})*) (?:тенге|теңге)/g)].map((m) =>
        Number(m[1]!.replace(/ /g, '')),
      );
    const sums = (pattern: RegExp) =>
      appeals
        .flatMap((a) => a.text.split(/(?<=[.!?])\s+/))
        .filter((sentence) => pattern.test(sentence))
        .flatMap(tenge);
    const road = sums(/дорожной полиции|жол полициясы|бекетте/);
    const land = sums(/участок|учаскені/);
    const court = sums(/нужное решение|керекті шешім|апелляци/i);
    const kindergarten = sums(/детским садом|балабақша/i);
    for (const found of [road, land, court, kindergarten]) expect(found.length).toBeGreaterThan(0);
    expect(Math.max(...road)).toBeLessThanOrEqual(100_000);
    expect(Math.min(...land)).toBeGreaterThanOrEqual(1_000_000);
    expect(Math.min(...court)).toBeGreaterThanOrEqual(1_000_000);
    expect(Math.min(...kindergarten)).toBeGreaterThanOrEqual(100_000);
    // Every amount is drawn for its situation: no fragment leaves the kind of sum open.
    for (const fragments of [RU_FRAGMENTS, KK_FRAGMENTS])
      expect(JSON.stringify(fragments)).not.toMatch(/\{sum\}/);
  });

  it('name no region other than their own', () => {
    for (const appeal of appeals) {
      for (const region of DEMO_REGIONS) {
        if (region.label.en === appeal.meta.region) continue;
        for (const form of [region.ru.loc, region.ru.gen, region.kk.loc, region.kk.gen]) {
          expect(appeal.text.includes(form), `${appeal.id} names ${region.code}`).toBe(false);
        }
      }
    }
    // …and a good share of them do name it.
    const named = appeals.filter((appeal) => {
      const region = DEMO_REGIONS.find((r) => r.label.en === appeal.meta.region);
      return (
        region &&
        [region.ru.loc, region.ru.gen, region.kk.loc, region.kk.gen].some((f) => appeal.text.includes(f))
      );
    });
    expect(named.length).toBeGreaterThan(60);
  });

  it('carry a reply for every response but "no answer"', () => {
    const empty = appeals.filter((a) => a.meta.reply === '');
    expect(empty.length).toBeGreaterThan(20);
    expect(empty.length).toBeLessThan(100);
    expect(appeals.every((a) => typeof a.meta.reply === 'string')).toBe(true);
  });
});

describe('demo codings', () => {
  const key = (c: Pick<Coding, 'coderId' | 'appealId' | 'variableId'>) =>
    `${c.coderId}|${c.appealId}|${c.variableId}`;
  const byKey = new Map(codings.map((c) => [key(c), c]));
  const [first, second] = coders;
  const pair = (appealId: string, variableId: string) => [
    byKey.get(`${first?.id}|${appealId}|${variableId}`)?.values,
    byKey.get(`${second?.id}|${appealId}|${variableId}`)?.values,
  ];
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((code) => b.includes(code));
  const codersOf = (appealId: string) =>
    coders.filter((coder) => byKey.has(`${coder.id}|${appealId}|reason`)).map((coder) => coder.id);
  const overlap = appeals.filter((a) => codersOf(a.id).length === 2).map((a) => a.id);
  const disagreements = (variableId: string) =>
    overlap.filter((id) => {
      const [a = [], b = []] = pair(id, variableId);
      return !same(a, b);
    });

  it('come from two coders', () => {
    expect(coders).toEqual([
      { id: 'demo-coder-aigerim', name: 'Aigerim' },
      { id: 'demo-coder-dmitry', name: 'Dmitry' },
    ]);
  });

  it('cover all 341 appeals × 4 variables: an overlap sample of 68 by both coders, the rest split', () => {
    expect(byKey.size).toBe(codings.length);
    expect(overlap).toHaveLength(Math.round(341 * DEMO_OVERLAP_SHARE));
    expect(overlap).toHaveLength(68);
    expect(appeals.every((a) => codersOf(a.id).length >= 1)).toBe(true);
    const only = (coderId: string) => appeals.filter((a) => codersOf(a.id).join() === coderId).length;
    expect([only(first!.id), only(second!.id)]).toEqual([137, 136]);
    expect(codings).toHaveLength((341 + 68) * 4);
    for (const coding of codings) expect(byKey.has(key({ ...coding, variableId: 'region' }))).toBe(true);
    for (const v of codebook.variables)
      expect(codings.filter((c) => c.variableId === v.id)).toHaveLength(341 + 68);
    // A random sample, spread over the whole period, not the first 68 appeals.
    const positions = overlap.map((id) => appeals.findIndex((a) => a.id === id));
    expect(positions.filter((i) => i < 170).length).toBeGreaterThan(20);
    expect(positions.filter((i) => i >= 170).length).toBeGreaterThan(20);
  });

  it('are valid, under codebook version 1, and use only existing category codes', () => {
    for (const coding of codings) {
      expect(codingSchema.parse(coding)).toEqual(coding);
      expect(coding.projectId).toBe(DEMO_PROJECT_ID);
      expect(coding.codebookVersion).toBe(codebook.version);
      expect(coding.cleared).toBeUndefined();
      const v = variable(coding.variableId);
      const codes = v.categories.map((c) => c.code);
      expect(
        coding.values.every((code) => codes.includes(code)),
        key(coding),
      ).toBe(true);
      expect(new Set(coding.values).size).toBe(coding.values.length);
      if (v.kind === 'single') expect(coding.values, key(coding)).toHaveLength(1);
      else expect(coding.values.length, key(coding)).toBeGreaterThanOrEqual(1);
      expect(coding.unsure).toBe(coding.note !== undefined);
    }
    const unsure = codings.filter((c) => c.unsure);
    expect(unsure.length).toBeGreaterThanOrEqual(10);
    // Aigerim leaves her notes in Kazakh, Dmitry in Russian.
    for (const c of unsure)
      expect(c.note, key(c)).toMatch(c.coderId === first!.id ? KAZAKH_LETTERS : /^[^әғқңөұүһі]+$/i);
    // Some on the overlap sample, some on a coder's own share.
    expect(unsure.some((c) => overlap.includes(c.appealId))).toBe(true);
    expect(unsure.some((c) => !overlap.includes(c.appealId))).toBe(true);
  });

  it('were made on working days of November 2019, each coder in source order', () => {
    for (const coder of coders) {
      const mine = codings.filter((c) => c.coderId === coder.id);
      const times = mine.map((c) => c.updatedAt);
      for (const time of times) {
        expect(time).toMatch(/^2019-11-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
        expect([0, 6]).not.toContain(new Date(time).getUTCDay());
      }
      expect(times.every((time, i) => i === 0 || time > times[i - 1]!)).toBe(true);
      const order = mine.map((c) => appeals.findIndex((a) => a.id === c.appealId));
      expect(order.every((o, i) => i === 0 || o >= order[i - 1]!)).toBe(true);
      expect(new Set(times.map((t) => t.slice(0, 10))).size).toBe(5);
    }
  });

  it('disagree on 15–25 % of the overlap units, on every variable, the way coders do', () => {
    const counts = codebook.variables.map((v) => disagreements(v.id).length);
    expect(counts).toEqual([15, 8, 14, 11]);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(total / (68 * 4)).toBeGreaterThanOrEqual(0.15);
    expect(total / (68 * 4)).toBeLessThanOrEqual(0.25);
    // The region is confused only between a city and the oblast around it.
    const confusable = new Map(DEMO_REGIONS.map((r) => [r.code, r.confusedWith]));
    for (const id of disagreements('region')) {
      const [[a] = [], [b] = []] = pair(id, 'region');
      expect(confusable.get(a!) === b || confusable.get(b!) === a, id).toBe(true);
    }
  });
});

describe('demo adjudication', () => {
  const adjudicated = adjudication.filter((c) => c.method === 'adjudicated');
  const answers = (appealId: string, variableId: string) =>
    codings.filter((c) => c.appealId === appealId && c.variableId === variableId).map((c) => c.values);

  it('settles every unit both coders coded: agreed where they agree, adjudicated with a reason where not', () => {
    expect(adjudication).toHaveLength(68 * 4);
    expect(adjudicated).toHaveLength(15 + 8 + 14 + 11);
    const lastCoding = codings.reduce((t, c) => (c.updatedAt > t ? c.updatedAt : t), '');
    for (const c of adjudication) {
      expect(consensusSchema.parse(c)).toEqual(c);
      expect(c).toMatchObject({ projectId: DEMO_PROJECT_ID, by: DEMO_SUPERVISOR.id });
      expect(c.at > lastCoding).toBe(true);
      const [a = [], b = []] = answers(c.appealId, c.variableId);
      const agree = a.length === b.length && a.every((code) => b.includes(code));
      expect(c.method, `${c.appealId} ${c.variableId}`).toBe(agree ? 'agreed' : 'adjudicated');
      // The supervisor takes the answer of the coder who read the text as it is written.
      expect([a, b].map((v) => [...v].sort().join())).toContain([...c.values].sort().join());
      if (agree) expect(c.reason).toBeUndefined();
      else {
        expect(c.reason, c.appealId).toMatch(/^[\u0020-\u007e“”–]+$/);
        expect(c.reason!.length).toBeGreaterThan(20);
      }
    }
    expect(new Set(adjudication.map((c) => `${c.appealId}|${c.variableId}`)).size).toBe(adjudication.length);
  });

  it('names the categories in its reasons', () => {
    const region = adjudicated.find((c) => c.variableId === 'region')!;
    const label = variable('region').categories.find((c) => c.code === region.values[0])!.label.en;
    expect(region.reason).toContain(`“${label}”, not “`);
    expect(adjudicated.map((c) => c.reason)).toContainEqual(
      expect.stringMatching(/^The appeal also (gives|criticises) “/),
    );
  });
});

/** The study's Table 1: reasons as shares of all 447 reasons given (multiple response). */
const TABLE_1: [string, number, number][] = [
  ['corruption', 83, 18.6],
  ['incompetence', 73, 16.3],
  ['red_tape', 70, 15.7],
  ['court', 56, 12.5],
  ['abuse', 44, 9.8],
];

describe('demo final dataset', () => {
  const { variables } = codebook;
  const final = sourceValues({ kind: 'final' }, { codings, consensus: adjudication }, variables);
  const cases = (variableId: string) =>
    [...(final.byVariable.get(variableId)?.values() ?? [])].map((v) => v.values);
  const label = (variableId: string, code: string) =>
    variable(variableId).categories.find((c) => c.code === code)?.label.en;

  it('holds every variable of all 341 appeals, none unresolved', () => {
    expect(final.unresolved).toEqual([]);
    for (const v of variables) expect(final.byVariable.get(v.id)?.size, v.id).toBe(341);
    expect(finalStatusCounts(final)).toEqual({
      single: 273 * 4,
      agreed: 68 * 4 - 48,
      adjudicated: 48,
      unresolved: 0,
    });
  });

  it("gives the study's Table 2 from the coded region", () => {
    const table = frequencyTable(
      cases('region'),
      variable('region').categories.map((c) => c.code),
    );
    expect(Object.fromEntries(table.rows.map((r) => [label('region', r.key), r.count]))).toEqual(TABLE_2);
    expect(table.rows[0]).toMatchObject({ key: 'almaty_city', count: 61 });
    expect(percentHalfUp(table.rows[0]!.count, table.valid, 1)).toBe(17.9);
    expect(table.rows.at(-1)).toMatchObject({ key: 'akmola', count: 5 });
    expect(table.valid).toBe(341);
  });

  it("gives the study's Table 1 as shares of all 447 reasons given", () => {
    const table = frequencyTable(cases('reason'));
    expect(table.responses).toBe(447);
    expect(table.valid).toBe(341);
    const row = (code: string) => table.rows.find((r) => r.key === code);
    for (const [code, count, percent] of TABLE_1) {
      expect(row(code)?.count, code).toBe(count);
      expect(percentHalfUp(count, table.responses, 1), code).toBe(percent);
    }
    // The rest: proposals (9.6 %) and the other reasons together (17.4 %).
    expect([row('proposal')?.count, row('other')?.count]).toEqual([43, 78]);
    // The five in the study's order, corruption first.
    const ranked = table.rows.map((r) => r.key).filter((k) => TABLE_1.some(([code]) => code === k));
    expect(ranked).toEqual(TABLE_1.map(([code]) => code));
    expect(table.rows[0]?.key).toBe('corruption');
  });

  it('has 158 appeals criticising the police / Ministry of Interior or hospitals / Ministry of Health', () => {
    const bodies = cases('body');
    expect(bodies.filter((v) => v.includes('police') || v.includes('health'))).toHaveLength(158);
  });

  it('agrees with what the texts say', () => {
    const byId = new Map(appeals.map((a) => [a.id, a]));
    for (const [id, { values }] of final.byVariable.get('body')!) {
      for (const body of values)
        if (BODY_WORDS[body]) expect(byId.get(id)!.text, `${id} ${body}`).toMatch(BODY_WORDS[body]);
    }
    for (const [id, { values }] of final.byVariable.get('response')!)
      expect(byId.get(id)!.meta.reply === '', id).toBe(values[0] === 'no_answer');
    for (const [id, { values }] of final.byVariable.get('region')!)
      expect(label('region', values[0]!), id).toBe(byId.get(id)!.meta.region);
  });

  it('opens in the app with the 48 disagreements to adjudicate; settling them as the file does gives the same tables', () => {
    const open = sourceValues({ kind: 'final' }, { codings, consensus: [] }, variables);
    const key = (u: { appealId: string; variableId: string }) => `${u.appealId}|${u.variableId}`;
    expect(open.unresolved.map(key).sort()).toEqual(
      adjudication
        .filter((c) => c.method === 'adjudicated')
        .map(key)
        .sort(),
    );
    const settled = sourceValues(
      { kind: 'final' },
      { codings, consensus: adjudication.filter((c) => c.method === 'adjudicated') },
      variables,
    );
    for (const v of variables) {
      const values = (s: typeof final) =>
        [...s.byVariable.get(v.id)!].map(([id, value]) => [id, [...value.values].sort().join()]).sort();
      expect(values(settled), v.id).toEqual(values(final));
    }
  });
});

describe('demo coders', () => {
  it('are named in the script of the UI language the demo is opened in', () => {
    const names = (lang: 'kk' | 'ru' | 'en') => createDemoProject(lang).coders.map((c) => c.name);
    expect(names('kk')).toEqual(['Айгерім', 'Дмитрий']);
    expect(names('ru')).toEqual(['Айгерим', 'Дмитрий']);
    expect(names('en')).toEqual(['Aigerim', 'Dmitry']);
    // Only the names differ: the same people, the same codings.
    expect(createDemoProject('kk').coders.map((c) => c.id)).toEqual(
      createDemoProject('en').coders.map((c) => c.id),
    );
  });
});
