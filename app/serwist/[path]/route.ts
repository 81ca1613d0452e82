import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSerwistRoute } from '@serwist/turbopack';
import { onlyPublicChunks, publicChunkNames } from '@/lib/pwa/public-chunks';

// Builds app/sw.ts (with the precache manifest of this build's /_next/static files and public/) once, at build time,
// and serves it as a static file at /serwist/sw.js. Serwist's Turbopack integration: @serwist/next's plugin needs webpack.
const iconRevision = createHash('sha256').update(readFileSync('app/icon.svg')).digest('hex').slice(0, 16);

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'app/sw.ts',
  useNativeEsbuild: true,
  additionalPrecacheEntries: [{ url: '/icon.svg', revision: iconRevision }],
  // Only the chunks the public pages can load (lib/pwa/public-chunks.ts): not the admin's, not the legacy polyfills.
  manifestTransforms: [
    (entries) => {
      const keep = publicChunkNames(process.env.NEXT_DIST_DIR || '.next');
      const warnings = keep === null ? ['The build manifests could not be read: the service worker precaches every chunk.'] : [];
      return { manifest: onlyPublicChunks(entries, keep), warnings };
    },
  ],
});
