import type { FastifyReply } from 'fastify';

/**
 * Sends a file someone uploaded (an e-invoice, a cash receipt) as a download, never shown inline:
 * it came from outside, so the browser must not sniff it into something else, and nothing caches it.
 */
export async function sendDownload(reply: FastifyReply, file: { bytes: Buffer; mediaType: string; downloadName: string }): Promise<void> {
  await reply
    .header('Content-Type', file.mediaType)
    .header('Content-Disposition', `attachment; filename="${file.downloadName}"`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(file.bytes);
}
