import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';
import { useSessionStore } from './stores/session';
import './styles/base.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(createAppI18n());

// Start the cookie refresh right away; the router's first navigation waits for it.
void useSessionStore(pinia).restore();

const router = createAppRouter();
app.use(router);

void router.isReady().then(() => app.mount('#app'));
