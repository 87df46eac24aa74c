import type { Category, Codebook, LocalizedText, Variable } from '../model/index.ts';
import { codebookHash } from '../model/index.ts';
import { DEMO_REGIONS } from './regions.ts';

type Text = Required<LocalizedText>;

interface CategoryText {
  code: string;
  label: Text;
  definition: Text;
  examples?: Text;
}

// Distinct within each variable (the reasons, bodies and responses read well side by side; the
// 17 regions take the 20-colour Tableau palette).
const REASON_COLOURS = ['#c0392b', '#e67e22', '#8e44ad', '#2c3e50', '#d81b60', '#27ae60', '#7f8c8d'];
const BODY_COLOURS = ['#1f4e9a', '#16a085', '#b8860b', '#6d4c41', '#5e35b1', '#f39c12', '#2e7d32', '#95a5a6'];
const RESPONSE_COLOURS = ['#2e7d32', '#1565c0', '#f9a825', '#9e9e9e', '#6a1b9a'];
const REGION_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#a0cbe8',
  '#ffbe7d',
  '#8cd17d',
  '#b6992d',
  '#86bcb6',
  '#d37295',
  '#499894',
];

/** Digits 1–9, then a, b, c, …: one key per category, unique within its variable. */
export function shortcutFor(index: number): string {
  return index < 9 ? String(index + 1) : String.fromCharCode('a'.charCodeAt(0) + index - 9);
}

function categories(texts: readonly CategoryText[], colours: readonly string[]): Category[] {
  return texts.map((text, index) => ({
    code: text.code,
    value: index + 1,
    label: text.label,
    definition: text.definition,
    examples: text.examples ?? {},
    shortcut: shortcutFor(index),
    colour: colours[index] ?? '#808080',
    retired: false,
  }));
}

