import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The global sheet first, so each view's own sheet (imported with the view) comes after it.
import './styles.css';
import { App } from './app';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
