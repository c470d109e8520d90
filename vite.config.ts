// Builds the web application from src/web into dist/web, where the server serves it.
// Each HTML page is an entry of its own: the back office (index.html) and the customer portal
// with its voucher pages (portal.html).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRepo = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

const reactFamily =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/;

/**
 * Libraries change less often than our code, so they get chunks of their own that browsers keep
 * across deploys. React's family is split from the rest (Mantine, TanStack, i18next), which only
 * ever imports it, so no two chunks import each other; ECharts (with zrender) has its own.
 */
function vendorChunk(id: string): string | undefined {
  // Rollup's CommonJS wrappers (`\0…/node_modules/x/index.js?commonjs-…`) go with their package.
  if (reactFamily.test(id)) return 'react';
  // Charts are the back office's alone: the portal never downloads them.
  if (/[\\/]node_modules[\\/](echarts|zrender)[\\/]/.test(id)) return 'charts';
  if (/[\\/]node_modules[\\/]/.test(id)) return 'vendor';
  // Rollup's own helpers (`\0commonjsHelpers.js`) import nothing; React's chunk needs them.
  if (id.startsWith('\0')) return 'react';
  return undefined;
}

export default defineConfig({
  root: fromRepo('./src/web'),
  plugins: [react()],
  build: {
    outDir: fromRepo('./dist/web'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        backoffice: fromRepo('./src/web/index.html'),
        portal: fromRepo('./src/web/portal.html'),
      },
      output: { manualChunks: vendorChunk },
    },
  },
  server: {
    proxy: {
      // The API keeps its own origin in development; the session cookie follows the proxy.
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
