/** Reads an AI SDK UI message stream (SSE) response into its chunks. */
export interface UIChunk {
  type: string;
  delta?: string;
  errorText?: string;
  [key: string]: unknown;
}

export async function readUIChunks(response: Response, { onChunk }: { onChunk?: (chunk: UIChunk, at: number) => void } = {}): Promise<UIChunk[]> {
  if (!response.body) throw new Error('response has no body');
  const chunks: UIChunk[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let boundary = buffer.indexOf('\n\n');
    while (boundary !== -1) {
      const frame = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      for (const line of frame.split('\n')) {
        if (!line.startsWith('data: ')) continue;
        const data = line.slice(6);
        if (data === '[DONE]') continue;
        const chunk = JSON.parse(data) as UIChunk;
        chunks.push(chunk);
        onChunk?.(chunk, Date.now());
      }
      boundary = buffer.indexOf('\n\n');
    }
  }
  return chunks;
}

export function textOf(chunks: UIChunk[]): string {
  return chunks
    .filter((chunk) => chunk.type === 'text-delta')
    .map((chunk) => chunk.delta ?? '')
    .join('');
}
