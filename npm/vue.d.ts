// Vue 3 types of <partner-scorecard>: `import 'partner-scorecard/vue'`. Vue still
// needs `compilerOptions.isCustomElement` (see docs/embedding.md); bind `data` and
// `token` with `.prop`.
import type { DefineComponent } from 'vue';
import type {
  PartnerScorecardAttributes, PartnerScorecardEventMap, ScorecardData,
} from './index.js';

export * from './index.js';

type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;

/** `@scorecard-select` and the rest, as Vue's template checker sees listeners. */
export type PartnerScorecardVueListeners = {
  [K in keyof PartnerScorecardEventMap as `on${Capitalize<Camel<K>>}`]?: (event: PartnerScorecardEventMap[K]) => void;
};

export interface PartnerScorecardVueProps extends PartnerScorecardAttributes, PartnerScorecardVueListeners {
  data?: ScorecardData | null;
  token?: string | null;
}

declare module 'vue' {
  interface GlobalComponents {
    'partner-scorecard': DefineComponent<PartnerScorecardVueProps>;
  }
}
