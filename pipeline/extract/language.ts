/**
 * The body's language, detected with franc (trigram statistics) and given as a
 * BCP-47 tag. Chinese gets a script subtag because Traditional and Simplified
 * releases need different fonts and line-breaking.
 */
import { franc } from 'franc-min';
import { iso6393To1 } from 'iso-639-3';

/** Characters that only Traditional Chinese uses (a sample of common ones). */
const TRADITIONAL = /[們這個說時國會來對與為關於經過發開學點體當從後總統際灣處實電話區聯習應應黨]/gu;
const SIMPLIFIED = /[们这个说时国会来对与为关于经过发开学点体当从后总统际湾处实电话区联习应党]/gu;

export function detectLanguage(text: string, fallback = 'en'): string {
  const sample = text.slice(0, 20_000);
  const code = franc(sample, { minLength: 20 });
  if (code === 'und') return fallback;
  if (code === 'cmn') {
    const trad = (sample.match(TRADITIONAL) ?? []).length;
    const simp = (sample.match(SIMPLIFIED) ?? []).length;
    return trad >= simp ? 'zh-Hant' : 'zh-Hans';
  }
  return iso6393To1[code] ?? code;
}
