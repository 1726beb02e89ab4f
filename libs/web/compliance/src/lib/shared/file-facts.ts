import type { ExportFormat } from '@chartdesk/contracts';

/** Lines that are not data rows: the CSV header and the Part 2 notice line (as the server counts them). */
export function dataRows(bytes: Uint8Array, format: ExportFormat, part2Notice: boolean): number {
  let lines = 0;
  for (const b of bytes) if (b === 0x0a) lines++;
  return Math.max(0, lines - (format === 'csv' ? 1 : 0) - (part2Notice ? 1 : 0));
}

export function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256, size and data rows of an uploaded export, computed in the browser (the file never leaves it). */
export async function fileFacts(
  file: Blob,
  format: ExportFormat,
  part2Notice: boolean,
): Promise<{ sha256: string; byteLength: number; rowCount: number }> {
  const buffer = await file.arrayBuffer();
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return {
    sha256: toHex(digest),
    byteLength: buffer.byteLength,
    rowCount: dataRows(new Uint8Array(buffer), format, part2Notice),
  };
}
