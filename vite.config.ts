import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [preact()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // Everything is served locally; no inlined data: URLs for scripts (the CSP forbids them).
    assetsInlineLimit: 0,
    // The kiosk's screens, and the print page the renderer lays tickets and lists out with.
    rollupOptions: { input: { index: 'renderer/index.html', print: 'renderer/print.html' } },
  },
});
