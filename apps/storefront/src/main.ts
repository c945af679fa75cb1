import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppI18n, readStoredLocale, switchLocale } from './i18n';
import { createAppRouter } from './router';
import { useSessionStore } from './stores/session';
import './styles/base.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
const i18n = createAppI18n();
app.use(i18n);
// A visitor who chose English before gets it before the first page shows.
const language = switchLocale(i18n.global, readStoredLocale());

// Start the cookie refresh right away; the router's first navigation waits for it.
void useSessionStore(pinia).restore();

const router = createAppRouter(undefined, i18n);
app.use(router);

void Promise.all([router.isReady(), language]).then(() => app.mount('#app'));
