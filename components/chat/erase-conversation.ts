import { visitorHeaders } from '@/lib/client/visitor-session';

/** DELETE {api}/{id}: true when the server erased it or has nothing under that id for this visitor (404). */
export async function eraseConversation(api: string, id: string): Promise<boolean> {
  try {
    const response = await fetch(`${api}/${encodeURIComponent(id)}`, { method: 'DELETE', headers: await visitorHeaders() });
    return response.status === 204 || response.status === 404;
  } catch {
    return false;
  }
}
