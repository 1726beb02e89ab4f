import { createHash } from 'node:crypto';

const NEWLINE = 0x0a;

/** SHA-256, byte count and line count of a file, fed chunk by chunk (constant memory). */
export class ExportDigest {
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private lines = 0;

  update(chunk: Buffer): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) this.lines++;
  }

  finish(): { sha256: string; byteLength: number; lines: number } {
    return { sha256: this.hash.digest('hex'), byteLength: this.bytes, lines: this.lines };
  }
}
