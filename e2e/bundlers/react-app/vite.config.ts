import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // The dev server pre-bundles dependencies into node_modules/.vite/deps/, which breaks
  // `import.meta.url` inside them; the widget is an ES module already, so leave it alone.
  optimizeDeps: { exclude: ['rapport-questionnaire'] },
});
