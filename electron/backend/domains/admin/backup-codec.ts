import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/*
 * Compact backups. A daily copy of a 1.3 GB database, kept thirty times over, fills a disk; the
 * pages of a desk's database (Chinese names, repeated statuses, JSON in the log) compress to a
 * fraction. zstd where the Node inside this Electron has it built in (node:zlib since 22.15;
 * fast, and a better ratio than gzip), else gzip from the same module: no native code to ship.
 * Everything streams through libuv's thread pool, so the desk's thread is free meanwhile and
 * memory stays flat whatever the file's size.
 */

export type Codec = 'zstd' | 'gzip';

type ZstdZlib = typeof zlib & {
  createZstdCompress?: (options?: { params?: Record<number, number> }) => Transform;
  createZstdDecompress?: () => Transform;
};
const z = zlib as ZstdZlib;

/** The codec new backups get on this build. */
export const BACKUP_CODEC: Codec = typeof z.createZstdCompress === 'function' && typeof z.createZstdDecompress === 'function' ? 'zstd' : 'gzip';

const EXTENSION: Record<Codec, string> = { zstd: '.zst', gzip: '.gz' };

export function compressedName(name: string, codec: Codec = BACKUP_CODEC): string {
  return `${name}${EXTENSION[codec]}`;
}

/** The codec a backup's name says it was written with; null for a plain SQLite file. */
export function codecOf(file: string): Codec | null {
  if (file.endsWith(EXTENSION.zstd)) return 'zstd';
  if (file.endsWith(EXTENSION.gzip)) return 'gzip';
  return null;
}

function compressor(codec: Codec): Transform {
  if (codec === 'gzip') return zlib.createGzip({ level: 6 });
  // Level 3 (zstd's default): most of the ratio at a few hundred MB/s on one core.
  return z.createZstdCompress!({ params: { [zlib.constants.ZSTD_c_compressionLevel as number]: 3 } });
}

function decompressor(codec: Codec): Transform {
  if (codec === 'gzip') return zlib.createGunzip();
  // A backup written with zstd, read by a build without it: said plainly, not a stream error.
  if (!z.createZstdDecompress) throw new Error('this build cannot read zstd backups');
  return z.createZstdDecompress();
}

/** Passes bytes through while hashing and counting them. */
function tap(hash: ReturnType<typeof createHash>, counter: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      counter.bytes += chunk.length;
      done(null, chunk);
    },
  });
}

async function fsync(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface Compressed {
  codec: Codec;
  /** Bytes of the SQLite file itself, and of the compressed file on disk. */
  rawSize: number;
  size: number;
  /** SHA-256 of the SQLite file: what a restore must get back. */
  sha256: string;
}

/**
 * Compresses `raw` into `target` (made durable), then verifies it: the target is read back,
 * decompressed and hashed, and must give the very bytes of `raw`. A target that does not is
 * removed and the call throws, so no backup is ever kept that would not restore.
 */
export async function compressVerified(raw: string, target: string, codec: Codec = BACKUP_CODEC): Promise<Compressed> {
  const hash = createHash('sha256');
  const counter = { bytes: 0 };
  try {
    await pipeline(createReadStream(raw), tap(hash, counter), compressor(codec), createWriteStream(target));
    await fsync(target);
    const sha256 = hash.digest('hex');
    const back = await hashExpanded(target, codec);
    if (back.sha256 !== sha256 || back.bytes !== counter.bytes) throw new Error(`compressed backup ${target} does not read back as written`);
    const { size } = await stat(target);
    return { codec, rawSize: counter.bytes, size, sha256 };
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
}

/** SHA-256 and length of what a compressed file expands to. */
export async function hashExpanded(file: string, codec: Codec): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  const counter = { bytes: 0 };
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      counter.bytes += chunk.length;
      done();
    },
  });
  await pipeline(createReadStream(file), decompressor(codec), sink);
  return { sha256: hash.digest('hex'), bytes: counter.bytes };
}

/** Writes the SQLite file a compressed backup holds to `target` (made durable). */
export async function expand(file: string, codec: Codec, target: string): Promise<void> {
  try {
    await pipeline(createReadStream(file), decompressor(codec), createWriteStream(target));
    await fsync(target);
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
}
