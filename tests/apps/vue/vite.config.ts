import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The one thing Vue needs to know: <partner-scorecard> is a custom element.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'partner-scorecard' } } })],
});
