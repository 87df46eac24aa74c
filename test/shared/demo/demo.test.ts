import { describe, expect, it } from 'vitest';
import { createDemoProject, DEMO_PROJECT_ID, DEMO_PROJECT_NAMES } from '../../../shared/demo/index.ts';
import { countSentences } from '../../../shared/demo/appeals.ts';
import { KK_FRAGMENTS } from '../../../shared/demo/fragments.kk.ts';
import { RU_FRAGMENTS } from '../../../shared/demo/fragments.ts';
import { DEMO_REGIONS } from '../../../shared/demo/regions.ts';
import { SCENARIOS } from '../../../shared/demo/scenarios.ts';
import {
  appealSchema,
  codebookHash,
  codebookSchema,
  codingSchema,
  LANGS,
  projectSchema,
  type Coding,
} from '../../../shared/model/index.ts';

const demo = createDemoProject();
const { project, codebook, appeals, coders, codings } = demo;

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
      expect(appeal.meta.addressee).toBe('Руководитель Агентства по противодействию коррупции');
    }
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
  const coded = appeals.slice(0, 60).map((a) => a.id);
  const key = (c: Coding) => `${c.coderId}|${c.appealId}|${c.variableId}`;
  const byKey = new Map(codings.map((c) => [key(c), c]));
  const [first, second] = coders;
  const pair = (appealId: string, variableId: string) => [
    byKey.get(`${first?.id}|${appealId}|${variableId}`)?.values ?? [],
    byKey.get(`${second?.id}|${appealId}|${variableId}`)?.values ?? [],
  ];
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((code) => b.includes(code));

  it('come from two coders', () => {
    expect(coders).toEqual([
      { id: 'demo-coder-aigerim', name: 'Aigerim' },
      { id: 'demo-coder-dmitry', name: 'Dmitry' },
    ]);
  });

  it('cover exactly the first 60 appeals × 4 variables × 2 coders', () => {
    expect(codings).toHaveLength(60 * 4 * 2);
    expect(byKey.size).toBe(codings.length);
    expect(new Set(codings.map((c) => c.appealId))).toEqual(new Set(coded));
    for (const coder of coders) {
      for (const appealId of coded) {
        for (const v of codebook.variables) expect(byKey.has(`${coder.id}|${appealId}|${v.id}`)).toBe(true);
      }
    }
  });

  it('are valid, under codebook version 1, and use only existing category codes', () => {
    for (const coding of codings) {
      expect(codingSchema.parse(coding)).toEqual(coding);
      expect(coding.projectId).toBe(DEMO_PROJECT_ID);
      expect(coding.codebookVersion).toBe(codebook.version);
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
    expect(codings.filter((c) => c.unsure).length).toBeGreaterThanOrEqual(3);
  });

  it('were made in November 2019, each coder in order', () => {
    for (const coder of coders) {
      const times = codings.filter((c) => c.coderId === coder.id).map((c) => c.updatedAt);
      for (const time of times) expect(time).toMatch(/^2019-11-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
      expect(times.every((time, i) => i === 0 || time > times[i - 1]!)).toBe(true);
    }
  });

  it('disagree on some units of every variable, but agree on most', () => {
    for (const v of codebook.variables) {
      const disagreements = coded.filter((id) => {
        const [a = [], b = []] = pair(id, v.id);
        return !same(a, b);
      }).length;
      expect(disagreements, v.id).toBeGreaterThan(0);
      expect(disagreements, v.id).toBeLessThanOrEqual(15);
    }
  });

  it('agree with what the texts say', () => {
    // Where both coders agree, the appeal's words show the body and the reply shows the response.
    const text = new Map(appeals.map((a) => [a.id, a]));
    for (const id of coded) {
      const appeal = text.get(id)!;
      const [a = [], b = []] = pair(id, 'body');
      if (same(a, b)) {
        for (const body of a)
          if (BODY_WORDS[body]) expect(appeal.text, `${id} ${body}`).toMatch(BODY_WORDS[body]);
      }
      const [r1 = [], r2 = []] = pair(id, 'response');
      if (same(r1, r2)) expect(appeal.meta.reply === '', id).toBe(r1[0] === 'no_answer');
    }
  });
});