const REASONS: CategoryText[] = [
  {
    code: 'corruption',
    label: {
      kk: 'Сыбайлас жемқорлыққа тап болу',
      ru: 'Столкновение с коррупцией',
      en: 'Encounter with corruption',
    },
    definition: {
      kk: 'Автордан пара, бейресми төлем немесе шешім үшін «алғыс» талап етілген не ұсынылған, не ол мұндай жағдай туралы біледі.',
      ru: 'У автора вымогали взятку, неформальную оплату или «благодарность» за решение, либо он знает о таком случае.',
      en: 'The author was asked for or offered a bribe, an informal payment or a "thank-you" for a decision, or knows of such a case.',
    },
    examples: {
      kk: 'Инспектор мәселені осы жерде 20 000 теңгеге шешуге болатынын айтты.',
      ru: 'Инспектор сказал, что вопрос можно решить на месте за 20 000 тенге.',
      en: 'The officer said the matter could be settled on the spot for 20,000 tenge.',
    },
  },
  {
    code: 'incompetence',
    label: {
      kk: 'Мемлекеттік қызметшілердің сапасыз жұмысы / біліксіздігі',
      ru: 'Некачественная работа / некомпетентность госслужащих',
      en: 'Poor-quality work / incompetence of civil servants',
    },
    definition: {
      kk: 'Қызмет нашар, кешігіп көрсетілген не мүлде көрсетілмеген; қызметкерлер дөрекі, немқұрайды немесе біліксіз; пара мен билікті әдейі асыра пайдалану айтылмайды.',
      ru: 'Услуга оказана плохо, с опозданием или не оказана; служащие грубы, небрежны или неквалифицированны; о взятке или умышленном злоупотреблении не говорится.',
      en: 'A service done badly, late or not at all; rude, careless or unqualified officials; no bribe or deliberate misuse of power is alleged.',
    },
    examples: {
      kk: 'Бір жылда сот орындаушысы алиментті бір теңге де өндірмеді.',
      ru: 'За год судебный исполнитель не взыскал ни одного тенге алиментов.',
      en: 'In a year the bailiff has not collected a single tenge of alimony.',
    },
  },
  {
    code: 'red_tape',
    label: { kk: 'Бюрократиялық әуре-сарсаң', ru: 'Бюрократическая волокита', en: 'Red tape' },
    definition: {
      kk: 'Артық құжат талап ету, анықтамаларды қайта-қайта сұрау, мерзімді бұзу, кабинеттен кабинетке жіберу.',
      ru: 'Лишние бумаги, повторные требования документов, нарушение сроков, хождение из кабинета в кабинет.',
      en: 'Needless paperwork, repeated demands for documents, missed deadlines, being sent from office to office.',
    },
    examples: {
      kk: 'Үшінші ай әкімдік ресми тізімде жоқ жаңа анықтама талап етіп отыр.',
      ru: 'Третий месяц акимат требует новую справку, которой нет в официальном перечне.',
      en: 'For the third month the akimat asks for a new certificate that is not on the official list.',
    },
  },
  {
    code: 'court',
    label: {
      kk: 'Сот шешімімен келіспеу',
      ru: 'Несогласие с решением суда',
      en: 'Disagreement with a court decision',
    },
    definition: {
      kk: 'Автор соттың шешімін, ұйғарымын немесе үкімін не істің қаралу тәртібін даулайды.',
      ru: 'Автор оспаривает решение, определение или приговор суда либо то, как рассматривалось дело.',
      en: 'The author disputes a judgment, ruling or verdict, or the way the case was heard.',
    },
    examples: {
      kk: 'Сот сарапшының қорытындысын елемей, істі құрылыс салушының пайдасына шешті.',
      ru: 'Суд проигнорировал заключение эксперта и решил дело в пользу застройщика.',
      en: "The court ignored the expert's report and decided the case for the developer.",
    },
  },
  {
    code: 'abuse',
    label: {
      kk: 'Лауазымдық өкілеттікті теріс пайдалану',
      ru: 'Злоупотребление полномочиями',
      en: 'Abuse of authority',
    },
    definition: {
      kk: 'Лауазымды тұлға қызмет бабын авторға қарсы немесе жеке мүддесі үшін әдейі пайдаланған: заңсыз ұстау, қысым көрсету, іріктемелі тексерулер, мүлікті алып қою.',
      ru: 'Должностное лицо умышленно использовало положение против автора или в личных интересах: незаконное задержание, давление, выборочные проверки, изъятие имущества.',
      en: 'An official deliberately used their position against the author or for private gain: unlawful detention, pressure, selective inspections, seizure of property.',
    },
    examples: {
      kk: 'Учаскелік инспектор шағымымды қайтарып алмасам, іс қозғаймын деп қорқытты.',
      ru: 'Участковый пригрозил возбудить дело, если я не заберу жалобу.',
      en: 'The district inspector threatened to open a case unless I withdrew my complaint.',
    },
  },
  {
    code: 'proposal',
    label: {
      kk: 'Қызметті жақсарту немесе сыбайлас жемқорлыққа қарсы күрес жөніндегі ұсыныс',
      ru: 'Предложение по улучшению услуг или борьбе с коррупцией',
      en: 'Proposal to improve services or fight corruption',
    },
    definition: {
      kk: 'Автор шара ұсынады: тәртіп, технология, заң өзгерісі, науқан.',
      ru: 'Автор предлагает меру: порядок, технологию, изменение закона, кампанию.',
      en: 'The author suggests a measure: a procedure, a technology, a change in the law, a campaign.',
    },
    examples: {
      kk: 'Әр жол полициясы инспекторын өшіруге болмайтын кеудеше камерамен жабдықтау.',
      ru: 'Оснастить каждого инспектора дорожной полиции нагрудной камерой, которую нельзя отключить.',
      en: 'Give every traffic police officer a body camera that cannot be switched off.',
    },
  },
  {
    code: 'other',
    label: { kk: 'Басқа', ru: 'Другое', en: 'Other' },
    definition: {
      kk: 'Өзге себеп: Агенттік туралы сұрақ, алғыс, қызметке орналасу немесе заң кеңесі туралы өтініш.',
      ru: 'Иная причина: вопрос об Агентстве, благодарность, просьба о работе или юридической консультации.',
      en: 'Any other reason: a question about the agency, thanks, a request for a job or for legal advice.',
    },
    examples: {
      kk: 'Пара туралы жасырын түрде қалай хабарлауға болады?',
      ru: 'Как сообщить о взятке анонимно?',
      en: 'How can I report a bribe anonymously?',
    },
  },
];

