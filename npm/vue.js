// `import 'partner-scorecard/vue'`: the element, plus Vue's GlobalComponents types (vue.d.ts).
export * from './index.js';
