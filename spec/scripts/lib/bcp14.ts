/**
 * BCP 14 (RFC 2119 + RFC 8174) keywords. Only the all-capitals forms carry normative meaning,
 * so matching is case-sensitive. Longer phrases come first so that `MUST NOT` is one keyword,
 * not `MUST` plus a stray `NOT`.
 */
export const BCP14_KEYWORDS = [
  'MUST NOT',
  'SHALL NOT',
  'SHOULD NOT',
  'NOT RECOMMENDED',
  'MUST',
  'REQUIRED',
  'SHALL',
  'SHOULD',
  'RECOMMENDED',
  'MAY',
  'OPTIONAL',
] as const;

export type Bcp14Keyword = (typeof BCP14_KEYWORDS)[number];

/** The three strengths a conformance report groups requirements by. */
export type RequirementLevel = 'MUST' | 'SHOULD' | 'MAY';

const KEYWORD_PATTERN = new RegExp(`(?<![A-Za-z_])(${BCP14_KEYWORDS.join('|')})(?![A-Za-z_])`, 'g');

/** Removes inline code spans so that `` `MUST` `` in prose is not read as a keyword. */
export function stripCodeSpans(text: string): string {
  return text.replace(/(`+)[\s\S]*?\1/g, ' ');
}

export function findKeywords(text: string): Bcp14Keyword[] {
  return [...stripCodeSpans(text).matchAll(KEYWORD_PATTERN)].map((m) => m[1] as Bcp14Keyword);
}

export function levelOf(keyword: Bcp14Keyword): RequirementLevel {
  switch (keyword) {
    case 'MUST':
    case 'MUST NOT':
    case 'REQUIRED':
    case 'SHALL':
    case 'SHALL NOT':
      return 'MUST';
    case 'SHOULD':
    case 'SHOULD NOT':
    case 'RECOMMENDED':
    case 'NOT RECOMMENDED':
      return 'SHOULD';
    case 'MAY':
    case 'OPTIONAL':
      return 'MAY';
  }
}