const BODIES: CategoryText[] = [
  {
    code: 'police',
    label: { kk: 'Полиция / ІІМ', ru: 'Полиция / МВД', en: 'Police / Ministry of Internal Affairs' },
    definition: {
      kk: 'Полицияның барлық қызметтері (жол полициясы, учаскелік инспекторлар, тергеушілер, көші-қон полициясы) және Ішкі істер министрлігінің өзге органдары.',
      ru: 'Полиция всех служб (дорожная, участковые, следователи, миграционная) и другие органы Министерства внутренних дел.',
      en: 'Police of every service (traffic, district inspectors, investigators, migration) and other bodies of the Ministry of Internal Affairs.',
    },
    examples: {
      kk: 'Трассада жол полициясының экипажы мені тоқтатты.',
      ru: 'Меня остановил экипаж дорожной полиции на трассе.',
      en: 'A traffic police patrol stopped me on the highway.',
    },
  },
  {
    code: 'health',
    label: { kk: 'Ауруханалар / ДСМ', ru: 'Больницы / Минздрав', en: 'Hospitals / Ministry of Health' },
    definition: {
      kk: 'Мемлекеттік ауруханалар, емханалар, жедел жәрдем, денсаулық сақтау басқармалары және Денсаулық сақтау министрлігі.',
      ru: 'Государственные больницы, поликлиники, скорая помощь, управления здравоохранения и Министерство здравоохранения.',
      en: 'State hospitals, polyclinics, ambulance services, health departments and the Ministry of Health.',
    },
    examples: {
      kk: 'Емханада екі ай бойы педиатр жоқ.',
      ru: 'В поликлинике уже два месяца нет педиатра.',
      en: 'The polyclinic has had no paediatrician for two months.',
    },
  },
  {
    code: 'tax',
    label: { kk: 'Салық департаменті', ru: 'Налоговый департамент', en: 'Tax department' },
    definition: {
      kk: 'Мемлекеттік кірістер (салық) департаменттері мен басқармалары және олардың инспекторлары.',
      ru: 'Департаменты и управления государственных доходов (налоговые органы) и их инспекторы.',
      en: 'State revenue (tax) departments and offices and their inspectors.',
    },
    examples: {
      kk: 'Салық инспекторы уақытында тапсырылған есеп үшін маған айыппұл салды.',
      ru: 'Налоговый инспектор оштрафовал меня за отчёт, сданный вовремя.',
      en: 'The tax inspector fined me for a return I had filed on time.',
    },
  },
  {
    code: 'bailiffs',
    label: { kk: 'Сот орындаушылары', ru: 'Судебные исполнители', en: 'Bailiffs' },
    definition: {
      kk: 'Мемлекеттік және жеке сот орындаушылары және сот актілерін орындау департаменттері.',
      ru: 'Государственные и частные судебные исполнители и департаменты по исполнению судебных актов.',
      en: 'State and private bailiffs (court enforcement officers) and the enforcement departments.',
    },
    examples: {
      kk: 'Жеке сот орындаушысы зейнетақым түсетін шотқа тыйым салды.',
      ru: 'Частный судебный исполнитель арестовал счёт, на который приходит моя пенсия.',
      en: 'A private bailiff froze the account my pension is paid into.',
    },
  },
  {
    code: 'courts',
    label: { kk: 'Соттар', ru: 'Суды', en: 'Courts' },
    definition: {
      kk: 'Барлық сатыдағы соттар, судьялар және сот аппаратының қызметкерлері.',
      ru: 'Суды всех инстанций, судьи и работники аппарата суда.',
      en: 'Courts of every instance, judges and court staff.',
    },
    examples: {
      kk: 'Судья куәларымды ұсынуға мүмкіндік бермеді.',
      ru: 'Судья не дал мне представить свидетелей.',
      en: 'The judge would not let me call my witnesses.',
    },
  },
  {
    code: 'quasi_monopoly',
    label: {
      kk: 'Квазимемлекеттік ұйымдар мен монополистер (су, энергия, газ, жылу)',
      ru: 'Квазигосударственные организации и монополисты (вода, энергия, газ, тепло)',
      en: 'Quasi-governmental organisations and monopolists (water, energy, gas, heating)',
    },
    definition: {
      kk: 'Мемлекет қатысатын компаниялар, ХҚКО (Азаматтарға арналған үкімет) және су, электр, газ, жылу жеткізетін табиғи монополиялар.',
      ru: 'Компании с государственным участием, ЦОНы (Правительство для граждан) и естественные монополии: вода, электричество, газ, тепло.',
      en: 'State-owned companies, the public service centres (Government for Citizens) and the natural monopolies for water, electricity, gas and heating.',
    },
    examples: {
      kk: 'Жылу желісі жылу болмаған қыс үшін бізге төлем шотын жіберді.',
      ru: 'Теплосеть выставила нам счёт за зиму без отопления.',
      en: 'The heating company billed us for a winter without heating.',
    },
  },
  {
    code: 'akimat',
    label: {
      kk: 'Жергілікті атқарушы орган (әкімдік)',
      ru: 'Местный исполнительный орган (акимат)',
      en: 'Local executive (akimat)',
    },
    definition: {
      kk: 'Облыс, қала, аудан және ауылдық округ әкімдіктері мен олардың бөлімдері (жер қатынастары, тұрғын үй, сәулет, жолдар).',
      ru: 'Акиматы областей, городов, районов и сельских округов и их отделы (земельные отношения, жильё, архитектура, дороги).',
      en: 'Akimats of regions, cities, districts and rural districts and their departments (land, housing, architecture, roads).',
    },
    examples: {
      kk: 'Аудандық әкімдік жер учаскемді көктемнен бері рәсімдеп жатыр.',
      ru: 'Районный акимат с весны оформляет мой земельный участок.',
      en: 'The district akimat has been registering my land plot since spring.',
    },
  },
  {
    code: 'other',
    label: { kk: 'Басқа', ru: 'Другое', en: 'Other' },
    definition: {
      kk: 'Өзге мемлекеттік орган не ұйым: мектептер мен балабақшалар, білім басқармалары, әлеуметтік қорғау, әскери комиссариаттар, прокуратура.',
      ru: 'Иной государственный орган или организация: школы и детские сады, управления образования, социальная защита, военкоматы, прокуратура.',
      en: 'Any other state body or organisation: schools and kindergartens, education departments, social protection, military enlistment offices, prosecutors.',
    },
    examples: {
      kk: 'Мектеп директоры ата-аналардан «жөндеуге» ақша жинайды.',
      ru: 'Директор школы собирает с родителей деньги «на ремонт».',
      en: 'The school head collects money from parents "for repairs".',
    },
  },
];

