import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The web app: built to apps/web/dist, which the server serves at /. */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd is one large vendor chunk; pages are split with React.lazy.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
