import { describe, expect, it } from 'vitest';
import { projectFileStem } from '../../../renderer/features/projects/projectName.ts';

const project = (name: string, demo = false) => ({
  id: 'p-0cb6e404',
  name,
  languages: ['ru' as const],
  createdAt: '',
  demo,
});

describe('projectFileStem', () => {
  it('names files after the project, not its internal id', () => {
    expect(projectFileStem(project('Обращения 2019'), 'ru')).toBe('Обращения-2019');
  });

  it('cuts a long name at a word boundary', () => {
    const stem = projectFileStem(
      project('Open Dialogue: appeals to the Anti-Corruption Agency (synthetic)'),
      'en',
    );
    expect(stem).toBe('Open-Dialogue-appeals-to-the-Anti-Corruption');
  });

  it('names the demo in the UI language, and never gives an empty name', () => {
    expect(projectFileStem(project('x', true), 'kk')).toBe('Ашық-диалог-Сыбайлас-жемқорлыққа-қарсы-іс-қимыл');
    expect(projectFileStem(project('::'), 'en')).toBe('kodtau');
  });
});
