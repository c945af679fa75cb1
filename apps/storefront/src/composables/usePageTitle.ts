import { inject, onBeforeUnmount, provide, shallowRef, watchEffect, type InjectionKey, type ShallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute } from 'vue-router';

/** The name of what a page shows, or null while there is none (loading, not found). */
type PageName = () => string | null;

const PAGE_NAME: InjectionKey<ShallowRef<PageName | null>> = Symbol('page name');

/**
 * Keeps `document.title` as "<page> · <site name>": the name a page gave with `usePageTitle`, else
 * the route's `meta.titleKey`, else the site name alone. Called once, by App.vue.
 */
export function useDocumentTitle(): void {
  const { t } = useI18n();
  const route = useRoute();
  const pageName = shallowRef<PageName | null>(null);
  provide(PAGE_NAME, pageName);

  // Reads the page's getter inside the effect, so loaded data and a language switch rename the tab.
  watchEffect(() => {
    const brand = t('app.brand');
    const page = pageName.value?.() ?? (route.meta.titleKey ? t(route.meta.titleKey) : null);
    document.title = page ? `${page} · ${brand}` : brand;
  });
}

/** Names the tab after what the page shows, e.g. a product's title in the reader's language. */
export function usePageTitle(name: PageName): void {
  const pageName = inject(PAGE_NAME, null);
  // Outside the app (a page mounted on its own in a test) there is no tab title to keep.
  if (!pageName) return;
  pageName.value = name;
  onBeforeUnmount(() => {
    // Only our own name: the next page may already have set its own.
    if (pageName.value === name) pageName.value = null;
  });
}
