import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { DomainError } from '@chartdesk/api-platform';
import { SaxesParser } from 'saxes';

/** What a reader does with the elements of one CMS XML file, one event at a time. */
export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text(text: string): void;
  close(name: string): void;
  /** After the last element: complain about anything left unfinished. */
  end(): void;
}

/** A file whose elements are not laid out as CMS publishes them; the stream adds line and element. */
export class XmlShapeError extends Error {}

export interface XmlStreamOptions {
  /** Called between chunks, so the caller can write what was read so far (and report progress). */
  readonly afterChunk: (bytesRead: number, totalBytes: number) => Promise<void>;
}

const CHUNK_BYTES = 256 * 1024;

/**
 * Feeds a file to `handler` in chunks, never holding more than one chunk and
 * what the handler buffers. Malformed XML and shape errors stop the import
 * with the file name, line and element, so an operator can find the spot.
 */
export async function streamXml(path: string, handler: XmlHandler, options: XmlStreamOptions): Promise<void> {
  const name = basename(path);
  const totalBytes = (await stat(path)).size;
  const parser = new SaxesParser({ position: true });
  const elements: string[] = [];
  parser.on('opentag', (tag) => {
    elements.push(tag.name);
    handler.open(tag.name, tag.attributes as Record<string, string>);
  });
  parser.on('closetag', (tag) => {
    handler.close(tag.name);
    elements.pop();
  });
  parser.on('text', (text) => handler.text(text));
  parser.on('cdata', (text) => handler.text(text));
  const fail = (error: unknown): never => {
    const where = `${name}, line ${parser.line}${elements.length ? `, in <${elements[elements.length - 1]}>` : ''}`;
    if (error instanceof XmlShapeError) throw new DomainError('VALIDATION', `${where}: ${error.message}`);
    // saxes prefixes its own messages with line:column; keep only the reason.
    const reason = error instanceof Error ? error.message.replace(/^\d+:\d+: /, '') : String(error);
    throw new DomainError('VALIDATION', `${where}: malformed XML (${reason})`);
  };
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) {
      try {
        parser.write(chunk as string);
      } catch (error) {
        fail(error);
      }
      await options.afterChunk(stream.bytesRead, totalBytes);
    }
    try {
      parser.close();
      handler.end();
    } catch (error) {
      fail(error);
    }
  } finally {
    stream.destroy();
  }
}
