import { defineConfig } from 'vite';

export default defineConfig({
  // The dev server pre-bundles dependencies into node_modules/.vite/deps/, which breaks
  // `import.meta.url` inside them; the widget is an ES module already, so leave it alone.
  optimizeDeps: { exclude: ['rapport-questionnaire'] },
});