const RESPONSES: CategoryText[] = [
  {
    code: 'investigation',
    label: { kk: 'Тергеу басталды', ru: 'Начато расследование', en: 'Investigation opened' },
    definition: {
      kk: 'Агенттік сотқа дейінгі тергеп-тексеруді немесе қызметтік тексеруді бастады.',
      ru: 'Агентство начало досудебное расследование или проверку.',
      en: 'The agency opened a pre-trial investigation or an inspection.',
    },
    examples: {
      kk: 'Өтініште келтірілген фактілер бойынша сотқа дейінгі тергеп-тексеру тіркелді.',
      ru: 'По изложенным в обращении фактам зарегистрировано досудебное расследование.',
      en: 'A pre-trial investigation has been registered on the facts set out in the appeal.',
    },
  },
  {
    code: 'redirected',
    label: {
      kk: 'Басқа органға жіберілді',
      ru: 'Перенаправлено в другой орган',
      en: 'Redirected to another body',
    },
    definition: {
      kk: 'Өтініш құзыреті бойынша басқа органға, мысалы, Бас прокуратураға, министрлікке немесе әкімдікке жіберілді.',
      ru: 'Обращение передано по компетенции в другой орган, например в Генеральную прокуратуру, министерство или акимат.',
      en: "The appeal was forwarded to another body by competence, e.g. the Prosecutor General's Office, a ministry or an akimat.",
    },
    examples: {
      kk: 'Өтінішіңіз құзыреті бойынша Бас прокуратураға жіберілді.',
      ru: 'Ваше обращение направлено по компетенции в Генеральную прокуратуру.',
      en: "Your appeal has been forwarded to the Prosecutor General's Office.",
    },
  },
  {
    code: 'explanation',
    label: {
      kk: 'Заңды / құзыретті түсіндіру',
      ru: 'Разъяснение закона / компетенции',
      en: 'Explanation of the law / competence',
    },
    definition: {
      kk: 'Жауапта заң, шағымдану тәртібі немесе мәселенің Агенттік құзыретіне жатпайтыны түсіндіріледі; басқа шара қолданылмайды.',
      ru: 'В ответе разъясняется закон, порядок обжалования или то, что вопрос не входит в компетенцию Агентства; других мер не принято.',
      en: "The reply explains the law, how to appeal, or that the matter is outside the agency's competence; nothing else is done.",
    },
    examples: {
      kk: 'Сот шешімдерін тек жоғары тұрған сот қайта қарай алатынын түсіндіреміз.',
      ru: 'Разъясняем, что решения суда пересматривает только вышестоящий суд.',
      en: 'We explain that court decisions can be reviewed only by a higher court.',
    },
  },
  {
    code: 'no_answer',
    label: { kk: 'Жауап жоқ', ru: 'Нет ответа', en: 'No answer' },
    definition: {
      kk: 'Порталда Агенттіктің жауабы жоқ.',
      ru: 'На портале нет ответа Агентства.',
      en: 'The portal shows no reply from the agency.',
    },
    examples: { kk: '(жауап өрісі бос)', ru: '(поле ответа пустое)', en: '(the reply field is empty)' },
  },
  {
    code: 'other',
    label: { kk: 'Басқа', ru: 'Другое', en: 'Other' },
    definition: {
      kk: 'Өзге жауап: мәліметті нақтылау туралы өтініш, ұсыныс үшін алғыс, өтініштің назарға алынғаны туралы хабар.',
      ru: 'Иной ответ: просьба уточнить сведения, благодарность за предложение, сообщение о том, что обращение принято к сведению.',
      en: 'Any other reply: a request for details, thanks for a proposal, a note that the appeal has been taken into account.',
    },
    examples: {
      kk: 'Ұсынысыңыз үшін рахмет, ол жұмыста ескеріледі.',
      ru: 'Благодарим за предложение, оно будет учтено в работе.',
      en: 'Thank you for your proposal; it will be taken into account.',
    },
  },
];

