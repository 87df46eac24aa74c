import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { requestPersistentStorage } from './db/db.ts';
import { i18next, initI18n, systemLanguage } from './i18n.ts';
import { detectPlatform } from './platform/index.ts';
import { PlatformProvider } from './platform/PlatformContext.tsx';
import { useAppStore } from './store/index.ts';
import './styles.css';

const platform = detectPlatform();

function applyLanguage(lang: NonNullable<ReturnType<typeof useAppStore.getState>['language']>) {
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
  void platform.setLanguage(lang);
}

async function start() {
  const store = useAppStore.getState();
  const lang = store.language ?? systemLanguage();
  if (!store.language) store.setLanguage(lang);
  await initI18n(lang);
  applyLanguage(lang);
  useAppStore.subscribe((state, previous) => {
    if (state.language && state.language !== previous.language) applyLanguage(state.language);
  });
  void requestPersistentStorage();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PlatformProvider platform={platform}>
        <App />
      </PlatformProvider>
    </StrictMode>,
  );
}

void start();
