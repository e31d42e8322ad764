import { alpha, createTheme } from "@mui/material/styles";
import { enUS, viVN } from "@mui/material/locale";
import type { Lang } from "./i18n";

// System fonts only: the CSP allows nothing from other origins, and these all carry Vietnamese diacritics.
const FONT = '"Roboto", "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif';

/** The app's theme: a sober administrative blue, dense tables, no shouting capitals. */
export function buildTheme(lang: Lang) {
  return createTheme(
    {
      palette: {
        primary: { main: "#0d47a1", dark: "#0a3880", light: "#e3ecf8" },
        secondary: { main: "#b71c1c" },
        background: { default: "#f4f6fa", paper: "#ffffff" },
        text: { primary: "#1c2533", secondary: "#5b6677" },
        divider: "#e3e7ee",
      },
      shape: { borderRadius: 8 },
      typography: {
        fontFamily: FONT,
        h4: { fontWeight: 700, fontSize: "1.6rem" },
        h5: { fontWeight: 700, fontSize: "1.35rem" },
        h6: { fontWeight: 600, fontSize: "1.1rem" },
        subtitle1: { fontWeight: 600 },
        button: { textTransform: "none", fontWeight: 600 },
      },
      components: {
        MuiAppBar: { defaultProps: { elevation: 0 } },
        MuiPaper: {
          defaultProps: { elevation: 0 },
          styleOverrides: { outlined: { borderColor: "#e3e7ee" } },
        },
        // On a touch screen every button is a finger's height (about 44 px; MUI's are 31–37): the dialogs'
        // confirm and cancel, the headers' actions, "Chọn tệp". A mouse keeps the dense sizes.
        MuiButton: {
          defaultProps: { disableElevation: true },
          styleOverrides: { root: { "@media (pointer: coarse)": { minHeight: 44 } } },
        },
        MuiTableCell: {
          styleOverrides: {
            head: ({ theme }) => ({
              fontWeight: 600,
              color: theme.palette.text.secondary,
              backgroundColor: "#f8f9fc",
              whiteSpace: "nowrap",
            }),
          },
        },
        MuiTableRow: {
          styleOverrides: {
            root: ({ theme }) => ({
              "&.MuiTableRow-hover:hover": { backgroundColor: alpha(theme.palette.primary.main, 0.04) },
            }),
          },
        },
        MuiDialogTitle: { styleOverrides: { root: { fontWeight: 700 } } },
        MuiTextField: { defaultProps: { size: "small", fullWidth: true } },
        MuiFormControl: { defaultProps: { size: "small" } },
        // A chip that does something (a filter, a missing leaf to jump to) is a button to a finger too.
        MuiChip: {
          styleOverrides: {
            root: { fontWeight: 500 },
            clickable: { "@media (pointer: coarse)": { height: 44, borderRadius: 22 } },
          },
        },
      },
    },
    lang === "vi" ? viVN : enUS,
  );
}
