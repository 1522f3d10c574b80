// The one file a host page includes:
//   <script type="module" src="https://cdn.example/partner-scorecard/embed.js"></script>
// It loads the widget's wasm relative to its own URL, so dist/ can live on any path.
import init from './partner-scorecard-web.js';

await init({ module_or_path: new URL('./partner-scorecard-web_bg.wasm', import.meta.url) });
