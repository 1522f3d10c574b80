// The element is defined once this import resolves (top-level await), so React
// sets `data` as a property from the first render.
import 'partner-scorecard/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(<StrictMode><App /></StrictMode>);
