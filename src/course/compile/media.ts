import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { imageSize } from 'image-size';
import { type DiagnosticBag, didYouMean, type Point } from '../diagnostics.ts';
import type { MediaFile } from '../model.ts';

const TYPES: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  webm: 'video/webm',
  vtt: 'text/vtt',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export const isMediaPath = (path: string): boolean => path.startsWith('media/');

/** Media of one build: each referenced file copied once under a content-hashed name. */
export class MediaCollector {
  readonly #files: ReadonlyMap<string, string | Uint8Array>;
  readonly #bag: DiagnosticBag;
  readonly #built = new Map<string, MediaFile>();
  readonly #bytes = new Map<string, Uint8Array>();

  constructor(files: ReadonlyMap<string, string | Uint8Array>, bag: DiagnosticBag) {
    this.#files = files;
    this.#bag = bag;
  }

  /** the built path of a referenced file, or undefined (reported) when the course folder lacks it */
  use(file: string, at: Point, reference: string, attribute: string): string | undefined {
    const path = reference.replace(/^\.\//, '');
    const known = this.#built.get(path);
    if (known) return known.path;
    const content = this.#files.get(path);
    if (content === undefined || !isMediaPath(path)) {
      const candidates = [...this.#files.keys()].filter(isMediaPath);
      const guess = didYouMean(path, candidates);
      this.#bag.error(
        file,
        at,
        'missing-media',
        `\`${attribute}\` names \`${reference}\`, which is not in the course's media folder`,
        guess ? `did you mean \`${guess}\`?` : 'add the file under media/ or correct the path',
      );
      return undefined;
    }
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const dot = path.lastIndexOf('.');
    const extension = dot > path.lastIndexOf('/') ? path.slice(dot + 1).toLowerCase() : '';
    const stem = path.slice('media/'.length, dot > 0 ? dot : undefined).replace(/[^A-Za-z0-9_-]+/g, '-');
    const hash = bytesToHex(sha256(bytes)).slice(0, 10);
    const built = `media/${stem}.${hash}${extension ? `.${extension}` : ''}`;
    const type = TYPES[extension] ?? 'application/octet-stream';
    this.#built.set(path, {
      source: path,
      path: built,
      type,
      bytes: bytes.length,
      ...(type.startsWith('image/') ? sizeOf(bytes) : {}),
    });
    this.#bytes.set(built, bytes);
    return built;
  }

  /** the size of a built image, when its header or viewBox gives one */
  size(built: string): { width: number; height: number } | undefined {
    for (const file of this.#built.values()) {
      if (file.path === built && file.width && file.height) return { width: file.width, height: file.height };
    }
    return undefined;
  }

  /** media files in the folder that nothing references */
  unused(): string[] {
    return [...this.#files.keys()].filter((path) => isMediaPath(path) && !this.#built.has(path)).sort();
  }

  manifest(): MediaFile[] {
    return [...this.#built.values()].sort((a, b) => a.source.localeCompare(b.source));
  }

  output(): Map<string, Uint8Array> {
    return new Map(this.#bytes);
  }
}

/** An image's own size from its bytes (PNG/JPEG/GIF/WebP header, SVG width/height or viewBox); {} when unknown. */
function sizeOf(bytes: Uint8Array): { width?: number; height?: number } {
  try {
    const { width, height } = imageSize(bytes);
    return width > 0 && height > 0 ? { width, height } : {};
  } catch {
    return {};
  }
}
