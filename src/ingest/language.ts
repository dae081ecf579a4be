// A small stopword-ratio check: news text in English is full of English function words, and text in another
// European language is full of its own. Words shared between languages (a, in, de, en, die, war...) are left
// out of the lists so that names and loanwords do not tip the balance.

const STOPWORDS: Record<string, readonly string[]> = {
  en: ['the', 'of', 'and', 'to', 'is', 'that', 'for', 'with', 'as', 'was', 'by', 'it', 'at', 'from', 'his', 'her',
    'this', 'be', 'are', 'have', 'has', 'had', 'not', 'but', 'which', 'they', 'he', 'she', 'were', 'been', 'will',
    'would', 'their', 'said', 'or', 'who', 'we', 'its', 'after', 'about', 'than', 'also', 'could', 'should'],
  fr: ['le', 'les', 'des', 'du', 'et', 'est', 'une', 'pour', 'dans', 'qui', 'pas', 'sur', 'au', 'aux', 'avec',
    'ce', 'cette', 'sont', 'il', 'elle', 'nous', 'vous', 'ont', 'été', 'mais', 'par', 'plus', 'ses', 'leur', 'ne',
    'aussi', 'être', 'avait', 'était', 'selon', 'lors', 'ou'],
  de: ['der', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'dem', 'sich', 'auf', 'für', 'ein', 'eine', 'einer',
    'zu', 'von', 'auch', 'wird', 'werden', 'sie', 'nach', 'bei', 'aus', 'dass', 'wir', 'hat', 'haben', 'oder',
    'sind', 'des', 'wurde', 'über', 'noch', 'zum', 'zur', 'ich', 'er'],
  es: ['el', 'los', 'las', 'del', 'y', 'por', 'con', 'para', 'una', 'es', 'se', 'lo', 'su', 'sus', 'pero',
    'más', 'como', 'está', 'fue', 'han', 'muy', 'también', 'sobre', 'entre', 'ha', 'al', 'este', 'esta', 'según',
    'hasta', 'desde', 'sin', 'porque'],
  it: ['di', 'che', 'è', 'della', 'delle', 'degli', 'nel', 'nella', 'sono', 'gli', 'anche', 'questo', 'più',
    'dal', 'alla', 'alle', 'dei', 'hanno', 'essere', 'stato', 'stata', 'ma', 'perché', 'cui', 'sul', 'sulla'],
  pt: ['não', 'uma', 'os', 'dos', 'das', 'em', 'com', 'são', 'também', 'ao', 'pelo', 'pela', 'foi', 'mais',
    'seu', 'sua', 'ele', 'ela', 'nos', 'nas', 'muito', 'já', 'está', 'isso', 'quando'],
  nl: ['het', 'een', 'van', 'niet', 'zijn', 'voor', 'dat', 'met', 'op', 'te', 'ook', 'aan', 'worden', 'wordt',
    'naar', 'bij', 'heeft', 'hij', 'zij', 'maar', 'deze', 'nog', 'wel', 'werd', 'omdat'],
  id: ['yang', 'dan', 'ini', 'itu', 'dengan', 'untuk', 'tidak', 'dari', 'dalam', 'akan', 'pada', 'juga', 'karena',
    'ada', 'bisa', 'kita', 'saya', 'oleh', 'sudah', 'atau', 'lebih', 'seperti', 'mereka'],
};

const LANGUAGE_OF_WORD = new Map<string, string[]>();
for (const [language, words] of Object.entries(STOPWORDS)) {
  for (const word of words) LANGUAGE_OF_WORD.set(word, [...(LANGUAGE_OF_WORD.get(word) ?? []), language]);
}

/** Texts shorter than this are too short to judge and pass. */
const MIN_WORDS = 20;
/** Letters needed before the script is judged (about 20 words of Latin text). */
const MIN_LETTERS = 100;
/** Characters sampled: enough to judge, cheap on long texts. */
const MAX_SAMPLE_CHARS = 20_000;
/**
 * Ordinary English prose has 30-45 % function words; even a sports box score or a list of names has some, so
 * only a text with next to none is called unrecognised.
 */
const MIN_ENGLISH_RATIO = 0.005;

/** Returns null for English (or too short to tell), else a short reason such as "looks like fr". */
export function notEnglishReason(text: string): string | null {
  const sample = text.slice(0, MAX_SAMPLE_CHARS);
  const script = dominantNonLatinScript(sample);
  if (script) return `${script} script`;

  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return null;
  const counts = new Map<string, number>();
  for (const word of words) {
    for (const language of LANGUAGE_OF_WORD.get(word) ?? []) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const english = counts.get('en') ?? 0;
  const [rival, rivalCount] = [...counts].filter(([language]) => language !== 'en').sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (rivalCount > english) return `looks like ${rival}`;
  if (english / words.length < MIN_ENGLISH_RATIO) return 'unrecognised language';
  return null;
}

const SCRIPTS: Array<[string, RegExp]> = [
  ['Cyrillic', /\p{Script=Cyrillic}/gu],
  ['Greek', /\p{Script=Greek}/gu],
  ['Arabic', /\p{Script=Arabic}/gu],
  ['Hebrew', /\p{Script=Hebrew}/gu],
  ['CJK', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu],
  ['Devanagari', /\p{Script=Devanagari}/gu],
];

/** Counted in letters, not words: Chinese or Japanese text has no spaces between words. */
function dominantNonLatinScript(sample: string): string | null {
  const letters = countMatches(sample, /\p{L}/gu);
  if (letters < MIN_LETTERS) return null;
  if (countMatches(sample, /\p{Script=Latin}/gu) >= letters / 2) return null;
  for (const [name, pattern] of SCRIPTS) {
    if (countMatches(sample, pattern) >= letters / 2) return name;
  }
  return 'non-Latin';
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
