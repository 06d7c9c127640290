/**
 * Atom ids: name-based UUIDs (RFC 9562 version 5) of the output name. They
 * stay the same across rebuilds and when a headline is edited (the name
 * follows the source file, not the title), and `urn:uuid:` is a registered
 * URN namespace that every feed reader accepts. With a site URL the name
 * includes it, so two press rooms never share an id.
 */
import { createHash } from 'node:crypto';

/** RFC 9562's URL namespace. */
const URL_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

export function uuidV5(name: string, namespace: Uint8Array = URL_NAMESPACE): string {
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function entryId(stem: string, siteUrl?: string): string {
  return `urn:uuid:${uuidV5(siteUrl ? new URL(stem, siteUrl).href : `handout:${stem}`)}`;
}

export function feedId(siteUrl?: string): string {
  return `urn:uuid:${uuidV5(siteUrl ? new URL('feed.xml', siteUrl).href : 'handout:feed.xml')}`;
}
