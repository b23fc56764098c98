import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Nothing for the widget: with setBasePath, neither the build nor the dev server's
// pre-bundling (optimizeDeps) changes where its files are fetched from.
export default defineConfig({
  plugins: [react()],
});
