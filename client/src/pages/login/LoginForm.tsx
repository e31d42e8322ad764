import { useEffect, useState, type FormEvent } from "react";
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  IconButton,
  InputAdornment,
  Stack,
  TextField,
  Typography,
} from "@mui/material";
import Visibility from "@mui/icons-material/Visibility";
import VisibilityOff from "@mui/icons-material/VisibilityOff";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/http";
import { useAuth } from "../../auth/AuthProvider";

/** Seconds to wait from a 429 answer (details.retryAfterSeconds), if the server sent one. */
function retryAfterOf(err: ApiError): number | null {
  const s = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof s === "number" && s > 0 ? Math.ceil(s) : null;
}

/** The sign-in form; on success the router's guard moves the user to their landing page. */
export function LoginForm() {
  const { t } = useTranslation();
  const { login, sessionExpired } = useAuth();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!waitUntil) return;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [waitUntil]);
  const waitLeft = waitUntil ? Math.max(0, Math.ceil((waitUntil - now) / 1000)) : 0;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(new ApiError("validation_failed", t("auth.fillBoth")));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : new ApiError("internal", t("errors.unknown"));
      setError(apiErr);
      const wait = apiErr.code === "too_many_attempts" ? retryAfterOf(apiErr) : null;
      setWaitUntil(wait ? Date.now() + wait * 1000 : null);
      setNow(Date.now());
      if (apiErr.code === "invalid_credentials") setPassword("");
      setBusy(false);
    }
  };

  const minutes = Math.floor(waitLeft / 60);
  const seconds = waitLeft % 60;
  return (
    <Box component="form" noValidate onSubmit={onSubmit} data-testid="login-form">
      <Typography variant="h5" component="h2" sx={{ mb: 0.5 }}>
        {t("auth.title")}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
        {t("auth.subtitle")}
      </Typography>
      <Stack spacing={2.5}>
        {sessionExpired && !error && <Alert severity="info">{t("auth.sessionExpired")}</Alert>}
        {error && (
          <Alert severity="error" data-testid="login-error" role="alert">
            {error.message}
            {error.code === "too_many_attempts" && waitLeft > 0 && (
              <Box component="span" sx={{ display: "block", mt: 0.5, fontWeight: 600 }}>
                {t("auth.waitFor", { minutes, seconds: String(seconds).padStart(2, "0") })}
              </Box>
            )}
          </Alert>
        )}
        <TextField
          size="medium"
          label={t("auth.username")}
          name="username"
          autoComplete="username"
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          slotProps={{
            htmlInput: { "data-testid": "login-username", autoCapitalize: "none", spellCheck: false },
          }}
        />
        <TextField
          size="medium"
          label={t("auth.password")}
          name="password"
          type={showPassword ? "text" : "password"}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          slotProps={{
            htmlInput: { "data-testid": "login-password" },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <IconButton
                    onClick={() => setShowPassword((v) => !v)}
                    edge="end"
                    aria-label={showPassword ? t("auth.hidePassword") : t("auth.showPassword")}
                  >
                    {showPassword ? <VisibilityOff /> : <Visibility />}
                  </IconButton>
                </InputAdornment>
              ),
            },
          }}
        />
        <Button
          type="submit"
          variant="contained"
          size="large"
          disabled={busy || waitLeft > 0}
          data-testid="login-submit"
          startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}
          sx={{ py: 1.25 }}
        >
          {busy ? t("auth.signingIn") : t("auth.submit")}
        </Button>
      </Stack>
    </Box>
  );
}
