// Defines the element and brings Vue's GlobalComponents types for it.
import 'partner-scorecard/vue';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
