/**
 * CI sharding: each document belongs to one of N shards by a hash of its
 * relative path, so adding or removing a document never moves another.
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';

export interface Shard {
  /** 1-based, as CI matrices count. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/u.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard must be I/N with 1 ≤ I ≤ N (e.g. 2/3), not "${text}"`);
  return { index, count };
}

/** The 1-based shard of a source, from its path relative to its input folder (with "/" separators). */
export function shardOf(relativePath: string, count: number): number {
  const key = relativePath.split('\\').join('/');
  const digest = createHash('sha256').update(key).digest();
  return Number(digest.readBigUInt64BE(0) % BigInt(count)) + 1;
}

/** File-name suffix for per-shard manifests and reports: "" or ".2-of-3". */
export function shardSuffix(shard: Shard | undefined): string {
  return shard && shard.count > 1 ? `.${shard.index}-of-${shard.count}` : '';
}
