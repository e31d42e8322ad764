import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { languageReady } from "./i18n";
import { App } from "./App";

void languageReady.then(() =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
