// `import 'partner-scorecard/react'`: the element, plus React 19 JSX types (react.d.ts).
export * from './index.js';
