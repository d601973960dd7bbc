/**
 * Text cut into pieces of at most a number of UTF-8 bytes, only between characters (a multi-byte sequence or an
 * emoji is never split): what folded calendar lines (RFC 5545) and email encoded words (RFC 2047) both need.
 */

/** The pieces of `text`, piece `i` of at most `maxBytes(i)` bytes (each at least one character long). */
export function utf8Chunks(text: string, maxBytes: (index: number) => number): string[] {
  const chunks: string[] = [];
  let current = '';
  let bytes = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character, 'utf8');
    if (current && bytes + size > maxBytes(chunks.length)) {
      chunks.push(current);
      current = '';
      bytes = 0;
    }
    current += character;
    bytes += size;
  }
  if (current || !chunks.length) chunks.push(current);
  return chunks;
}
