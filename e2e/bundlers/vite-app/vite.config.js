import { defineConfig } from 'vite';

// Nothing for the widget: with setBasePath, neither the build nor the dev server's
// pre-bundling (optimizeDeps) changes where its files are fetched from.
export default defineConfig({});
