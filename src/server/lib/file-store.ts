import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, writeFileSync, type ReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from './errors.js';
import { newId } from './ids.js';

/** What people may upload: pictures and PDF, recognised by their bytes, not their name. */
export const ALLOWED_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface StoredFile {
  /** Content address (SHA-256, hex): the same bytes are stored once. */
  key: string;
  mediaType: string;
  size: number;
}

/** Files under `<dataDir>/files/ab/cd/<sha256>`, written atomically. */
export class FileStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new AppError(404, 'not_found', 'The file was not found.');
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async save(bytes: Buffer): Promise<StoredFile> {
    if (bytes.length === 0) throw new AppError(422, 'validation_failed', 'The file is empty.', [{ path: '/file', message: 'is empty', code: 'empty_file' }]);
    if (bytes.length > MAX_FILE_BYTES) throw new AppError(413, 'body_too_large', 'Files may be at most 10 MB.');
    const sniffed = await fileTypeFromBuffer(bytes);
    if (!sniffed || !ALLOWED_TYPES.has(sniffed.mime)) {
      throw new AppError(415, 'unsupported_file_type', 'Upload a picture (PNG, JPEG, GIF, WebP) or a PDF.', [{ path: '/file', message: `is ${sniffed?.mime ?? 'not a recognised file type'}`, code: 'unsupported_file_type' }]);
    }
    const key = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(key);
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${newId()}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, path);
    }
    return { key, mediaType: sniffed.mime, size: bytes.length };
  }

  open(key: string): ReadStream {
    const path = this.pathOf(key);
    if (!existsSync(path)) throw new AppError(404, 'not_found', 'The file was not found.');
    return createReadStream(path);
  }
}
