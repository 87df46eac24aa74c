/**
 * The 17 regions of the study (three cities of republican significance and fourteen oblasts), in
 * the order of DESIGN.md, with the number of appeals from each in the study's Table 2 and the
 * forms the appeal texts need: Russian locative and genitive, Kazakh locative, attributive and
 * genitive.
 */
export interface DemoRegion {
  code: string;
  /** Number of appeals in the study's Table 2 (total 341). */
  appeals: number;
  label: { en: string; ru: string; kk: string };
  /** Text forms: ru `loc` "в городе Алматы", `gen` "города Алматы"; kk `loc` "Алматы қаласында", `attr` "Алматы қаласындағы", `gen` "Алматы қаласының". */
  ru: { loc: string; gen: string };
  kk: { loc: string; attr: string; gen: string };
  /** Which other category a coder most easily confuses it with (the city and the oblast around it). */
  confusedWith?: string;
}

/** `names` are the names used in the 2019 texts, which differ from the label for the capital. */
function city(
  code: string,
  appeals: number,
  label: DemoRegion['label'],
  names: { ruLoc: string; ruGen: string; kk: string },
  confusedWith: string,
): DemoRegion {
  return {
    code,
    appeals,
    label,
    ru: { loc: `в городе ${names.ruLoc}`, gen: `города ${names.ruGen}` },
    kk: { loc: `${names.kk} қаласында`, attr: `${names.kk} қаласындағы`, gen: `${names.kk} қаласының` },
    confusedWith,
  };
}

/** `ru` is the feminine adjective ("Алматинская"); its locative and genitive both end in -ой. */
function oblast(
  code: string,
  appeals: number,
  en: string,
  ru: string,
  kk: string,
  confusedWith?: string,
): DemoRegion {
  const ruOblique = `${ru.replace(/ая$/, 'ой')} области`;
  return {
    code,
    appeals,
    label: { en, ru: `${ru} область`, kk: `${kk} облысы` },
    ru: { loc: `в ${ruOblique}`, gen: ruOblique },
    kk: { loc: `${kk} облысында`, attr: `${kk} облысындағы`, gen: `${kk} облысының` },
    ...(confusedWith ? { confusedWith } : {}),
  };
}

// The capital was called Nur-Sultan from March 2019 to September 2022, so the 2019 texts use that
// name while the category keeps the study's label "Astana city".
export const DEMO_REGIONS: readonly DemoRegion[] = [
  city(
    'almaty_city',
    61,
    { en: 'Almaty city', ru: 'Город Алматы', kk: 'Алматы қаласы' },
    { ruLoc: 'Алматы', ruGen: 'Алматы', kk: 'Алматы' },
    'almaty_region',
  ),
  city(
    'astana_city',
    47,
    { en: 'Astana city', ru: 'Город Астана', kk: 'Астана қаласы' },
    { ruLoc: 'Нур-Султане', ruGen: 'Нур-Султана', kk: 'Нұр-Сұлтан' },
    'akmola',
  ),
  city(
    'shymkent_city',
    29,
    { en: 'Shymkent city', ru: 'Город Шымкент', kk: 'Шымкент қаласы' },
    { ruLoc: 'Шымкенте', ruGen: 'Шымкента', kk: 'Шымкент' },
    'turkestan',
  ),
  oblast('akmola', 5, 'Akmola', 'Акмолинская', 'Ақмола', 'astana_city'),
  oblast('aktobe', 8, 'Aktobe', 'Актюбинская', 'Ақтөбе'),
  oblast('almaty_region', 44, 'Almaty region', 'Алматинская', 'Алматы', 'almaty_city'),
  oblast('atyrau', 9, 'Atyrau', 'Атырауская', 'Атырау'),
  oblast('east_kazakhstan', 22, 'East Kazakhstan', 'Восточно-Казахстанская', 'Шығыс Қазақстан'),
  oblast('zhambyl', 8, 'Zhambyl', 'Жамбылская', 'Жамбыл'),
  oblast('west_kazakhstan', 6, 'West Kazakhstan', 'Западно-Казахстанская', 'Батыс Қазақстан'),
  oblast('karaganda', 17, 'Karaganda', 'Карагандинская', 'Қарағанды'),
  oblast('kostanay', 7, 'Kostanay', 'Костанайская', 'Қостанай'),
  oblast('kyzylorda', 21, 'Kyzylorda', 'Кызылординская', 'Қызылорда'),
  oblast('mangistau', 6, 'Mangistau', 'Мангистауская', 'Маңғыстау'),
  oblast('pavlodar', 15, 'Pavlodar', 'Павлодарская', 'Павлодар'),
  oblast('north_kazakhstan', 14, 'North Kazakhstan', 'Северо-Казахстанская', 'Солтүстік Қазақстан'),
  oblast('turkestan', 22, 'Turkestan', 'Туркестанская', 'Түркістан', 'shymkent_city'),
];
