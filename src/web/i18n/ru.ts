/** The page's words in Russian, the working language of the CSTO. State names: i18n-iso-countries' Russian locale. */
import ruCountries from 'i18n-iso-countries/langs/ru.json';
import type { Words } from './words.js';

const STANDING: Record<string, string> = {
  member: 'участник', suspended: 'членство приостановлено', frozen: 'участие заморожено', withdrawn: 'вышел', none: 'не участник',
};

export const ru: Words = {
  code: 'ru',
  name: 'Русский',
  countries: ruCountries,
  states: {
    RUS: 'Россия', PRK: 'КНДР', AUH: 'Австро-Венгрия', CSK: 'Чехословакия', DDR: 'ГДР', YUG: 'Югославия', RVN: 'Республика Вьетнам',
  },
  status: { obliged: 'обязан', 'obliged-if-requested': 'обязан, если попросят', 'not-obliged': 'не обязан' },
  statusMeaning: {
    obliged: 'все условия статьи выполнены: это государство было обязано помочь',
    'obliged-if-requested': 'выполнены все условия, кроме просьбы: попроси пострадавшее государство о помощи, это государство было бы обязано помочь',
    'not-obliged': 'хотя бы одно условие статьи не выполнено: по ней это государство ничего не было должно',
  },
  assessment: { honored: 'выполнил', unmet: 'не выполнил', 'beyond-duty': 'сверх долга', consistent: 'ничего не должен', unrecorded: 'нет сведений' },
  assessmentMeaning: {
    honored: 'был обязан и ответил так, как требует обязательство',
    unmet: 'был обязан, но не ответил так, как требует обязательство',
    'beyond-duty': 'не был обязан, но помог так, как требовало бы обязательство',
    consistent: 'не был обязан и такой помощи не оказал',
    unrecorded: 'о действиях этого государства ничего не записано',
  },
  standing: STANDING,
  contested: 'спорно',
  start: {
    title: 'Кто был обязан помочь?',
    lead: 'Союзы обещают помощь, когда на участника нападают. Выберите урок, чтобы пройти его по шагам, или случай, чтобы разобраться самим: кто по какому договору был обязан помочь, почему и что сделал на самом деле.',
    lessons: 'Уроки',
    cases: 'Случаи по датам',
    steps: (n) => `Шагов: ${n}.`,
    keys: 'Клавиши: Tab переходит между частями; стрелки двигают по временной шкале и по таблице; Enter открывает причины клетки; Esc закрывает их.',
  },
  bar: { home: 'Уроки и случаи', caseLabel: 'Случай', predict: 'Предсказать и проверить', print: 'Печать', language: 'Язык' },
  lesson: { step: (n, of, title) => `Шаг ${n} из ${of}: ${title}`, previous: '← Назад', next: 'Дальше →', predict: 'Предскажите: ' },
  matrix: {
    heading: 'Кто был обязан помочь?', predictHeading: 'Предскажите каждую клетку, затем проверьте', corner: 'Государство', legend: 'Условные обозначения',
    under: (state, clause) => `${state}, ${clause}: `,
    was: (status) => `⇄ было: ${status}`, predictedRight: '✓ угадано', predictedWrong: (status) => `✗ предсказано: ${status}`,
    notYet: '? ещё нет', states: (n) => `государств: ${n}`,
  },
  map: {
    heading: (date) => `Карта на ${date}`, clause: 'Статья ', hidden: 'Скрыто до проверки.',
    title: (target, clause, date) => `Кто был обязан помочь (${target}) по статье «${clause}» на ${date}`,
    obliged: (list) => `Обязаны: ${list}.`, noneObliged: 'Никто не был обязан.', attacker: 'нападающий', attacked: 'подверглось нападению',
    legendPlace: 'место нападения', legendAttacker: 'нападающий', legendStanding: 'участие заморожено или приостановлено (подписано на карте)', legendUnjudged: 'по этой статье не оценивается',
    bordersToday: (of, date) => `Границы сегодняшние (Natural Earth, ${of}), а не на ${date}.`,
    borders: (of) => `Границы: Natural Earth, ${of}.`,
    noPlace: (place) => ` Место нападения (${place}) на этой карте не показано.`,
    offMap: 'Нет на сегодняшней карте: ',
    who: (place, attacker) => `Место нападения: ${place}${attacker ? `. Нападающий: ${attacker}.` : '.'}`,
    standingOn: (state, standing) => `${state}: ${STANDING[standing] ?? standing} на эту дату.`,
  },
};
