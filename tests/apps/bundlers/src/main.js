import 'partner-scorecard';

// Runs after the element is defined (the package's entry awaits the wasm).
document.body.dataset.defined = String(Boolean(customElements.get('partner-scorecard')));
