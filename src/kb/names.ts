// Name keys: the form under which actors (and their mentions) from different articles are matched.

// Letters that Unicode does not decompose into base letter + accent, so NFKD alone would keep them apart.
const UNDECOMPOSABLE: Record<string, string> = {
  ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ð: 'd',
};

/** Case-folded, accents stripped, every run of non-alphanumerics collapsed to one space: "Jean-Luc Mélenchon" -> "jean luc melenchon". */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øłđħıæœßþð]/g, (letter) => UNDECOMPOSABLE[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