/** The cities and the oblasts around them are easily confused: their definitions say so. */
const REGION_DEFINITIONS: Record<string, Text> = {
  almaty_city: {
    kk: 'Алматы қаласы (республикалық маңызы бар қала); Алматы облысы емес.',
    ru: 'Город Алматы (город республиканского значения); не Алматинская область.',
    en: 'The city of Almaty (a city of republican significance); not Almaty region.',
  },
  astana_city: {
    kk: 'Елорда Астана (2019–2022 жылдары Нұр-Сұлтан); Ақмола облысы емес.',
    ru: 'Столица Астана (в 2019–2022 годах Нур-Султан); не Акмолинская область.',
    en: 'The capital, Astana (called Nur-Sultan in 2019–2022); not Akmola region.',
  },
  shymkent_city: {
    kk: 'Шымкент қаласы (2018 жылдан бері республикалық маңызы бар қала); Түркістан облысы емес.',
    ru: 'Город Шымкент (город республиканского значения с 2018 года); не Туркестанская область.',
    en: 'The city of Shymkent (a city of republican significance since 2018); not Turkestan region.',
  },
  almaty_region: {
    kk: 'Алматы облысы, оның қалалары мен аудандарын қоса; Алматы қаласы емес.',
    ru: 'Алматинская область, включая её города и районы; не город Алматы.',
    en: 'Almaty region (oblast), including its towns and districts; not Almaty city.',
  },
  akmola: {
    kk: 'Ақмола облысы, оның қалалары мен аудандарын қоса; Астана қаласы емес.',
    ru: 'Акмолинская область, включая её города и районы; не город Астана.',
    en: 'Akmola region (oblast), including its towns and districts; not Astana city.',
  },
  turkestan: {
    kk: 'Түркістан облысы, оның қалалары мен аудандарын қоса; Шымкент қаласы емес.',
    ru: 'Туркестанская область, включая её города и районы; не город Шымкент.',
    en: 'Turkestan region (oblast), including its towns and districts; not Shymkent city.',
  },
};

