/**
 * The end of a release: an end mark ("###", "\###", "-30-", "# # #", "END")
 * and a closing contact block. Both are recognised by shape, from the raw
 * source, since Markdown turns "###" into an empty heading and "\###" into text.
 */
import type { Block } from './lines.js';
import { collapse } from './lines.js';

const END_MARK = /^(?:[*_]{0,2})(?:\\?#\s*){3,}(?:[*_]{0,2})$|^-\s*30\s*-$|^-?\s*###\s*-?$|^(?:END|FIN|-?\s*END\s*-?|-\s*xxx\s*-)$/u;

export function isEndMark(block: Block): boolean {
  return block.raw.length <= 12 && !block.raw.includes('\n') && END_MARK.test(block.raw);
}

/** Phrases that open a contact line or block, in the languages of the corpus. */
const CONTACT_LEAD =
  /^(?:for\s+(?:more|further|additional)\s+information|(?:for\s+)?(?:more|further)\s+information\s+(?:about|on|is|can)|for\s+(?:media|press)\s+(?:inquiries|enquiries|queries|questions)|for\s+(?:inquiries|enquiries)|(?:to\s+)?learn\s+more|read\s+more|media\s+(?:contacts?|inquiries|enquiries)|press\s+(?:contacts?|inquiries|office)|contacts?\s*:|inquiries\s*:|para\s+m[aá]s\s+informaci[oó]n|contacto\s*:|para\s+mais\s+informa[cç][oõ]es|新聞聯絡人|聯絡人|聯絡電話)/iu;

/** A contact phrase anywhere in a short closing paragraph ("Please submit any media inquiries …"). */
const CONTACT_PHRASE =
  /\b(?:(?:media|press)\s+(?:inquiries|enquiries|queries|contacts?)|(?:more|further|additional)\s+information|m[aá]s\s+informaci[oó]n|mais\s+informa[cç][oõ]es|learn\s+more)\b/iu;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;
const PHONE = /(?:\+?\d[\d\s().-]{7,}\d)/u;
const URL = /\b(?:https?:\/\/|www\.)\S+/iu;

/** "MR PRICE:", "Moderator:", "Q": a speaker's words in a transcript are speech, not a contact block. */
const SPEAKER = /^(?:[\p{Lu}][\p{Lu}\p{L}.' -]{0,40}|Q):\s/u;

/** Longest contact kept, as the corpus labels it. */
export const CONTACT_LIMIT = 200;

/** Decode literal "\u2019" / "\xf1" escapes so that the phrase tests see the words. */
function decodeEscapes(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/gu, (_, u: string | undefined, x: string | undefined) => String.fromCharCode(parseInt(u ?? x ?? '20', 16)));
}

/** Whether a piece of closing text is a contact line, by its wording or its address and number. */
export function isContactText(text: string): boolean {
  const t = decodeEscapes(text);
  if (CONTACT_LEAD.test(t)) return true;
  if (SPEAKER.test(t)) return false;
  const wordCount = t.split(/\s+/u).length;
  if (wordCount <= 40 && CONTACT_PHRASE.test(t) && (EMAIL.test(t) || URL.test(t) || PHONE.test(t) || /\bcontact\b|web\s*form|visit|visite/iu.test(t))) return true;
  return wordCount <= 40 && (EMAIL.test(t) || PHONE.test(t)) && /\b(contact|press|media|inquir|call|email|e-mail|phone|tel)/iu.test(t);
}

/** A closing contact block: a paragraph led by a contact phrase, or short and carrying an address or number. */
export function isContact(block: Block): boolean {
  if (block.node.type !== 'paragraph') return false;
  return isContactText(block.text);
}

/** The contact value as the labels keep it: raw text, white space collapsed, at most 200 characters. */
export function contactValue(raw: string): { value: string; clipped: boolean } {
  const full = collapse(raw);
  if (full.length <= CONTACT_LIMIT) return { value: full, clipped: false };
  return { value: full.slice(0, CONTACT_LIMIT).trim(), clipped: true };
}

/**
 * A contact that stops mid-phrase: it ends in a preposition, article or
 * conjunction, or in a colon or comma, where an address or number should follow.
 */
export function truncation(contact: string): string | undefined {
  const tail = contact.trim();
  const m = /(?:\b(at|to|the|of|on|by|for|and|or|via|a|an|with|from|contact|call|email|e-mail|phone|en|a|al|con|para|em|pelo)|([:,;–—-]))$/iu.exec(tail);
  if (!m) return undefined;
  return m[1] ? `ends in "${m[1]}"` : `ends in "${m[2]}"`;
}

/**
 * Page furniture after a flattened release ("Enter your email: …", a
 * newsletter form): where it starts, or -1.
 */
export function footerStart(text: string): number {
  const m = /\s(?:Enter your email|Sign up for (?:our|email)|Receive latest updates|Subscribe to (?:our|email)|Related Posts|Share this (?:page|article)|Follow us on)\b/u.exec(text);
  return m ? m.index : -1;
}

/** Sentence starts in a run of text (offsets), for flattened sources with no paragraph breaks. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  const re = /(?:[.!?:]["”’)]?|\\xa0|\u00a0|\\u201d)\s+(?=["“]?[\p{Lu}\d])|\s{2,}(?=[\p{Lu}\d])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/**
 * The closing contact inside one flattened block: the last sentence when it
 * is a contact line, or a trailing run of names and a phone number
 * ("Melissa Wagoner Keith Maley  617  565 4472"). Returns offsets in `text`.
 */
export function trailingContact(text: string): { start: number; end: number } | undefined {
  const end = text.trimEnd().length;
  const starts = sentenceStarts(text).filter((s) => s < end);
  const last = starts[starts.length - 1];
  if (last !== undefined && last > 0 && isContactText(text.slice(last, end))) return { start: last, end };
  // Names and a number with nothing lower-case between them: a contact block whose punctuation was lost.
  const segs = text.slice(0, end).split(/(?=\s{2,})/u);
  let start = end;
  let digits = 0;
  for (let i = segs.length - 1; i >= 0; i--) {
    const seg = segs[i]!;
    if (/\p{Ll}{2,}\s+\p{Ll}/u.test(seg.trim()) || seg.trim().split(/\s+/u).length > 6) break;
    start -= seg.length;
    digits += (seg.match(/\d/gu) ?? []).length;
  }
  if (digits >= 7 && start < end && /\p{Lu}\p{Ll}+/u.test(text.slice(start, end))) {
    const lead = text.slice(start).length - text.slice(start).trimStart().length;
    return { start: start + lead, end };
  }
  return undefined;
}

const TRAILER =
  /^(?:topic\(s\)|topics?|component\(s\)|components?|press\s+release\s+(?:number|no\.?)|release\s+number|prn|updated|last\s+(?:updated|modified|reviewed)|posted\s+(?:in|on)|tags?|categories|filed\s+under|related\s+(?:posts|articles|links|news|content|releases)|attachments?)\b\s*:?/iu;

/** A short page-metadata line that follows a release on its web page. */
export function isTrailer(text: string): boolean {
  return TRAILER.test(text) && text.split(/\s+/u).length <= 8;
}
