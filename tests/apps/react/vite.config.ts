import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Nothing for partner-scorecard here: the package works with Vite's defaults.
export default defineConfig({ plugins: [react()] });