/** Regions have no example: the definition says which places belong where. */
const REGIONS: CategoryText[] = DEMO_REGIONS.map((region) => ({
  code: region.code,
  label: region.label,
  definition: REGION_DEFINITIONS[region.code] ?? {
    kk: `${region.label.kk}, оның қалалары мен аудандарын қоса.`,
    ru: `${region.label.ru}, включая её города и районы.`,
    en: `${region.label.en} region (oblast), including its towns and districts.`,
  },
}));

function variable(
  id: string,
  kind: Variable['kind'],
  label: Text,
  definition: Text,
  cats: Category[],
): Variable {
  return { id, kind, required: true, label, definition, categories: cats };
}

/** The study's four variables (DESIGN.md), in kk, ru and en. */
export function demoVariables(): Variable[] {
  return [
    variable(
      'reason',
      'multi',
      { kk: 'Өтініш себебі', ru: 'Причина обращения', en: 'Reason for the appeal' },
      {
        kk: 'Азамат неге жүгінді: неге шағымданады немесе не ұсынады. Мәтінде аталған әр себепті белгілеңіз; әдетте біреу, кейде екеу.',
        ru: 'Почему гражданин обратился: на что жалуется или что предлагает. Отметьте каждую причину, названную в тексте; обычно одна, иногда две.',
        en: 'Why the citizen wrote: what they complain about or propose. Code every reason the text gives; usually one, sometimes two.',
      },
      categories(REASONS, REASON_COLOURS),
    ),
    variable(
      'region',
      'single',
      { kk: 'Өңір', ru: 'Регион', en: 'Region' },
      {
        kk: 'Өтініш келген немесе қатысты өңір: мәтін бойынша, ал мәтінде айтылмаса — метадеректер бойынша.',
        ru: 'Регион, откуда обращение или к которому оно относится: по тексту, а если в тексте его нет, по метаданным.',
        en: 'The region the appeal comes from or concerns: from the text, or from the metadata when the text does not say.',
      },
      categories(REGIONS, REGION_COLOURS),
    ),
    variable(
      'body',
      'multi',
      {
        kk: 'Сынға ұшыраған мемлекеттік орган',
        ru: 'Критикуемый государственный орган',
        en: 'Government body criticised',
      },
      {
        kk: 'Өтініш қай мемлекеттік органды не ұйымды сынайды немесе қайсысына қатысты. Аталған не анық меңзелген әр органды белгілеңіз.',
        ru: 'Какой государственный орган или организацию критикует обращение или к какому относится. Отметьте каждый названный или явно подразумеваемый орган.',
        en: 'Which state body or organisation the appeal criticises or concerns. Code every body named or clearly implied.',
      },
      categories(BODIES, BODY_COLOURS),
    ),
    variable(
      'response',
      'single',
      { kk: 'Агенттіктің жауабы', ru: 'Ответ Агентства', en: "Agency's response" },
      {
        kk: 'Агенттіктің жауабында (метадеректегі «reply») не істелгені айтылады. Бір өтінішке бір код.',
        ru: 'Что сделано, согласно ответу Агентства (метаданные «reply»). Один код на обращение.',
        en: "What the agency's reply (metadata 'reply') says was done. One code per appeal.",
      },
      categories(RESPONSES, RESPONSE_COLOURS),
    ),
  ];
}

export function createDemoCodebook(projectId: string, updatedAt: string): Codebook {
  const variables = demoVariables();
  const merges: Codebook['merges'] = [];
  return { projectId, version: 1, hash: codebookHash({ variables, merges }), variables, merges, updatedAt };
}
