import { Component, type ErrorInfo, type ReactNode } from "react";
import { Alert, AlertTitle, Box, Button } from "@mui/material";
import i18n from "../i18n";

interface State {
  error: Error | null;
}

/**
 * Catches a page that failed to render or to load (a lazy chunk missing after a new release): the person gets
 * a message and a reload button instead of a blank screen. `resetKey` (the path) clears it on navigation.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("page failed", error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const chunk = /dynamically imported module|Failed to fetch|Importing a module script failed/i.test(
      this.state.error.message,
    );
    return (
      <Box sx={{ p: 3, maxWidth: 720, mx: "auto" }}>
        <Alert
          severity="error"
          variant="outlined"
          sx={{ bgcolor: "background.paper" }}
          action={
            <Button color="inherit" size="small" onClick={() => window.location.reload()}>
              {i18n.t("errors.reload")}
            </Button>
          }
        >
          <AlertTitle>{i18n.t(chunk ? "errors.newVersionTitle" : "errors.crashTitle")}</AlertTitle>
          {i18n.t(chunk ? "errors.newVersionText" : "errors.crashText")}
        </Alert>
      </Box>
    );
  }
}
