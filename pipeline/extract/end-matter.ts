/**
 * The end of a release: an end mark ("###", "-30-", "# # #", "END") and a
 * closing contact block. Both are recognised by shape, from the raw source, since
 * Markdown turns "###" into an empty heading and "\###" into text.
 */
import type { Block } from './lines.js';

const END_MARK = /^(?:[*_]{0,2})(?:\\?#\s*){3,}(?:[*_]{0,2})$|^-\s*30\s*-$|^-?\s*###\s*-?$|^(?:END|FIN|-?\s*END\s*-?|-\s*xxx\s*-)$/u;

export function isEndMark(block: Block): boolean {
  return block.raw.length <= 12 && !block.raw.includes('\n') && END_MARK.test(block.raw);
}

const CONTACT_LEAD =
  /^(?:for\s+(?:more|further|additional)\s+information|for\s+(?:media|press)\s+(?:inquiries|enquiries|queries)|media\s+(?:contacts?|inquiries|enquiries)|press\s+(?:contacts?|inquiries|office)|contacts?\s*:|inquiries\s*:|para\s+m[aá]s\s+informaci[oó]n|contacto\s*:|para\s+mais\s+informa[cç][oõ]es|新聞聯絡人|聯絡人)/iu;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;
const PHONE = /(?:\+?\d[\d\s().-]{7,}\d)/u;

/** A closing contact block: led by a contact phrase, or short and carrying an e-mail address or phone number. */
export function isContact(block: Block): boolean {
  if (block.node.type !== 'paragraph') return false;
  if (CONTACT_LEAD.test(block.text)) return true;
  const wordCount = block.text.split(/\s+/u).length;
  return wordCount <= 40 && (EMAIL.test(block.text) || PHONE.test(block.text)) && /\b(contact|press|media|inquir|call|email|e-mail|phone|tel)/iu.test(block.text);
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
